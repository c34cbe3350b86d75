import ConfabCore
import Foundation

/// `confab backup`, `confab restore` and `confab check`.
enum BackupCommands {
    static let backupSpec = CommandSpec(
        name: "backup",
        abstract: "Copy the store to a new file while it stays in use, then verify the copy.",
        discussion: "Uses SQLite's online backup API; the copy gets mode 0600 and is checked with integrity_check and the FTS5 integrity-check.",
        arguments: [ArgumentSpec("path", help: "The backup file to create; it must not exist.")],
        flags: [FlagSpec("quiet", short: "q", help: "Show no progress bar."), FlagSpec("json", help: "Print the outcome as one JSON object.")])

    static let restoreSpec = CommandSpec(
        name: "restore",
        abstract: "Verify a backup, then replace the store's contents with it.",
        discussion: "Nothing is replaced unless the backup passes integrity_check, the FTS5 integrity-check and the schema check.",
        arguments: [ArgumentSpec("path", help: "The backup file to restore.")],
        flags: [FlagSpec("yes", short: "y", help: "Replace without asking for confirmation."), FlagSpec("json", help: "Print the outcome as one JSON object.")])

    static let checkSpec = CommandSpec(
        name: "check",
        abstract: "Check the store: quick_check and the FTS5 integrity-check of every index.",
        discussion: "Also finishes WAL truncations that an earlier 'forget' left pending.",
        flags: [FlagSpec("thorough", help: "Run integrity_check instead of quick_check."), FlagSpec("json", help: "Print one JSON object.")])

    static func backup(_ context: CommandContext) throws -> Int32 {
        let destination = context.arguments.string("path") ?? ""
        let store = try context.openExistingStore()
        let bar = context.stderr.isTerminal && !context.arguments.flag("quiet")
            ? ProgressBar(width: context.stderr.terminalColumns ?? 80, unicode: context.charset == .unicode, write: context.stderr.write)
            : nil
        let report = try store.backup(to: destination) { done, total in
            bar?.update(done: done, total: total, conversations: 0)
        }
        bar?.finished()
        try write(report, verb: "Backed up to", context: context)
        return ExitStatus.success
    }

    static func restore(_ context: CommandContext) throws -> Int32 {
        let source = context.arguments.string("path") ?? ""
        let store = try context.openStore()
        if !context.arguments.flag("yes") {
            guard RetentionSupport.confirm("Replace \(context.storePath) with \(source)? Type yes to confirm: ", expected: "yes", context: context) else {
                throw CommandFailure("nothing was restored; confirm by typing yes, or pass --yes")
            }
        }
        let report = try store.restore(from: source)
        try write(report, verb: "Restored from", context: context)
        return ExitStatus.success
    }

    private static func write(_ report: BackupReport, verb: String, context: CommandContext) throws {
        if context.arguments.flag("json") {
            context.stdout.write(JSONRecords.object([
                ("path", .string(report.path)),
                ("bytes", JSONRecords.number(report.bytes)),
                ("copy_seconds", .number(report.copySeconds)),
                ("verify_seconds", .number(report.verifySeconds)),
                ("verified", .bool(true)),
            ]).serialized() + "\n")
            return
        }
        context.stdout.write("\(verb) \(context.safe(report.path)): \(RetentionSupport.bytes(report.bytes)), copied in "
            + String(format: "%.2f s, verified in %.2f s", report.copySeconds, report.verifySeconds) + ".\n")
    }

    static func check(_ context: CommandContext) throws -> Int32 {
        let store = try context.openExistingStore()
        if let retentionContext = try? RetentionSupport.context(context) {
            _ = try? store.completePendingScrubs(context: retentionContext)
        }
        let report = try store.check(thorough: context.arguments.flag("thorough"))
        if context.arguments.flag("json") {
            context.stdout.write(JSONRecords.object([
                ("sound", .bool(report.isSound)),
                ("database_problems", .array(report.databaseProblems.map(JSONValue.string))),
                ("index_problems", .array(report.indexProblems.map(JSONValue.string))),
            ]).serialized() + "\n")
        } else if report.isSound {
            context.stdout.write("ok: \(context.arguments.flag("thorough") ? "integrity_check" : "quick_check") and the FTS5 integrity-check of every index passed.\n")
        } else {
            for problem in report.databaseProblems + report.indexProblems {
                context.stdout.write("problem: " + context.safe(problem) + "\n")
            }
        }
        return report.isSound ? ExitStatus.success : ExitStatus.failure
    }
}
