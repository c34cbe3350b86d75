import Foundation

extension SQLiteStore {
    public func retentionPlan(_ policy: RetentionPolicy, now: Date) throws -> RetentionPlan {
        var rules: [RulePlan] = []
        for index in policy.rules.indices {
            rules.append(try planRule(policy.rules, index: index, now: now))
        }
        return RetentionPlan(rules: rules)
    }

    private func planRule(_ rules: [RetentionRule], index: Int, now: Date) throws -> RulePlan {
        let condition = try RuleCondition(rules: rules, index: index, now: now)
        let rows = try connection.query(
            """
            SELECT c.id,
                   (SELECT count(*) FROM turns WHERE conversation_id = c.id),
                   (SELECT coalesce(sum(length(CAST(text AS BLOB)) + coalesce(length(CAST(raw_payload AS BLOB)), 0)), 0)
                    FROM turns WHERE conversation_id = c.id)
            FROM conversations c WHERE \(condition.sql) ORDER BY c.id
            """, condition.values
        ) { (id: $0.int64(0), turns: $0.int(1), bytes: $0.int64(2)) }

        let withHeld = try RuleCondition(rules: rules, index: index, now: now, includeHeld: true)
        let matchedWithHeld = try connection.scalarInt(
            "SELECT count(*) FROM conversations c WHERE \(withHeld.sql)", withHeld.values) ?? 0

        return RulePlan(
            rule: rules[index], conversations: rows.count, turns: rows.reduce(0) { $0 + $1.turns },
            bytes: rows.reduce(0) { $0 + $1.bytes }, held: Int(matchedWithHeld) - rows.count,
            sampleIDs: Array(rows.prefix(10).map(\.id)))
    }
}
