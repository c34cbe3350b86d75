import ConfabCore
import Foundation

/// `confab simulate-writer`: one writer process of `confab simulate`, also run alone by tests.
enum SimulateWriterCommand {
    static let spec = CommandSpec(
        name: "simulate-writer",
        abstract: "Run one writer process of 'confab simulate' (simulate starts these; tests run them alone).",
        discussion: """
            Appends turns to and edits the conversations given with --conversations at a fixed rate, \
            then prints one JSON object with its figures. With --ack-log, the id of every turn whose \
            commit succeeded is appended to that file as soon as the commit returns, so a crash \
            test can compare acknowledged and stored turns.
            """,
        options: [
            OptionSpec("index", valueName: "number", help: "This writer's number, from 0.", defaultValue: "0", kind: .integer(range: 0...10_000)),
            OptionSpec("rate", valueName: "operations", help: "Operations per second.", defaultValue: "100",
                       kind: .integer(range: 1...1_000_000)),
            OptionSpec("seconds", valueName: "seconds", help: "How long to write.", defaultValue: "10", kind: .integer(range: 1...86_400)),
            OptionSpec("conversations", valueName: "ids", help: "Comma-separated ids of the conversations to write to."),
            OptionSpec("edit-percent", valueName: "percent", help: "Share of operations that edit a title or tags instead of appending.",
                       defaultValue: "5", kind: .integer(range: 0...100)),
            OptionSpec("seed", valueName: "number", help: "Seed of the choice of conversations and texts.", defaultValue: "1",
                       kind: .integer(range: 0...Int.max)),
            SimulateCommand.textsOption,
            OptionSpec("ack-log", valueName: "path", help: "File that receives the id of each committed turn, one per line."),
            OptionSpec("stall-after-turns", valueName: "count",
                       help: "For crash tests: after this many turns, stop inside the next transaction, holding the write lock.",
                       kind: .integer(range: 0...Int.max)),
        ])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let conversationIDs = try parseIDs(arguments.string("conversations") ?? "")
        let store = try context.openExistingStore()
        let writer = store.makeLiveWriter()
        let index = arguments.int("index") ?? 0

        var ackDescriptor: Int32 = -1
        if let path = arguments.string("ack-log") {
            ackDescriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard ackDescriptor >= 0 else {
                throw CommandFailure("cannot open the acknowledgement log \(context.safe(path)): \(String(cString: strerror(errno)))")
            }
        }
        defer {
            if ackDescriptor >= 0 { close(ackDescriptor) }
        }

        let stallAfter = arguments.int("stall-after-turns")
        var acknowledged = 0
        let plan = SimulationPlan(
            writerIndex: index, operationsPerSecond: Double(arguments.int("rate") ?? 100),
            duration: .seconds(arguments.int("seconds") ?? 10), conversationIDs: conversationIDs,
            editShare: Double(arguments.int("edit-percent") ?? 5) / 100, seed: UInt64(arguments.int("seed") ?? 1))
        let loop = SimulationWriterLoop(
            writer: writer, plan: plan, texts: try SimulateCommand.texts(context, store: store, seed: plan.seed),
            acknowledge: { appended in
                if ackDescriptor >= 0 {
                    let line = Array("\(appended.turnID)\n".utf8)
                    _ = line.withUnsafeBytes { write(ackDescriptor, $0.baseAddress, $0.count) }
                }
                acknowledged += 1
                if let stallAfter, acknowledged == stallAfter {
                    writer.beforeCommit = { stallHoldingTheLock(writerIndex: index, stderr: context.stderr) }
                }
            },
            isCancelled: context.isCancelled)

        let report = loop.run()
        context.stdout.write(SimulationJSON.writerReport(report).serialized() + "\n")
        return ExitStatus.success
    }

    private static func stallHoldingTheLock(writerIndex: Int, stderr: OutputSink) -> Never {
        stderr.write("writer \(writerIndex) stalled inside a write transaction\n")
        stderr.flush()
        while true {
            sleep(3_600)
        }
    }

    static func parseIDs(_ text: String) throws -> [Int64] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: true)
        let ids = parts.compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard !ids.isEmpty, ids.count == parts.count else {
            throw UsageError(.invalid(message: "invalid --conversations value \"\(text)\": expected comma-separated conversation ids such as 1,2,3"),
                             commandPath: ["confab", "simulate-writer"])
        }
        return ids
    }
}
