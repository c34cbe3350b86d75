extension SQLiteSearch {
    /// Ranks the candidates of a query without filters without joining each with its turn row,
    /// or returns nil when that would not be cheaper.
    ///
    /// Joining reads a turn row per candidate (about 1.3 µs each on the 1M-turn demo store) only to
    /// learn its conversation for the title weight. Here the title index names the conversations
    /// whose title matches, their turn id ranges pick out the candidates that may belong to them,
    /// and only those are looked up. The order is the same as with the join.
    func rankedWithoutJoin() throws -> [Int64]? {
        guard filters.conditions.isEmpty, !plan.needsVerification, request.order == .relevance,
              let (table, expression) = plan.driver.rankedTable
        else { return nil }

        let scored = try connection.query(
            "SELECT rowid, bm25(\(table)) FROM \(table) WHERE \(table) MATCH ?", [expression]
        ) { (id: $0.int64(0), score: $0.double(1)) }
        var scores: [Int64: Double] = [:]
        scores.reserveCapacity(scored.count)
        for candidate in scored {
            scores[candidate.id] = candidate.score
        }

        if let title = plan.titleExpression {
            // Reading a conversation's turn id range costs about as much as eight turn rows.
            let conversationLimit = max(8, scored.count / 8)
            let conversations = try connection.query(
                """
                SELECT f.rowid, bm25(conversations_fts), (SELECT min(id) FROM turns WHERE conversation_id = f.rowid),
                       (SELECT max(id) FROM turns WHERE conversation_id = f.rowid)
                FROM conversations_fts f WHERE conversations_fts MATCH ? LIMIT ?
                """, [title, conversationLimit + 1]
            ) { (id: $0.int64(0), score: $0.double(1), first: $0.isNull(2) ? nil : $0.int64(2), last: $0.isNull(3) ? nil : $0.int64(3)) }
            guard conversations.count <= conversationLimit else { return nil }

            let sortedIDs = scored.map(\.id).sorted()
            for conversation in conversations {
                guard let first = conversation.first, let last = conversation.last else { continue }
                for id in SQLiteSearch.slice(of: sortedIDs, from: first, to: last) {
                    let owner = try connection.scalarInt("SELECT conversation_id FROM turns WHERE id = ?", [id])
                    if owner == conversation.id, let score = scores[id] {
                        scores[id] = score + SQLiteSearch.titleWeight * conversation.score
                    }
                }
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map(\.key)
    }
}

extension SQLiteSearchPlan.Driver {
    /// The FTS5 table and expression that BM25 ranks, for drivers of one table.
    var rankedTable: (table: String, expression: String)? {
        switch self {
        case let .words(expression): ("turns_fts", expression)
        case let .characters(expression): ("turn_characters_fts", expression)
        case .union, .all: nil
        }
    }
}
