import ConfabCore
import Foundation

/// `confab forget USER`: erases one user and prints the receipt.
enum ForgetCommand {
    static let spec = CommandSpec(
        name: "forget",
        abstract: "Erase everything of one user so that it cannot be recovered.",
        discussion: """
            Deletes the user's turns, conversations, index entries, change-feed rows, accounts and user row; \
            rewrites the FTS5 indexes, returns free pages to the file system and truncates the WAL. A ledger of \
            keyed hashes keeps a later import of an old export from bringing the conversations back. When \
            another connection keeps the WAL from being truncated, the receipt says pending and names it, and \
            the next retention command finishes the job. A user or conversation under legal hold is refused.
            """,
        arguments: [ArgumentSpec("user", help: "The user id, a unique name, or an external account id.")],
        options: [
            OptionSpec("wait", valueName: "seconds", help: "How long to retry truncating the WAL before reporting it pending.",
                       defaultValue: "5", kind: .integer(range: 0...3_600)),
        ],
        flags: [
            FlagSpec("yes", short: "y", help: "Erase without asking for confirmation."),
            FlagSpec("json", help: "Print the receipt as one JSON object."),
        ])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let reference = arguments.string("user") ?? ""
        let store = try context.openExistingStore()
        let retentionContext = try RetentionSupport.context(context)
        _ = try store.completePendingScrubs(context: retentionContext)

        let target = try store.erasureTarget(user: reference)
        if !arguments.flag("yes") {
            let prompt = "Erase user \(target.userID) (\(context.safe(target.name))): \(target.conversations) conversations, "
                + "\(target.turns) turns. This cannot be undone. Type the user id to confirm: "
            guard RetentionSupport.confirm(prompt, expected: String(target.userID), context: context) else {
                throw CommandFailure("nothing was erased; confirm by typing the user id, or pass --yes")
            }
        }

        let receipt = try store.forget(
            user: String(target.userID), context: retentionContext, waitSeconds: Double(arguments.int("wait") ?? 5))
        if arguments.flag("json") {
            context.stdout.write(json(receipt).serialized() + "\n")
        } else {
            context.stdout.write(text(receipt))
        }
        return ExitStatus.success
    }

    static func text(_ receipt: ErasureReceipt) -> String {
        var lines = [
            "Erased user #\(receipt.userHash.prefix(12)) (audit entry \(receipt.auditID)):",
            "  conversations: \(ProgressBar.grouped(receipt.conversations))",
            "  turns: \(ProgressBar.grouped(receipt.turns))",
            "  accounts: \(receipt.accounts)",
            "  change-feed rows: \(receipt.changeFeedRows.map(String.init) ?? "none (this store has no change feed)")",
            "  ledger entries: \(receipt.ledgerEntries)",
            "  bytes reclaimed: \(receipt.bytesReclaimed) (\(RetentionSupport.bytes(receipt.bytesReclaimed)))",
            "  time: \(String(format: "%.2f", receipt.seconds)) s",
            "  FTS5 indexes rewritten, free pages returned; WAL truncation: \(receipt.scrub.text)",
        ]
        if case .pending = receipt.scrub {
            lines.append("  The erased data stays in the WAL until it is truncated; run 'confab check' later to finish.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ receipt: ErasureReceipt) -> JSONValue {
        var pending: JSONValue = .null
        if case let .pending(blocker) = receipt.scrub {
            pending = .string(blocker)
        }
        return JSONRecords.object([
            ("user_hash", .string(receipt.userHash)),
            ("audit_id", JSONRecords.number(receipt.auditID)),
            ("conversations", JSONRecords.number(receipt.conversations)),
            ("turns", JSONRecords.number(receipt.turns)),
            ("accounts", JSONRecords.number(receipt.accounts)),
            ("change_feed_rows", JSONRecords.number(receipt.changeFeedRows)),
            ("ledger_entries", JSONRecords.number(receipt.ledgerEntries)),
            ("bytes_reclaimed", JSONRecords.number(receipt.bytesReclaimed)),
            ("seconds", .number(receipt.seconds)),
            ("wal", .string(receipt.scrub == .complete ? "complete" : "pending")),
            ("pending_reason", pending),
        ])
    }
}
