import ConfabCore
import Foundation

/// `confab scan`: reports personal data and secrets in turn text without changing anything.
enum ScanCommand {
    static let spec = CommandSpec(
        name: "scan",
        abstract: "Find e-mail addresses, phone and card numbers, IP addresses and keys in turns.",
        discussion: "Read-only. Findings are shown masked. See docs/retention.md for what is and is not detected.",
        options: [
            RetentionSupport.matchOption,
            OptionSpec("limit", valueName: "count", help: "Stop after this many findings.", defaultValue: "1000",
                       kind: .integer(range: 1...10_000_000)),
        ],
        flags: [FlagSpec("json", help: "Print the findings as one JSON object.")])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        var query: SearchQuery?
        if let match = arguments.string("match") {
            query = try RetentionRule(name: "match", match: match, action: .delete).query(at: Date())
        }
        let store = try context.openExistingStore()
        let report = try store.scan(query, limit: arguments.int("limit") ?? 1000, detector: PersonalDataDetector())

        if arguments.flag("json") {
            context.stdout.write(json(report).serialized() + "\n")
            return ExitStatus.success
        }
        var table = TextTable(columns: [
            .init(title: "USER", maxWidth: 20), .init(title: "CONVERSATION", alignRight: true), .init(title: "TURN", alignRight: true),
            .init(title: "KIND"), .init(title: "EXCERPT", maxWidth: 70),
        ], charset: context.charset)
        for finding in report.findings {
            table.append([finding.userName, String(finding.conversationID), String(finding.turnID), finding.kind.rawValue, finding.excerpt])
        }
        context.stdout.write(table.render())
        var counts: [FindingKind: Int] = [:]
        for finding in report.findings {
            counts[finding.kind, default: 0] += 1
        }
        let summary = FindingKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ")
        context.stdout.write("\(report.findings.count) findings in \(ProgressBar.grouped(report.turnsScanned)) turns"
            + (summary.isEmpty ? "" : " (\(summary))") + (report.isTruncated ? "; stopped at --limit" : "") + ".\n")
        return ExitStatus.success
    }

    static func json(_ report: ScanReport) -> JSONValue {
        JSONRecords.object([
            ("turns_scanned", JSONRecords.number(report.turnsScanned)),
            ("truncated", .bool(report.isTruncated)),
            ("findings", .array(report.findings.map { finding in
                JSONRecords.object([
                    ("user_id", JSONRecords.number(finding.userID)),
                    ("user", .string(finding.userName)),
                    ("conversation_id", JSONRecords.number(finding.conversationID)),
                    ("conversation_title", JSONRecords.string(finding.conversationTitle)),
                    ("turn_id", JSONRecords.number(finding.turnID)),
                    ("kind", .string(finding.kind.rawValue)),
                    ("excerpt", .string(finding.excerpt)),
                ])
            })),
        ])
    }
}
