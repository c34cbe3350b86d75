@testable import ConfabTUI

/// A screen that records what the console sends it and draws a fixed text.
final class RecordingScreen: ConsoleScreen {
    let id: ScreenID
    var breadcrumb: [String]
    var actions: [ActionDefinition]
    var tickInterval: Duration?
    var events: [ScreenEvent] = []
    var ticks = 0
    var activations = 0
    var deactivations = 0
    /// What `handle` returns for `back-or-quit`: `.handled` while the screen can still go back.
    var backOrQuitDisposition = EventDisposition.ignored
    var text = "recording screen"

    init(id: ScreenID, breadcrumb: [String] = [], actions: [ActionDefinition] = [], tickInterval: Duration? = nil) {
        self.id = id
        self.breadcrumb = breadcrumb
        self.actions = actions
        self.tickInterval = tickInterval
    }

    func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        events.append(event)
        switch event {
        case .action(.backOrQuit):
            return backOrQuitDisposition
        case .action(let action):
            return actions.contains { $0.action == action } || action == .moveDown ? .handled : .ignored
        case .command(let name, _):
            return name == "known" ? .handled : .ignored
        default:
            return .handled
        }
    }

    func hints(context: any ScreenContext) -> [KeyHint] {
        [context.hint(.moveDown, "down"), context.hint(.open, "open")].compactMap { $0 }
    }

    func activate(context: any ScreenContext) {
        activations += 1
    }

    func deactivate(context: any ScreenContext) {
        deactivations += 1
    }

    func tick(context: any ScreenContext) {
        ticks += 1
    }

    func draw(into region: Region, context: any ScreenContext) {
        region.write(text, column: 0, row: 0)
    }

    /// Returns a catalogue with this screen in its place and placeholders for the rest.
    func catalog() -> ScreenCatalog {
        var catalog = ScreenCatalog.standard
        catalog.factories[id] = { _ in self }
        return catalog
    }
}
