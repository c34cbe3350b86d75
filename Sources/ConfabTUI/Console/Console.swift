import ConfabCore
import Foundation

/// The console's state and behaviour, without a terminal: the screens, header, bottom line,
/// overlays, theme and keymap.
///
/// `ConsoleRunner` feeds it events from the terminal and renders what it draws; tests drive it
/// directly with `handle` and compare `draw` output as text. Everything runs on one thread.
public final class Console {
    public let storePath: String
    public let charset: TerminalSanitizer.Options.Charset
    public let glyphs: Glyphs
    public let colorDepth: ColorDepth
    let loop: EventLoop
    let themeCatalog: ThemeCatalog

    public private(set) var size = Size(width: 80, height: 24)
    public private(set) var theme: Theme
    public private(set) var keymap: Keymap
    public private(set) var activeScreen: ScreenID
    public private(set) var isFinished = false
    /// The process exit status once finished: 0, or 128 plus the number of the signal that
    /// ended the console.
    public private(set) var exitStatus: Int32 = 0

    /// True when something changed since the last frame.
    public internal(set) var needsDisplay = true
    /// True when the next frame must clear the terminal first (resize, Ctrl-L).
    public internal(set) var needsRepaint = true
    /// Set by the suspend action; the runner suspends the process and clears it.
    var wantsSuspend = false

    var screens: [ScreenID: any ConsoleScreen] = [:]
    var helpOverlay: HelpOverlay?
    var lineEditor: LineEditor?
    var histories: [LineEditor.Mode: [String]] = [:]
    /// Where the `/` line's history is kept between runs; nil keeps it in memory only.
    let searchHistoryFile: SearchHistoryFile?
    var status: StatusMessage?
    var pendingStatus: [StatusMessage] = []
    var statusTimer: TimerToken?
    var badge: HeaderBadge?
    var tickTimer: TimerToken?

    public init(configuration: ConsoleConfiguration, loop: EventLoop) {
        storePath = configuration.storePath
        charset = configuration.charset
        glyphs = Glyphs.forCharset(configuration.charset)
        colorDepth = configuration.colorDepth
        themeCatalog = configuration.themeCatalog
        searchHistoryFile = configuration.searchHistoryPath.map(SearchHistoryFile.init(path:))
        self.loop = loop
        activeScreen = configuration.initialScreen
        theme = BuiltinTheme.theme
        keymap = Keymap(definitions: ActionDefinition.standard)

        for id in ScreenID.allCases {
            screens[id] = configuration.screens.makeScreen(id, context: self)
        }
        keymap = Keymap(definitions: ActionDefinition.standard + ScreenID.allCases.flatMap { screens[$0]?.actions ?? [] })

        for message in configuration.startupMessages {
            showStatus(message.text, kind: message.kind)
        }
        if let path = configuration.keysFilePath {
            loadKeys(from: path)
        }
        loadSearchHistory()
        applyTheme(named: configuration.themeName ?? ThemeCatalog.defaultName)
        activate(activeScreen)
    }

    /// The theme mapped to the terminal's colours, for the renderer.
    public var terminalTheme: TerminalTheme {
        TerminalTheme(theme: theme, depth: colorDepth)
    }

    public func screen(_ id: ScreenID) -> (any ConsoleScreen)? {
        screens[id]
    }

    public func resize(to newSize: Size) {
        guard newSize != size else { return }
        size = newSize
        needsDisplay = true
        needsRepaint = true
    }

    /// Ends the console because of `signal` (SIGTERM, SIGINT, SIGHUP, SIGQUIT).
    public func terminate(signal: Int32) {
        finish(status: 128 + signal)
    }

    func finish(status: Int32) {
        guard !isFinished else { return }
        isFinished = true
        exitStatus = status
        screens[activeScreen]?.deactivate(context: self)
        stopTicks()
    }

    // MARK: Screens

    func activate(_ id: ScreenID) {
        activeScreen = id
        guard let screen = screens[id] else { return }
        screen.activate(context: self)
        if let interval = screen.tickInterval {
            tickTimer = loop.timers.schedule(after: interval, repeating: interval) { [weak self] in
                guard let self, let screen = self.screens[id], self.activeScreen == id else { return }
                screen.tick(context: self)
                self.needsDisplay = true
            }
        }
    }

    func switchScreen(to id: ScreenID) {
        guard id != activeScreen else { return }
        screens[activeScreen]?.deactivate(context: self)
        stopTicks()
        activate(id)
        needsDisplay = true
    }

    private func stopTicks() {
        if let tickTimer {
            loop.timers.cancel(tickTimer)
        }
        tickTimer = nil
    }

    // MARK: Themes and keys

    /// Switches to the theme called `name`; on failure keeps the current one and shows why.
    @discardableResult
    func applyTheme(named name: String) -> Bool {
        do {
            theme = try themeCatalog.load(named: name)
            needsDisplay = true
            return true
        } catch {
            showStatus("Theme not loaded: \(error)", kind: .error)
            return false
        }
    }

    private func loadSearchHistory() {
        guard let searchHistoryFile else { return }
        do {
            histories[.search] = try searchHistoryFile.load()
        } catch {
            showStatus("Search history not read: \(error)", kind: .warning)
        }
    }

    private func loadKeys(from path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            showStatus("Key file \(path) cannot be read as UTF-8 text; using the default keys", kind: .error)
            return
        }
        do {
            keymap = try KeymapParser.apply(text, file: path, to: keymap)
        } catch {
            showStatus("Key file not used: \(error)", kind: .error)
        }
    }
}
