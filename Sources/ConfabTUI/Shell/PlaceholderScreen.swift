import ConfabCore

/// A screen that is not built yet: it names what it will show, so that number keys and the
/// header already work for every screen.
public final class PlaceholderScreen: ConsoleScreen {
    public let id: ScreenID
    private let plans: [String]
    private var lastQuery: String?

    public init(id: ScreenID, plans: [String]) {
        self.id = id
        self.plans = plans
    }

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        if case .search(let query) = event, id == .search {
            lastQuery = query
            return .handled
        }
        return .ignored
    }

    public func hints(context: any ScreenContext) -> [KeyHint] {
        [context.hint(.search, "search"), context.hint(.command, "command")].compactMap { $0 }
    }

    public func draw(into region: Region, context: any ScreenContext) {
        let inside = region.drawBox(style: Style(.border), title: id.title, titleStyle: Style(.title))
        guard !inside.isEmpty else { return }

        var row = 1
        row = writeWrapped("The \(id.title) screen is not built yet. It will show:", into: inside, row: row, indent: 1, style: Style(.note))
        row += 1
        for plan in plans {
            inside.write(region.glyphs.bullet, column: 3, row: row, style: Style(.dim))
            row = writeWrapped(plan, into: inside, row: row, indent: 5, style: Style(.text))
        }
        if let lastQuery {
            row += 1
            let query = TerminalSanitizer.sanitize(lastQuery, options: .init(layout: .singleLine, charset: region.charset))
            writeWrapped("Your search for \"\(query)\" will run here.", into: inside, row: row, indent: 1, style: Style(.dim))
        }
    }

    /// Writes `text` word-wrapped from `row`, every line starting at `indent`, and returns the
    /// row after it.
    @discardableResult
    private func writeWrapped(_ text: String, into region: Region, row: Int, indent: Int, style: Style) -> Int {
        var row = row
        for line in TooSmallNote.wrap(text, width: max(1, region.width - indent - 1)) where row < region.height {
            region.write(line, column: indent, row: row, style: style)
            row += 1
        }
        return row
    }

    /// The placeholders of every screen, with what each will show.
    public static func standard(_ id: ScreenID) -> PlaceholderScreen {
        switch id {
        case .browse:
            PlaceholderScreen(id: id, plans: [
                "users with their conversation count and last activity",
                "a user's conversations: title, model, turns, last activity",
                "the transcript, with roles, times, code blocks, folds and branches",
            ])
        case .search:
            PlaceholderScreen(id: id, plans: [
                "full-text search over every turn, with highlighted snippets",
                "Enter on a hit opens the conversation at that turn",
            ])
        case .health:
            PlaceholderScreen(id: id, plans: [
                "the store's size, WAL size and integrity checks",
                "whether another process is writing, for the header's live badge",
            ])
        case .jobs:
            PlaceholderScreen(id: id, plans: [
                "imports, re-indexing and vacuums running in the background, with progress",
                "stopping a job, always after a confirmation",
            ])
        case .analytics:
            PlaceholderScreen(id: id, plans: [
                "conversations and turns over time, per user and per model",
            ])
        }
    }
}
