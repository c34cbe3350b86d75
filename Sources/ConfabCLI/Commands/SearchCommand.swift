import ConfabCore
import Foundation

/// `confab search QUERY…`: full-text search over turns, printed as a list or as JSON.
enum SearchCommand {
    static let spec = CommandSpec(
        name: "search",
        abstract: "Search the text of all turns.",
        discussion: """
            Words are all required and matched as whole words, ignoring case and accents; "quoted \
            words" form a phrase, OR between two terms accepts either, -word excludes, word* matches \
            the start of words. Chinese, Japanese, Korean and Thai text is found anywhere inside a \
            sentence. Filters: user:NAME, role:user|assistant|system|tool, model:NAME (NAME* for a \
            prefix), conv:ID, source:FORMAT, tag:NAME, before:DATE, after:DATE (YYYY, YYYY-MM or \
            YYYY-MM-DD, UTC), in:title to search conversation titles; -filter:VALUE excludes. Put -- \
            before a query that starts with a dash. See docs/search.md.
            """,
        arguments: [ArgumentSpec("query", help: "The query; several arguments are joined with spaces.", arity: .oneOrMore)],
        options: [
            OptionSpec("limit", valueName: "count", help: "Show at most this many hits.", defaultValue: "20",
                       kind: .integer(range: 1...100_000)),
            OptionSpec("sort", valueName: "order",
                       help: "relevance (best match first; newest first when too many turns match to rank) or recent.",
                       defaultValue: "relevance", kind: .choice(SearchOrder.allCases.map(\.rawValue))),
        ],
        flags: [
            FlagSpec("json", help: "Print one JSON object with the hits and the total."),
            FlagSpec("raw", help: "Pass the query to SQLite FTS5 as an FTS5 expression (filters still apply)."),
        ])

    /// Set to a number of runs to print in-process timings of the search to standard error, for
    /// docs/benchmarks/search_benchmark.py.
    static let timingVariable = "CONFAB_SEARCH_TIMING_RUNS"

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let text = arguments.strings("query").joined(separator: " ")
        let syntax: SearchSyntax = arguments.flag("raw") ? .raw : .plain
        let request = SearchRequest(
            query: SearchQuery.parse(text, syntax: syntax),
            order: arguments.value("sort", as: SearchOrder.self) ?? .relevance,
            limit: arguments.int("limit") ?? 20)

        let store = try context.openExistingStore()
        let page: SearchPage
        do {
            page = try store.search(request, cancellation: nil)
        } catch let error as SearchError {
            throw CommandFailure(context.safe(error.description))
        }

        let output = arguments.flag("json") ? json(page, query: text) : list(page, context: context)
        context.stdout.write(output)
        for note in page.notes where !arguments.flag("json") {
            context.stderr.write("Note: " + context.safe(note) + "\n")
        }

        if let runs = context.environment[timingVariable].flatMap(Int.init), runs > 0 {
            context.stderr.write(try timings(request, store: store, runs: runs, asJSON: arguments.flag("json"), context: context))
        }
        return ExitStatus.success
    }

    // MARK: JSON

    static func json(_ page: SearchPage, query: String) -> String {
        let results: [JSONValue] = page.hits.map { hit in
            JSONRecords.object([
                ("conversation_id", JSONRecords.number(hit.conversationID)),
                ("turn_id", JSONRecords.number(hit.turnID)),
                ("role", .string(hit.role.rawValue)),
                ("kind", .string(hit.kind.rawValue)),
                ("user", .string(hit.userName)),
                ("user_id", JSONRecords.number(hit.userID)),
                ("conversation_title", JSONRecords.string(hit.conversationTitle)),
                ("model", JSONRecords.string(hit.model)),
                ("created_at", JSONRecords.time(hit.createdAt)),
                ("snippet", .string(hit.snippet.text)),
                ("highlights", .array(hit.snippet.highlightScalarOffsets.map {
                    .array([JSONRecords.number($0.lowerBound), JSONRecords.number($0.upperBound)])
                })),
            ])
        }
        let object = JSONRecords.object([
            ("query", .string(query)),
            ("order", .string(page.order.rawValue)),
            ("total", JSONRecords.number(page.total)),
            ("total_is_lower_bound", .bool(page.totalIsLowerBound)),
            ("notes", .array(page.notes.map(JSONValue.string))),
            ("results", .array(results)),
        ])
        return object.serialized() + "\n"
    }

    // MARK: List

    /// One block per hit: a header line, the title, and the snippet with its matches in bold and
    /// underlined on a terminal.
    static func list(_ page: SearchPage, context: CommandContext) -> String {
        let total = ProgressBar.grouped(page.total) + (page.totalIsLowerBound ? "+" : "")
        let noun = page.total == 1 && !page.totalIsLowerBound ? "turn matches" : "turns match"
        var output = "\(total) \(noun) (\(page.order == .relevance ? "best match first" : "newest first"))\n"
        let useStyle = context.stdout.isTerminal && !context.arguments.flag("no-color") && context.environment["NO_COLOR"] == nil
        let options = TerminalSanitizer.Options(layout: .singleLine, charset: context.charset)

        for (index, hit) in page.hits.enumerated() {
            let time = hit.createdAt.map(ISO8601.format) ?? "no time"
            let header = "conversation \(hit.conversationID) · turn \(hit.turnID) · \(hit.userName) · \(hit.role.rawValue) · \(time)"
            output += "\n\(index + 1). " + TerminalSanitizer.sanitize(header, options: options) + "\n"
            output += "   " + TerminalSanitizer.sanitize(hit.conversationTitle ?? "(untitled)", options: options) + "\n"
            output += "   " + styledSnippet(hit.snippet, options: options, useStyle: useStyle) + "\n"
        }
        return output
    }

    /// The snippet with each piece sanitised on its own, so the style codes added here are the
    /// only escape sequences in the line.
    static func styledSnippet(_ snippet: SearchSnippet, options: TerminalSanitizer.Options, useStyle: Bool) -> String {
        let ellipsis = options.charset == .ascii ? "..." : "…"
        var line = snippet.isTruncatedAtStart ? ellipsis : ""
        var position = snippet.text.startIndex
        for range in snippet.highlights {
            line += sanitizedPiece(snippet.text[position..<range.lowerBound], options: options)
            let match = sanitizedPiece(snippet.text[range], options: options)
            line += useStyle ? "\u{1B}[1;4m" + match + "\u{1B}[22;24m" : match
            position = range.upperBound
        }
        line += sanitizedPiece(snippet.text[position...], options: options)
        return line + (snippet.isTruncatedAtEnd ? ellipsis : "")
    }

    /// Sanitises a piece of a snippet, keeping the spaces at its ends that single-line
    /// sanitising would drop.
    private static func sanitizedPiece(_ piece: Substring, options: TerminalSanitizer.Options) -> String {
        let leading = piece.prefix { $0 == " " }.count
        let trailing = piece.count == leading ? 0 : piece.reversed().prefix { $0 == " " }.count
        let core = piece.dropFirst(leading).dropLast(trailing)
        return String(repeating: " ", count: leading) + TerminalSanitizer.sanitize(String(core), options: options)
            + String(repeating: " ", count: trailing)
    }

    // MARK: Timing

    /// Runs the search `runs` more times and returns the time of each in milliseconds as JSON: the
    /// store call and the formatting of the output, without process start-up.
    static func timings(_ request: SearchRequest, store: SQLiteStore, runs: Int, asJSON: Bool, context: CommandContext) throws -> String {
        var milliseconds: [Double] = []
        var lastPage: SearchPage?
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let page = try store.search(request, cancellation: nil)
            _ = asJSON ? json(page, query: "") : list(page, context: context)
            milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            lastPage = page
        }
        let object = JSONRecords.object([
            ("runs_ms", .array(milliseconds.map(JSONValue.number))),
            ("hits", JSONRecords.number(lastPage?.hits.count)),
            ("total", JSONRecords.number(lastPage?.total)),
            ("total_is_lower_bound", .bool(lastPage?.totalIsLowerBound ?? false)),
            ("order", .string(lastPage?.order.rawValue ?? "")),
        ])
        return object.serialized() + "\n"
    }
}
