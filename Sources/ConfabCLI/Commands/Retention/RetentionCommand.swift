import ConfabCore
import Foundation

/// `confab retention plan|run`: previews and applies retention policies.
enum RetentionCommand {
    static let planSpec = CommandSpec(
        name: "plan",
        abstract: "List what each rule would touch, changing nothing.",
        discussion: "Counts conversations, turns and bytes of text per rule. A conversation is counted under the first rule that selects it; held conversations are counted apart.",
        options: [RetentionSupport.policyOption, RetentionSupport.matchOption, actionOption, archiveOption],
        flags: [FlagSpec("json", help: "Print the plan as one JSON object.")])

    static let runSpec = CommandSpec(
        name: "run",
        abstract: "Apply a policy in short batches; run it again to resume after a stop.",
        discussion: """
            Each batch is one short write transaction, sized to hold the write lock for about 10 ms and \
            followed by a pause as long, and checks its rule again, so a conversation that gained a turn \
            since the plan is kept. Ctrl-C \
            stops between batches; after a stop or a crash the same command resumes the job. When the job \
            ends, FTS5 segments are merged, free pages are returned and the WAL is truncated unless another connection is reading.
            """,
        options: [
            RetentionSupport.policyOption, RetentionSupport.matchOption, actionOption, archiveOption,
            OptionSpec("batch-turns", valueName: "count", help: "Touch at most this many turns per batch.",
                       kind: .integer(range: 1...100_000)),
        ],
        flags: [
            FlagSpec("json", help: "Print the outcome as one JSON object."),
            FlagSpec("abandon", help: "Give up an unfinished job of another policy instead of refusing to start."),
            FlagSpec("quiet", short: "q", help: "Show no progress bar."),
        ])

    static let spec = CommandSpec(
        name: "retention",
        abstract: "Plan and run retention policies (delete, anonymise, archive).",
        discussion: "See docs/retention.md for the policy file format.",
        subcommands: [planSpec, runSpec])

    static let actionOption = OptionSpec(
        "action", valueName: "action", help: "What --match does to the selected conversations.", defaultValue: "delete",
        kind: .choice(RetentionAction.allCases.map(\.rawValue)))
    static let archiveOption = OptionSpec(
        "archive", valueName: "path", help: "The SQLite file that --action archive copies conversations to.")

    static func run(_ context: CommandContext, subcommand: String?) throws -> Int32 {
        switch subcommand {
        case "plan":
            return try plan(context)
        case "run":
            return try apply(
                context, action: context.arguments.value("action", as: RetentionAction.self) ?? .delete,
                archivePath: context.arguments.string("archive"))
        default:
            throw CommandFailure("choose a subcommand: 'confab retention plan' or 'confab retention run'")
        }
    }

    /// Set to the path of an existing file to append, for each batch, its write-lock time in seconds
    /// and the Unix time it ended, one batch per line, for docs/benchmarks/retention_benchmark.py.
    static let batchLogVariable = "CONFAB_RETENTION_BATCH_LOG"

    static func plan(_ context: CommandContext) throws -> Int32 {
        let action = context.arguments.value("action", as: RetentionAction.self) ?? .delete
        let policy = try RetentionSupport.policy(context, action: action, archivePath: context.arguments.string("archive"))
        let store = try context.openExistingStore()
        let plan = try store.retentionPlan(policy, now: Date())
        if context.arguments.flag("json") {
            context.stdout.write(RetentionSupport.planJSON(plan).serialized() + "\n")
        } else {
            context.stdout.write(RetentionSupport.planTable(plan, context: context))
            context.stdout.write("Total: \(ProgressBar.grouped(plan.conversations)) conversations, \(ProgressBar.grouped(plan.turns)) turns, "
                + "\(RetentionSupport.bytes(plan.bytes)). Nothing was changed.\n")
        }
        return ExitStatus.success
    }

    /// Runs the selection as a job. `archivePath` is the `--archive` option of the commands that
    /// declare it.
    static func apply(_ context: CommandContext, action: RetentionAction, archivePath: String?) throws -> Int32 {
        let arguments = context.arguments
        let policy = try RetentionSupport.policy(context, action: action, archivePath: archivePath)
        let store = try context.openExistingStore()
        let retentionContext = try RetentionSupport.context(context)
        _ = try store.completePendingScrubs(context: retentionContext)
        let plan = try store.retentionPlan(policy, now: Date())

        let bar = context.stderr.isTerminal && !arguments.flag("quiet") && !arguments.flag("json")
            ? ProgressBar(width: context.stderr.terminalColumns ?? 80, unicode: context.charset == .unicode, write: context.stderr.write)
            : nil
        let batchLog = context.environment[batchLogVariable].flatMap { FileHandle(forWritingAtPath: $0) }
        defer { try? batchLog?.close() }
        let runner = RetentionJobRunner(store: store, context: retentionContext)
        let status = try runner.run(
            policy, plannedConversations: plan.conversations, abandonOther: arguments.flag("abandon"),
            maxTurnsPerBatch: arguments.int("batch-turns"), isCancelled: context.isCancelled
        ) { progress in
            batchLog?.write(Data(String(format: "%.6f %.6f\n", progress.lastLockSeconds, Date().timeIntervalSince1970).utf8))
            bar?.update(done: Int64(progress.conversationsDone), total: Int64(max(1, progress.conversationsPlanned)),
                        conversations: progress.conversationsDone)
        }
        bar?.finished()

        if arguments.flag("json") {
            context.stdout.write(json(status, policy: policy).serialized() + "\n")
        } else {
            context.stdout.write(text(status, policy: policy))
        }
        if status.status == "cancelled" {
            context.stderr.write("Stopped between batches; run the same command again to resume job \(status.id).\n")
            return 130
        }
        return ExitStatus.success
    }

    static func text(_ status: RetentionJobStatus, policy: RetentionPolicy) -> String {
        var lines = ["Retention job \(status.id) \(status.status)\(status.isResumed ? " (resumed)" : ""): "
            + "\(ProgressBar.grouped(status.conversations)) conversations, \(ProgressBar.grouped(status.turns)) turns in \(status.batches) batches"]
        for (index, counts) in status.counts.enumerated() where index < policy.rules.count {
            let rule = policy.rules[index]
            lines.append("  \(rule.name) (\(rule.action.rawValue)): \(ProgressBar.grouped(counts.conversations)) conversations, "
                + "\(ProgressBar.grouped(counts.turns)) turns, \(RetentionSupport.bytes(counts.bytes))")
        }
        if let reclaimed = status.bytesReclaimed {
            lines.append("  bytes reclaimed: \(reclaimed) (\(RetentionSupport.bytes(reclaimed)))")
        }
        if let scrub = status.scrub {
            lines.append("  WAL truncation: \(scrub)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ status: RetentionJobStatus, policy: RetentionPolicy) -> JSONValue {
        JSONRecords.object([
            ("job_id", JSONRecords.number(status.id)),
            ("status", .string(status.status)),
            ("resumed", .bool(status.isResumed)),
            ("conversations", JSONRecords.number(status.conversations)),
            ("turns", JSONRecords.number(status.turns)),
            ("batches", JSONRecords.number(status.batches)),
            ("bytes_reclaimed", status.bytesReclaimed.map { JSONRecords.number($0) } ?? .null),
            ("wal", JSONRecords.string(status.scrub)),
            ("rules", .array(status.counts.enumerated().map { index, counts in
                JSONRecords.object([
                    ("name", .string(index < policy.rules.count ? policy.rules[index].name : "?")),
                    ("action", .string(index < policy.rules.count ? policy.rules[index].action.rawValue : "?")),
                    ("conversations", JSONRecords.number(counts.conversations)),
                    ("turns", JSONRecords.number(counts.turns)),
                    ("bytes", JSONRecords.number(counts.bytes)),
                ])
            })),
        ])
    }
}
