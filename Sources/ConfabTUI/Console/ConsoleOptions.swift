import Foundation

/// The command-line settings for the console.
public struct ConsoleOptions {
    /// The theme from `--theme NAME`; nil for `default`.
    public var themeName: String?
    /// `--no-color`. The `NO_COLOR` environment variable has the same effect.
    public var noColor: Bool
    /// Whether to ask the terminal for mouse wheel events. Mouse reporting stops the
    /// terminal's own text selection unless Shift is held.
    public var mouse: Bool
    public var environment: [String: String]
    /// The running executable, for finding the shipped Themes folder.
    public var executablePath: String?
    public var screens: ScreenCatalog

    public init(
        themeName: String? = nil,
        noColor: Bool = false,
        mouse: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath,
        screens: ScreenCatalog = .standard
    ) {
        self.themeName = themeName
        self.noColor = noColor
        self.mouse = mouse
        self.environment = environment
        self.executablePath = executablePath
        self.screens = screens
    }

    /// True when colour is off: `--no-color`, or `NO_COLOR` set to any non-empty value
    /// (the convention at no-color.org).
    public var isColorDisabled: Bool {
        noColor || !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The user's key file: `$XDG_CONFIG_HOME/confab/keys.conf`.
    public var keysFilePath: String? {
        ConfigDirectory.path(environment: environment).map { $0 + "/keys.conf" }
    }

    /// The search history: `$XDG_STATE_HOME/confab/search-history`.
    public var searchHistoryPath: String? {
        SearchHistoryFile.defaultPath(environment: environment)
    }
}
