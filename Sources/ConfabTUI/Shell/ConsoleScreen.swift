/// A top-level screen of the console, such as Browse.
///
/// The console owns the header, the bottom line and the overlays; a screen owns the main area
/// between them. Every method runs on the UI thread. A screen never touches ncurses: it draws
/// into a `Region` of the in-memory screen, and it does database work through a `Worker`.
///
/// Only `id`, `handle` and `draw` are required; the rest have default implementations.
public protocol ConsoleScreen: AnyObject {
    var id: ScreenID { get }

    /// The parts of the header's breadcrumb after the screen's title, as raw data: the console
    /// sanitises them. Browse might return `["alice", "Refactor the parser"]`.
    var breadcrumb: [String] { get }

    /// The screen's own actions, with default keys and help text. Their keys apply only while
    /// the screen is shown, and hide global keys there. Users can rebind them in keys.conf.
    var actions: [ActionDefinition] { get }

    /// How often `tick` runs while the screen is shown; nil for never.
    var tickInterval: Duration? { get }

    /// Returns the key hints for the bottom line, most important first. The console drops hints
    /// from the end when the line is too narrow. Build them with `context.hint(_:_:)`, so that they
    /// show the keys the user actually bound.
    func hints(context: any ScreenContext) -> [KeyHint]

    /// Called when the screen is shown, including the first time.
    func activate(context: any ScreenContext)

    /// Called when another screen is shown instead.
    func deactivate(context: any ScreenContext)

    /// Handles one event. Return `.ignored` to let the console apply its own meaning: for
    /// `back-or-quit` that is quitting, so a screen returns `.ignored` when it is at its top
    /// level and `.handled` when it went back.
    func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition

    /// Runs every `tickInterval` while the screen is shown: poll for new data here.
    func tick(context: any ScreenContext)

    /// Draws the main area. `region` is blank when this is called; draw every frame from the
    /// screen's state, without side effects.
    func draw(into region: Region, context: any ScreenContext)

    /// Receives every edit of the open `/` line and its closing, so results can follow the
    /// typing. The console sends it to the Search screen, whichever screen is shown, and shows
    /// the Search screen when it returns `.handled` for an edit.
    func searchLineChanged(_ change: SearchLineChange, context: any ScreenContext) -> EventDisposition

    /// The text the `/` line starts with when it is opened on this screen; nil for an empty line.
    var searchLineText: String? { get }
}

extension ConsoleScreen {
    public var breadcrumb: [String] { [] }
    public var actions: [ActionDefinition] { [] }
    public var tickInterval: Duration? { nil }
    public func hints(context: any ScreenContext) -> [KeyHint] { [] }
    public func activate(context: any ScreenContext) {}
    public func deactivate(context: any ScreenContext) {}
    public func tick(context: any ScreenContext) {}
    public func searchLineChanged(_ change: SearchLineChange, context: any ScreenContext) -> EventDisposition { .ignored }
    public var searchLineText: String? { nil }
}

/// What happened on the `/` line while it is open.
public enum SearchLineChange: Hashable, Sendable {
    /// The text changed to this.
    case edited(String)
    /// Esc or Backspace on an empty line closed it without submitting.
    case dismissed
    /// Ctrl-C closed it: the user wants the query in flight stopped.
    case interrupted
}

/// What the console passes to a screen.
public enum ScreenEvent: Hashable, Sendable {
    /// A key bound to `Action` was pressed (or the action was run from the `:` line).
    case action(Action)
    /// A key that no action is bound to.
    case key(Key)
    /// The mouse wheel turned over the main area: `lines` is negative for up. `position` is
    /// relative to the main area's top-left corner.
    case scroll(lines: Int, position: Point)
    /// A query submitted on the `/` line; the console sends it to the Search screen.
    case search(String)
    /// A `:` command that the console does not know, split into words.
    case command(name: String, arguments: [String])
}

public enum EventDisposition: Sendable {
    case handled
    case ignored
}

/// One hint on the bottom line: `j/k move`.
public struct KeyHint: Hashable, Sendable {
    public var keys: String
    public var label: String

    public init(keys: String, label: String) {
        self.keys = keys
        self.label = label
    }
}
