import Foundation

/// The stored state of one retention job, read at the start of every batch.
struct RetentionJobRow {
    var id: Int64
    var policyText: String
    var selection: String
    var referenceTime: Date
    var startedAt: Date
    var finishedAt: Date?
    var status: String
    var ruleIndex: Int
    var cursorID: Int64
    var currentID: Int64?
    var currentAction: RetentionAction?
    var currentTurnCursor: Int64
    var counts: [RuleCounts]
    var batches: Int
    var bytesBefore: Int64?
    var automergeBefore: Int64?
    var turnBudget: Int
    var auditID: Int64?
    var message: String?

    static let columns = """
        id, policy, selection, reference_time, started_at, finished_at, status, rule_index, cursor_id, current_id,
        current_action, current_turn_cursor, rule_counts, batches, bytes_before, automerge_before, turn_budget, audit_id, message
        """

    static func load(_ id: Int64, from connection: Connection) throws -> RetentionJobRow? {
        try connection.queryFirst("SELECT \(columns) FROM retention_jobs WHERE id = ?", [id], row: make)
    }

    static func unfinished(in connection: Connection) throws -> RetentionJobRow? {
        try connection.queryFirst(
            "SELECT \(columns) FROM retention_jobs WHERE status IN ('running', 'cancelled', 'failed') ORDER BY id DESC LIMIT 1", [], row: make)
    }

    private static func make(_ row: Statement) -> RetentionJobRow {
        RetentionJobRow(
            id: row.int64(0), policyText: row.string(1), selection: row.string(2),
            referenceTime: Date(timeIntervalSince1970: row.double(3)), startedAt: Date(timeIntervalSince1970: row.double(4)),
            finishedAt: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:)), status: row.string(6),
            ruleIndex: row.int(7), cursorID: row.int64(8), currentID: row.isNull(9) ? nil : row.int64(9),
            currentAction: row.optionalString(10).flatMap(RetentionAction.init(rawValue:)), currentTurnCursor: row.int64(11),
            counts: decodeCounts(row.string(12)), batches: row.int(13), bytesBefore: row.isNull(14) ? nil : row.int64(14),
            automergeBefore: row.isNull(15) ? nil : row.int64(15), turnBudget: row.int(16),
            auditID: row.isNull(17) ? nil : row.int64(17), message: row.optionalString(18))
    }

    func save(to connection: Connection) throws {
        try connection.run(
            """
            UPDATE retention_jobs SET status = ?, rule_index = ?, cursor_id = ?, current_id = ?, current_action = ?,
                current_turn_cursor = ?, rule_counts = ?, batches = ?, turn_budget = ?, finished_at = ?, message = ?
            WHERE id = ?
            """,
            status, ruleIndex, cursorID, currentID, currentAction?.rawValue, currentTurnCursor, RetentionJobRow.encodeCounts(counts),
            batches, turnBudget, finishedAt?.timeIntervalSince1970, message, id)
    }

    func policy() throws -> RetentionPolicy {
        try RetentionPolicyParser.parse(policyText, file: "retention job \(id)")
    }

    /// Counts as `conversations,turns,bytes` per rule, separated by `;`.
    static func encodeCounts(_ counts: [RuleCounts]) -> String {
        counts.map { "\($0.conversations),\($0.turns),\($0.bytes)" }.joined(separator: ";")
    }

    static func decodeCounts(_ text: String) -> [RuleCounts] {
        text.split(separator: ";").map { item in
            let numbers = item.split(separator: ",").map { Int64($0) ?? 0 }
            guard numbers.count == 3 else { return RuleCounts() }
            return RuleCounts(conversations: Int(numbers[0]), turns: Int(numbers[1]), bytes: numbers[2])
        }
    }

    func status(isResumed: Bool, scrub: String? = nil, bytesReclaimed: Int64? = nil) -> RetentionJobStatus {
        RetentionJobStatus(
            id: id, status: status, isResumed: isResumed, ruleIndex: ruleIndex, counts: counts, batches: batches,
            bytesReclaimed: bytesReclaimed, startedAt: startedAt, finishedAt: finishedAt, scrub: scrub)
    }
}
