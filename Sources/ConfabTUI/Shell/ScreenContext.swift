import ConfabCore

/// The services the console offers a screen. The console implements it, and a screen receives
/// it in every call and must not keep it beyond the console's life.
public protocol ScreenContext: AnyObject {
    /// The store the console was opened on. Open your own connection in a worker.
    var storePath: String { get }
    var keymap: Keymap { get }
    /// The character set of the terminal: `.ascii` when no UTF-8 locale exists. Pass it to
    /// `TerminalSanitizer` for text from data.
    var charset: TerminalSanitizer.Options.Charset { get }
    var glyphs: Glyphs { get }
    var activeScreen: ScreenID { get }

    /// Shows a short message at the right of the bottom line for a few seconds.
    func showStatus(_ message: String, kind: StatusKind)

    /// Asks for a new frame. Handling an event, a worker result or a timer redraws anyway;
    /// call this only after changing state from somewhere else.
    func requestRedraw()

    /// Shows another top-level screen.
    func show(_ screen: ScreenID)

    /// Returns the screen with `id`, so one screen can hand work to another (Search opens a hit
    /// in Browse).
    func screen(_ id: ScreenID) -> (any ConsoleScreen)?
    /// Runs `query` on the Search screen and shows it, as if it was typed on the `/` line.
    func openSearch(_ query: String)

    /// Sets the badge at the right of the header (nil removes it).
    func setBadge(_ badge: HeaderBadge?)

    /// Runs `handler` on the UI thread after `delay`, and every `interval` if given. The
    /// console redraws after each run.
    @discardableResult
    func schedule(after delay: Duration, repeating interval: Duration?, _ handler: @escaping () -> Void) -> TimerToken

    func cancelTimer(_ token: TimerToken)

    /// Makes a worker that runs closures on its own background queue, with a resource made
    /// there by `open` (a store connection), and delivers their results on the UI thread.
    func makeWorker<Resource>(
        label: String,
        interruptHandle: (@Sendable (Resource) -> InterruptHandle?)?,
        open: @escaping @Sendable () throws -> Resource
    ) -> Worker<Resource>

    /// Returns the hint for `action` with the key the user bound to it, or nil when it has none.
    func hint(_ action: Action, _ label: String) -> KeyHint?
}

extension ScreenContext {
    /// Makes a worker whose running jobs are interrupted only through `WorkerJob.onCancel`.
    public func makeWorker<Resource>(label: String, open: @escaping @Sendable () throws -> Resource) -> Worker<Resource> {
        makeWorker(label: label, interruptHandle: nil, open: open)
    }
}

public enum StatusKind: Sendable {
    case info
    case warning
    case error
}

/// The badge at the right of the header, such as `● live` or `paused`.
public struct HeaderBadge: Hashable, Sendable {
    public var text: String
    public var element: ThemeElement

    public init(_ text: String, element: ThemeElement = .badge) {
        self.text = text
        self.element = element
    }
}
