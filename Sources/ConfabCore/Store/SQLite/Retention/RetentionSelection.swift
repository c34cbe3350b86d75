import Foundation

/// The SQL condition, over `conversations c`, that selects the conversations of a query.
///
/// A conversation is selected when search would return a hit in it: one of its turns matches the
/// text and the turn-level filters (`role:`, `model:`, `before:`, `after:`), and the conversation
/// matches the conversation-level filters (`user:`, `conv:`, `source:`, `tag:`, `idle:`). A query
/// with only conversation-level filters also selects conversations that have no turns. With
/// `in:title` the text is matched against titles.
struct RetentionSelection {
    let condition: String
    let values: [any SQLiteBindable]

    init(_ query: SearchQuery) {
        let forTitles = query.scope == .titles
        let filters = SQLiteSearchFilters(query.filters, forTitles: forTitles)
        let match = RetentionSelection.matchExpression(query)

        if forTitles {
            var parts = filters.conditions
            var values = filters.values
            if let match {
                parts.append("c.id \(match.isExcluding ? "NOT IN" : "IN") (SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?)")
                values.append(match.expression)
            }
            condition = parts.isEmpty ? "1" : parts.joined(separator: " AND ")
            self.values = values
            return
        }

        let hasTurnFilters = filters.conditions.count > filters.conversationConditions.count
        guard hasTurnFilters || match != nil else {
            condition = filters.conversationConditions.isEmpty ? "1" : filters.conversationConditions.joined(separator: " AND ")
            values = filters.conversationValues
            return
        }

        var turnParts = ["t.conversation_id = c.id"] + filters.conditions
        var turnValues = filters.values
        if let match {
            turnParts.append("t.id \(match.isExcluding ? "NOT IN" : "IN") (SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?)")
            turnValues.append(match.expression)
        }
        condition = "EXISTS (SELECT 1 FROM turns t WHERE " + turnParts.joined(separator: " AND ") + ")"
        values = turnValues
    }

    /// An FTS5 expression for the query's text clauses. When every clause is excluded there is no
    /// positive side for FTS5's NOT, so the expression lists the excluded terms and
    /// `isExcluding` says that the rows it matches are the ones to leave out.
    // NOTE: words are matched by `unicode61` only, so a word inside a run of Chinese, Japanese,
    // Korean or Thai text does not select a conversation here, although search finds it.
    private static func matchExpression(_ query: SearchQuery) -> (expression: String, isExcluding: Bool)? {
        let included = query.clauses.filter { !$0.isExcluded }.map { clause in
            FTS5QueryBuilder.or(clause.alternatives.map(FTS5QueryBuilder.wordPhrase))
        }
        let excluded = query.clauses.filter(\.isExcluded).map { clause in
            FTS5QueryBuilder.or(clause.alternatives.map(FTS5QueryBuilder.wordPhrase))
        }
        if included.isEmpty {
            return excluded.isEmpty ? nil : (FTS5QueryBuilder.or(excluded), true)
        }
        return (FTS5QueryBuilder.excluding(FTS5QueryBuilder.and(included), excluded), false)
    }
}

/// The conditions of one rule of a job or plan: its own selection, without what earlier rules
/// select, without held conversations, and for `anonymise` without conversations already anonymised.
struct RuleCondition {
    let sql: String
    let values: [any SQLiteBindable]

    /// SQL true when the conversation `c` is held itself or through its user.
    static let notHeld = "c.legal_hold = 0 AND NOT EXISTS (SELECT 1 FROM users hu WHERE hu.id = c.user_id AND hu.legal_hold = 1)"

    init(rules: [RetentionRule], index: Int, now: Date, includeHeld: Bool = false) throws {
        let own = RetentionSelection(try rules[index].query(at: now))
        var parts = ["(\(own.condition))"]
        var values = own.values
        for earlier in rules[..<index] {
            let selection = RetentionSelection(try earlier.query(at: now))
            parts.append("NOT coalesce((\(selection.condition)), 0)")
            values += selection.values
        }
        // Anonymising replaces the user with a pseudonym, so an earlier anonymise rule's
        // condition may no longer match what it handled in this run. Those conversations stay
        // out of later rules all the same.
        if rules[..<index].contains(where: { $0.action == .anonymise }) {
            parts.append("NOT coalesce(c.anonymised_at >= ?, 0)")
            values.append(now.timeIntervalSince1970)
        }
        if !includeHeld {
            parts.append(RuleCondition.notHeld)
        }
        if rules[index].action == .anonymise {
            parts.append("c.anonymised_at IS NULL")
        }
        parts.append("c.deleting_since IS NULL")
        sql = parts.joined(separator: " AND ")
        self.values = values
    }
}
