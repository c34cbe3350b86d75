import ConfabCore

/// Runs the interactive console on the terminal until the user quits, and returns the exit
/// status for the process: 0 after quitting, 128 plus the signal number after SIGTERM, SIGINT,
/// SIGHUP or SIGQUIT.
///
/// The store at `storePath` is opened once first, which creates it or brings its schema up to
/// date, so that errors are reported before the terminal changes. The terminal is restored on
/// every way out: return, thrown error, those signals, and crash signals.
///
/// Throws `ConsoleError` when there is no usable terminal, and the store's errors when the
/// store cannot be opened.
public func runConsole(storePath: String, options: ConsoleOptions) throws -> Int32 {
    _ = try SQLiteStore(path: storePath)

    let terminal = try CursesTerminal(options: options)
    defer { terminal.shutdown() }

    let loop = try EventLoop()
    let depth = options.isColorDisabled ? .monochrome : terminal.colorDepth
    var messages: [(text: String, kind: StatusKind)] = []
    if let localeMessage = terminal.localeMessage {
        messages.append((localeMessage, .warning))
    }

    let configuration = ConsoleConfiguration(
        storePath: storePath,
        charset: terminal.charset,
        colorDepth: depth,
        themeCatalog: ThemeCatalog(environment: options.environment, executablePath: options.executablePath),
        themeName: options.themeName,
        keysFilePath: options.keysFilePath,
        searchHistoryPath: options.searchHistoryPath,
        screens: options.screens,
        startupMessages: messages
    )
    let console = Console(configuration: configuration, loop: loop)
    let runner = ConsoleRunner(terminal: terminal, loop: loop, console: console)
    return runner.run()
}
