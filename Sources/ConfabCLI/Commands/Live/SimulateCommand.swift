import ConfabCore
import Foundation
import Synchronization

/// `confab simulate`: several writer processes appending and editing at once, then an audit of
/// the acknowledged turns against the stored ones.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        abstract: "Run concurrent writer processes against the store and report throughput, retries and conflicts.",
        discussion: """
            Starts --writers processes ('confab simulate-writer') that each start --rate operations per \
            second for --seconds seconds: realistic turns (from the demo generator, or with --texts store \
            from the messages already in the store) appended to a shared pool of conversations, and about 5 % title and tag edits. Several writers touch every \
            conversation, so answers to a tip another writer already extended become branches and \
            edits from stale versions are merged or rejected (see docs/health.md). Afterwards every \
            acknowledged turn is looked up in the store: lost turns must be 0.
            """,
        options: [
            OptionSpec("writers", valueName: "count", help: "Number of writer processes.", defaultValue: "4", kind: .integer(range: 1...256)),
            OptionSpec("rate", valueName: "turns", help: "Operations per second of each writer.", defaultValue: "100",
                       kind: .integer(range: 1...1_000_000)),
            OptionSpec("seconds", valueName: "seconds", help: "How long the writers run.", defaultValue: "10", kind: .integer(range: 1...86_400)),
            OptionSpec("conversations", valueName: "count",
                       help: "Conversations in the shared pool (default: twice the writers, at least 8).", kind: .integer(range: 1...10_000)),
            OptionSpec("edit-percent", valueName: "percent", help: "Share of operations that edit a title or tags.", defaultValue: "5",
                       kind: .integer(range: 0...100)),
            OptionSpec("seed", valueName: "number", help: "Seed of the texts and of each writer's choices.", defaultValue: "1",
                       kind: .integer(range: 0...Int.max)),
            textsOption,
        ],
        flags: [FlagSpec("json", help: "Print one JSON object with the figures.")])

    static let textsOption = OptionSpec(
        "texts", valueName: "source",
        help: "Where turn texts come from: demo (the demo generator) or store (messages already in the store, such as an imported corpus).",
        defaultValue: "demo", kind: .choice(["demo", "store"]))

    /// Returns the turn texts that `--texts` names.
    static func texts(_ context: CommandContext, store: SQLiteStore, seed: UInt64) throws -> SimulationTexts {
        guard context.arguments.string("texts") == "store" else { return SimulationTexts(seed: seed) }
        guard let texts = try SimulationTexts(store: store) else {
            throw CommandFailure("--texts store: the store has no user or assistant messages to reuse; import a corpus first or use --texts demo")
        }
        return texts
    }

    /// Set to the path of the `confab` binary that starts the writers; by default this process's own.
    static let executableVariable = "CONFAB_EXECUTABLE"

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let writers = arguments.int("writers") ?? 4
        let seconds = arguments.int("seconds") ?? 10
        let seed = UInt64(arguments.int("seed") ?? 1)
        let poolSize = arguments.int("conversations") ?? max(8, writers * 2)

        let store = try context.openStore()
        let texts = try texts(context, store: store, seed: seed)
        let pool = try makePool(size: poolSize, texts: texts, store: store)
        let runFolder = FileManager.default.temporaryDirectory.appendingPathComponent("confab-simulate-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: runFolder) }

        let started = Date()
        let processes = try (0..<writers).map { index in
            try startWriter(index: index, pool: pool, runFolder: runFolder, context: context)
        }
        waitForAll(processes, context: context)
        let elapsed = Date().timeIntervalSince(started)
        // Each append queued its conversation for the analytics summaries; refresh them once here
        // instead of inside every writer's transaction.
        try store.refreshPendingAggregates()

        let outcome = try SimulationAudit.collect(
            writers: processes.map { writer in
                let process = writer.process
                let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
                return (writer.index, process.terminationStatus, signal, writer.reportPath, writer.errorPath, writer.ackPath)
            },
            pool: pool, store: store)
        let summary = SimulationSummary(writers: writers, ratePerWriter: arguments.int("rate") ?? 100, seconds: seconds,
                                        elapsedSeconds: elapsed, outcome: outcome)
        context.stdout.write(arguments.flag("json") ? summary.json().serialized() + "\n" : summary.text(charset: context.charset))

        if outcome.lostTurns > 0 {
            throw CommandFailure("\(outcome.lostTurns) acknowledged turns are missing from the store")
        }
        if !outcome.failedWriters.isEmpty {
            throw CommandFailure("writers \(outcome.failedWriters.map(String.init).joined(separator: ", ")) failed; see the messages above")
        }
        return ExitStatus.success
    }

    /// Starts `size` conversations for the users of `texts`, titled like its conversations.
    private static func makePool(size: Int, texts: SimulationTexts, store: SQLiteStore) throws -> [Int64] {
        let writer = store.makeLiveWriter()
        return try (0..<size).map { index in
            try writer.startConversation(NewConversation(
                userName: texts.userNames[index % texts.userNames.count], title: texts.titles[index % texts.titles.count],
                source: "simulate")).conversationID
        }
    }

    struct RunningWriter {
        var index: Int
        var process: Process
        var reportPath: String
        var errorPath: String
        var ackPath: String
    }

    private static func startWriter(index: Int, pool: [Int64], runFolder: URL, context: CommandContext) throws -> RunningWriter {
        let arguments = context.arguments
        let reportPath = runFolder.appendingPathComponent("writer-\(index).json").path
        let errorPath = runFolder.appendingPathComponent("writer-\(index).err").path
        let ackPath = runFolder.appendingPathComponent("writer-\(index).ack").path
        for path in [reportPath, errorPath] where !FileManager.default.createFile(atPath: path, contents: nil) {
            throw CommandFailure("cannot create \(path) for writer \(index)'s output")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath(context.environment))
        process.arguments = [
            "--db", context.storePath, "simulate-writer", "--index", "\(index)",
            "--rate", "\(arguments.int("rate") ?? 100)", "--seconds", "\(arguments.int("seconds") ?? 10)",
            "--conversations", pool.map(String.init).joined(separator: ","),
            "--edit-percent", "\(arguments.int("edit-percent") ?? 5)", "--seed", "\(arguments.int("seed") ?? 1)",
            "--ack-log", ackPath, "--texts", arguments.string("texts") ?? "demo",
        ]
        process.environment = context.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: reportPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        do {
            try process.run()
        } catch {
            throw CommandFailure("cannot start writer \(index) (\(process.executableURL?.path ?? "?")): \(error.localizedDescription)")
        }
        return RunningWriter(index: index, process: process, reportPath: reportPath, errorPath: errorPath, ackPath: ackPath)
    }

    static func executablePath(_ environment: [String: String]) -> String {
        if let path = environment[executableVariable], !path.isEmpty {
            return path
        }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Waits for every writer. Ctrl-C or SIGTERM sends them SIGINT to stop early, and they still
    /// report, so no writer outlives the run.
    private static func waitForAll(_ writers: [RunningWriter], context: CommandContext) {
        let terminated = Atomic<Bool>(false)
        signal(SIGTERM, SIG_IGN)
        let termination = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        termination.setEventHandler { terminated.store(true, ordering: .relaxed) }
        termination.resume()
        defer {
            termination.cancel()
            signal(SIGTERM, SIG_DFL)
        }

        var interrupted = false
        while writers.contains(where: { $0.process.isRunning }) {
            if (context.isCancelled() || terminated.load(ordering: .relaxed)) && !interrupted {
                interrupted = true
                for writer in writers where writer.process.isRunning {
                    kill(writer.process.processIdentifier, SIGINT)
                }
            }
            usleep(50_000)
        }
    }
}
