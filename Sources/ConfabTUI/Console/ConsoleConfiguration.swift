import ConfabCore

/// Everything a `Console` needs that does not come from the terminal.
public struct ConsoleConfiguration {
    public var storePath: String
    public var charset: TerminalSanitizer.Options.Charset
    public var colorDepth: ColorDepth
    public var themeCatalog: ThemeCatalog
    /// The theme to start with; nil for `default`.
    public var themeName: String?
    /// The user's key file; nil for none. A missing file is not an error.
    public var keysFilePath: String?
    /// The file that keeps the `/` line's history between runs; nil keeps it in memory only.
    public var searchHistoryPath: String?
    public var screens: ScreenCatalog
    public var initialScreen: ScreenID
    /// Messages for the bottom line at start, such as the locale fallback.
    public var startupMessages: [(text: String, kind: StatusKind)]

    public init(
        storePath: String,
        charset: TerminalSanitizer.Options.Charset = .unicode,
        colorDepth: ColorDepth = .full256,
        themeCatalog: ThemeCatalog,
        themeName: String? = nil,
        keysFilePath: String? = nil,
        searchHistoryPath: String? = nil,
        screens: ScreenCatalog = .standard,
        initialScreen: ScreenID = .browse,
        startupMessages: [(text: String, kind: StatusKind)] = []
    ) {
        self.storePath = storePath
        self.charset = charset
        self.colorDepth = colorDepth
        self.themeCatalog = themeCatalog
        self.themeName = themeName
        self.keysFilePath = keysFilePath
        self.searchHistoryPath = searchHistoryPath
        self.screens = screens
        self.initialScreen = initialScreen
        self.startupMessages = startupMessages
    }
}
