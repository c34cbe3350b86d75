import ConfabCore
import Foundation

/// `confab analytics`: conversations, turns, characters, tokens and generation time of a
/// selection, grouped by period, user, model or source.
enum AnalyticsCommand {
    static let spec = CommandSpec(
        name: "analytics",
        abstract: "Show figures of the store: activity over time, per user, per model.",
        discussion: """
            Selects turns with a query in the search language (all turns by default), e.g. \
            --match 'model:gpt-4* after:2026-01'. Token and generation-time figures are sums over the \
            turns whose source recorded them, null when none did; percentiles are nearest-rank over \
            those turns. --view lengths prints the distribution of turns and characters per \
            conversation; --view growth prints new conversations and turns per period and source. \
            See docs/analytics.md.
            """,
        options: [
            OptionSpec("match", valueName: "query", help: "Only turns this search query selects (filters and text)."),
            OptionSpec("by", valueName: "grouping", help: "Group rows by day, week (ISO), month, user, model or source.",
                       defaultValue: "month", kind: .choice(AnalyticsGrouping.allCases.map(\.rawValue))),
            OptionSpec("top", valueName: "count",
                       help: "Keep this many groups (the latest periods, or the users, models or sources with the most turns) and sum the rest into one row.",
                       kind: .integer(range: 1...1_000_000)),
            OptionSpec("view", valueName: "view", help: "groups (the default), lengths or growth.", defaultValue: "groups",
                       kind: .choice(AnalyticsView.allCases.map(\.rawValue))),
            OptionSpec("format", valueName: "format", help: "table, csv or json (the same as --json).", defaultValue: "table",
                       kind: .choice(["table", "csv", "json"])),
        ],
        flags: [
            FlagSpec("json", help: "Print a JSON array with one object per row."),
            FlagSpec("check", help: "Compare the summary tables with the turns and report conversations that differ."),
            FlagSpec("rebuild", help: "Recompute the summary tables from the turns."),
        ])

    /// Set to a number of runs to print in-process timings of the report to standard error, for
    /// docs/benchmarks/analytics_benchmark.py.
    static let timingVariable = "CONFAB_ANALYTICS_TIMING_RUNS"

    enum AnalyticsView: String, CaseIterable {
        case groups
        case lengths
        case growth
    }

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let store = try context.openExistingStore()
        if arguments.flag("rebuild") {
            try store.rebuildAggregates()
            context.stderr.write("Rebuilt the analytics summary tables.\n")
        }
        if arguments.flag("check") {
            return try check(store, context: context)
        }

        let query = SearchQuery.parse(arguments.string("match") ?? "")
        // Problems of the selection go to standard error in every format, as search reports them,
        // so that a mistyped filter does not pass for an empty or whole-store figure.
        for problem in query.problems {
            context.stderr.write("Note: " + context.safe(problem.message) + "\n")
        }
        let view = arguments.value("view", as: AnalyticsView.self) ?? .groups
        let request = AnalyticsRequest(
            query: query, grouping: arguments.value("by", as: AnalyticsGrouping.self) ?? .month,
            top: arguments.int("top"), includesPercentiles: view == .groups)
        let format = arguments.flag("json") ? "json" : arguments.string("format") ?? "table"

        let report = try makeReport(request, store: store)
        context.stdout.write(AnalyticsOutput.render(report, view: view, format: format, context: context))
        if format == "table" {
            for note in report.notes {
                context.stderr.write("Note: " + context.safe(note) + "\n")
            }
        }

        if let runs = context.environment[timingVariable].flatMap(Int.init), runs > 0 {
            context.stderr.write(try timings(request, view: view, format: format, store: store, runs: runs, context: context))
        }
        return ExitStatus.success
    }

    private static func makeReport(_ request: AnalyticsRequest, store: SQLiteStore) throws -> AnalyticsReport {
        do {
            return try store.analytics(request, cancellation: nil)
        } catch let error as SearchError {
            throw CommandFailure(error.description)
        }
    }

    private static func check(_ store: SQLiteStore, context: CommandContext) throws -> Int32 {
        let result = try store.checkAggregates()
        let summary = "\(ProgressBar.grouped(result.summaryRows)) summary rows, "
            + "\(ProgressBar.grouped(result.pendingConversations)) conversations queued for a refresh"
        guard result.isConsistent else {
            let ids = result.mismatchedConversationIDs.prefix(20).map(String.init).joined(separator: ", ")
            let more = result.mismatchedConversationIDs.count > 20 ? ", …" : ""
            let count = result.mismatchedConversationIDs.count
            let subject = count == 1 ? "1 conversation has summary rows" : "\(count) conversations have summary rows"
            context.stderr.write("""
                Error: \(subject) that differ from the turns (ids \(ids)\(more)); \
                run 'confab analytics --rebuild' to recompute them

                """)
            context.stdout.write(summary + "\n")
            return ExitStatus.failure
        }
        context.stdout.write("The analytics summaries match the turns: " + summary + ".\n")
        return ExitStatus.success
    }

    /// Runs the report `runs` more times and returns the time of each in milliseconds as JSON:
    /// the store call and the formatting, without process start-up.
    private static func timings(_ request: AnalyticsRequest, view: AnalyticsView, format: String, store: SQLiteStore,
                                runs: Int, context: CommandContext) throws -> String {
        var milliseconds: [Double] = []
        var method = ""
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let report = try makeReport(request, store: store)
            _ = AnalyticsOutput.render(report, view: view, format: format, context: context)
            milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if case .scan = report.method { method = "scan" } else { method = "summaries" }
        }
        return JSONRecords.object([
            ("runs_ms", .array(milliseconds.map(JSONValue.number))),
            ("method", .string(method)),
        ]).serialized() + "\n"
    }
}
