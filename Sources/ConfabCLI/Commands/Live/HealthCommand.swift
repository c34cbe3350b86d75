import ConfabCore
import Foundation

/// `confab health`: sync latency, commit rates, WAL and page figures, optionally sizes and checks.
enum HealthCommand {
    static let spec = CommandSpec(
        name: "health",
        abstract: "Watch the store's sync latency, commit rate, WAL and size figures.",
        discussion: """
            Watches for --seconds seconds and prints one report. Sync latency is the time from a \
            writer's commit to the moment this process read the change (see docs/health.md); only \
            changes committed while it watches are measured. --watch prints one line per second \
            instead (JSON Lines with --json) until --seconds pass or Ctrl-C. --sizes adds per-table \
            and per-index sizes and full-text index statistics, --check runs quick_check and the \
            FTS5 integrity-checks (exit status 1 when they find a problem).
            """,
        options: [
            OptionSpec("seconds", valueName: "seconds", help: "How long to watch (default 2; unlimited with --watch).",
                       kind: .integer(range: 0...86_400)),
            OptionSpec("run", valueName: "action", help: "Run a maintenance action first.",
                       kind: .choice(MaintenanceAction.allCases.map(\.rawValue))),
        ],
        flags: [
            FlagSpec("json", help: "Print JSON: one object, or one per line with --watch."),
            FlagSpec("watch", help: "Print a line every second."),
            FlagSpec("sizes", help: "Add table, index and full-text index sizes (reads the whole store)."),
            FlagSpec("check", help: "Run quick_check and the FTS5 integrity-checks."),
        ])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let path = context.storePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no Confab store at \(context.safe(path)); create one with 'confab import FILE' or pass --db PATH")
        }
        // Opening the store read-write once applies any missing schema step, such as the change feed.
        _ = try context.openExistingStore()
        let probe = try SQLiteHealthProbe(path: path)
        if let action = arguments.value("run", as: MaintenanceAction.self) {
            context.stderr.write(try probe.perform(action) + "\n")
        }

        let monitor = SyncLatencyMonitor(databasePath: path) { try SQLiteStore(path: path, readOnly: true) }
        let watch = HealthWatch(probe: probe, monitor: monitor)
        monitor.start()
        defer { monitor.stop() }

        if arguments.flag("watch") {
            let reader = try SQLiteStore(path: path, readOnly: true)
            try watchLines(watch, seconds: arguments.int("seconds"), followed: { try reader.followedSources() }, context: context)
            return ExitStatus.success
        }

        let seconds = arguments.int("seconds") ?? 2
        let deadline = ContinuousClock.now + .seconds(seconds)
        try watch.sample()
        while ContinuousClock.now < deadline && !context.isCancelled() {
            usleep(250_000)
            try watch.sample()
        }

        var report = HealthReport(path: path, watch: watch, snapshot: monitor.snapshot(),
                                  followed: try SQLiteStore(path: path, readOnly: true).followedSources())
        if arguments.flag("sizes") {
            report.anatomy = try probe.anatomy()
        }
        if arguments.flag("check") {
            report.integrity = try probe.checkIntegrity { step, index, count in
                if context.stderr.isTerminal {
                    context.stderr.write("checking \(step) (\(index + 1) of \(count))…\n")
                }
            }
        }
        context.stdout.write(arguments.flag("json") ? report.json().serialized() + "\n" : report.text(charset: context.charset))
        let problems = report.integrity?.reduce(0) { $0 + $1.problems.count } ?? 0
        return problems > 0 ? ExitStatus.failure : ExitStatus.success
    }

    /// Prints one line per second until `seconds` pass (forever when nil) or Ctrl-C.
    private static func watchLines(
        _ watch: HealthWatch, seconds: Int?, followed: () throws -> [FollowedSource], context: CommandContext
    ) throws {
        let started = ContinuousClock.now
        var lines = 0
        let asJSON = context.arguments.flag("json")
        if !asJSON {
            context.stdout.write(HealthReport.watchHeader)
        }
        while !context.isCancelled() {
            if let seconds, ContinuousClock.now - started >= .seconds(seconds) { break }
            for _ in 0..<4 {
                usleep(250_000)
                try watch.sample()
            }
            let report = HealthReport(path: context.storePath, watch: watch, snapshot: watch.monitor.snapshot(), followed: try followed())
            context.stdout.write(asJSON ? report.json().serialized() + "\n" : report.watchLine())
            context.stdout.flush()
            lines += 1
            if !asJSON && lines % 20 == 0 {
                context.stdout.write(HealthReport.watchHeader)
            }
        }
    }
}
