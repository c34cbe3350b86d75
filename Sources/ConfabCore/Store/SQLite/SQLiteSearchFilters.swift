/// The SQL conditions of a query's filters, over `turns t`, `conversations c` and `users u`.
///
/// Filters of one kind are alternatives (OR) and different kinds must all hold (AND), except
/// time bounds (`before:`, `after:`, `idle:`), which all must hold, so that a range narrows a
/// selection that has its own; an excluded filter removes what it matches, including rows where
/// its column is NULL.
struct SQLiteSearchFilters {
    /// Conditions joined by AND; empty when there are no filters.
    private(set) var conditions: [String] = []
    private(set) var values: [any SQLiteBindable] = []
    /// The conditions that need only the conversation, for walking conversations.
    private(set) var conversationConditions: [String] = []
    private(set) var conversationValues: [any SQLiteBindable] = []

    /// Builds the conditions. With `forTitles`, dates compare the conversation's creation time and
    /// the role filter, which has no meaning for a title, is left out.
    init(_ filters: [SearchFilter], forTitles: Bool = false) {
        for kind in SearchFilter.Kind.allCases {
            let ofKind = filters.filter { $0.kind == kind }
            guard !ofKind.isEmpty, !(forTitles && kind == .role) else { continue }
            let isConversationLevel = [.user, .conversation, .source, .tag, .idle].contains(kind)

            let included = ofKind.filter { !$0.isExcluded }
            if !included.isEmpty {
                var parts: [String] = []
                var partValues: [any SQLiteBindable] = []
                for filter in included {
                    let (sql, filterValues) = SQLiteSearchFilters.condition(filter, forTitles: forTitles)
                    parts.append(sql)
                    partValues += filterValues
                }
                let isTimeBound = [.before, .after, .idle].contains(kind)
                add("(" + parts.joined(separator: isTimeBound ? " AND " : " OR ") + ")", partValues, isConversationLevel: isConversationLevel)
            }
            for filter in ofKind where filter.isExcluded {
                let (sql, filterValues) = SQLiteSearchFilters.condition(filter, forTitles: forTitles)
                add("NOT coalesce(\(sql), 0)", filterValues, isConversationLevel: isConversationLevel)
            }
        }
    }

    private mutating func add(_ condition: String, _ conditionValues: [any SQLiteBindable], isConversationLevel: Bool) {
        conditions.append(condition)
        values += conditionValues
        if isConversationLevel {
            conversationConditions.append(condition)
            conversationValues += conditionValues
        }
    }

    /// The conditions as a WHERE fragment that starts with AND, or an empty string.
    var andClause: String {
        conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
    }

    var conversationAndClause: String {
        conversationConditions.isEmpty ? "" : " AND " + conversationConditions.joined(separator: " AND ")
    }

    private static func condition(_ filter: SearchFilter, forTitles: Bool) -> (String, [any SQLiteBindable]) {
        let value = filter.value
        switch filter.kind {
        case .user:
            return ("""
                c.user_id IN (SELECT id FROM users WHERE name = ? COLLATE NOCASE OR CAST(id AS TEXT) = ?
                              UNION SELECT user_id FROM user_accounts WHERE external_id = ?)
                """, [value, value, value])
        case .role:
            return ("t.role = ?", [filter.role?.rawValue ?? value.lowercased()])
        case .model:
            let column = forTitles ? "lower(c.model)" : "lower(coalesce(t.model, c.model))"
            if value.hasSuffix("*") {
                let prefix = String(value.dropLast()).lowercased()
                return ("substr(\(column), 1, length(?)) = ?", [prefix, prefix])
            }
            return ("\(column) = ?", [value.lowercased()])
        case .conversation:
            if let id = Int64(value) {
                return ("c.id = ?", [id])
            }
            return ("(c.uid = ? OR c.source_id = ?)", [value, value])
        case .source:
            return ("c.source = ?", [value.lowercased()])
        case .tag:
            return ("c.id IN (SELECT ct.conversation_id FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.name = ?)",
                    [value])
        case .before, .after:
            let time = forTitles ? "c.created_at" : "coalesce(t.created_at, c.created_at)"
            let comparison = filter.kind == .before ? "<" : ">="
            return ("\(time) \(comparison) ?", [filter.date?.timeIntervalSince1970 ?? 0])
        case .idle:
            // A conversation with no known time has no age, so no age selects it. A turn written by
            // another client may not have moved `updated_at`, so newer turns count as activity too.
            let cutoff = filter.date?.timeIntervalSince1970 ?? 0
            return ("""
                (coalesce(c.updated_at, c.created_at) < ?
                 AND NOT EXISTS (SELECT 1 FROM turns recent WHERE recent.conversation_id = c.id AND recent.created_at >= ?))
                """, [cutoff, cutoff])
        }
    }
}
