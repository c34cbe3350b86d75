import ConfabCore
import Foundation

/// `confab audit`: the append-only log of imports, jobs, erasures and holds.
enum AuditCommand {
    static let spec = CommandSpec(
        name: "audit",
        abstract: "Show the audit log of imports, retention jobs, erasures and holds, newest first.",
        options: [OptionSpec("limit", valueName: "count", help: "Show at most this many entries.", defaultValue: "50",
                             kind: .integer(range: 1...Int.max))],
        flags: [FlagSpec("json", help: "Print a JSON array of entries.")])

    static func run(_ context: CommandContext) throws -> Int32 {
        let store = try context.openExistingStore()
        let entries = try store.auditEntries(limit: context.arguments.int("limit") ?? 50)
        if context.arguments.flag("json") {
            context.stdout.write(JSONRecords.array(entries.map(json)))
            return ExitStatus.success
        }
        var table = TextTable(columns: [
            .init(title: "ID", alignRight: true), .init(title: "WHEN"), .init(title: "WHO", maxWidth: 16), .init(title: "ACTION"),
            .init(title: "SELECTION", maxWidth: 40), .init(title: "CONV", alignRight: true), .init(title: "TURNS", alignRight: true),
            .init(title: "RECLAIMED", alignRight: true), .init(title: "TIME", alignRight: true), .init(title: "OUTCOME"),
        ], charset: context.charset)
        for entry in entries {
            table.append([
                String(entry.id), ISO8601.format(entry.at), entry.actor, entry.action, entry.selection ?? "",
                ProgressBar.grouped(entry.conversations), ProgressBar.grouped(entry.turns),
                entry.bytesReclaimed.map(RetentionSupport.bytes) ?? "", entry.seconds.map { String(format: "%.1f s", $0) } ?? "",
                entry.outcome,
            ])
        }
        context.stdout.write(table.render())
        return ExitStatus.success
    }

    static func json(_ entry: AuditEntry) -> JSONValue {
        JSONRecords.object([
            ("id", JSONRecords.number(entry.id)),
            ("at", JSONRecords.time(entry.at)),
            ("actor", .string(entry.actor)),
            ("action", .string(entry.action)),
            ("selection", JSONRecords.string(entry.selection)),
            ("conversations", JSONRecords.number(entry.conversations)),
            ("turns", JSONRecords.number(entry.turns)),
            ("bytes_reclaimed", entry.bytesReclaimed.map { JSONRecords.number($0) } ?? .null),
            ("seconds", entry.seconds.map { .number($0) } ?? .null),
            ("outcome", .string(entry.outcome)),
            ("detail", JSONRecords.string(entry.detail)),
        ])
    }
}
