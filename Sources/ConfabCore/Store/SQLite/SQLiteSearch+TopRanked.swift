extension SQLiteSearch {
    /// Candidates ranked without reading their rows, for first pages without filters.
    static let topRankedDepth = 100

    /// Conversations with a matching title that the shortcut boosts one by one; more fall back to
    /// the join.
    private static let titleConversationLimit = 50

    /// Returns the first `topRankedDepth` hits in relevance order without joining every candidate
    /// with its turn row, or nil when the shortcut does not apply.
    ///
    /// Only turns in conversations whose title matches can gain from the title weight, and they
    /// are few, so they are scored one conversation at a time. Every other candidate keeps its
    /// text score and can only place within the first `topRankedDepth` if it is among the best
    /// `topRankedDepth` text scores. Reading those and the title conversations' turns therefore
    /// gives the same first positions as ranking every candidate, at the cost of BM25 alone.
    func topRankedIDs() throws -> [Int64]? {
        let start = request.cursor?.offset ?? 0
        guard filters.conditions.isEmpty, !plan.needsVerification, request.order == .relevance,
              start + request.limit <= SQLiteSearch.topRankedDepth,
              let (table, expression) = plan.driver.rankedTable
        else { return nil }

        var scores: [Int64: Double] = [:]
        let top = try connection.query(
            "SELECT rowid, bm25(\(table)) AS score FROM \(table) WHERE \(table) MATCH ? ORDER BY score LIMIT ?",
            [expression, SQLiteSearch.topRankedDepth]) { ($0.int64(0), $0.double(1)) }
        for (id, score) in top {
            scores[id] = score
        }

        if let title = plan.titleExpression {
            let conversations = try connection.query(
                """
                SELECT f.rowid, bm25(conversations_fts), (SELECT min(id) FROM turns WHERE conversation_id = f.rowid),
                       (SELECT max(id) FROM turns WHERE conversation_id = f.rowid)
                FROM conversations_fts f WHERE conversations_fts MATCH ? LIMIT ?
                """, [title, SQLiteSearch.titleConversationLimit + 1]
            ) { (id: $0.int64(0), score: $0.double(1), first: $0.isNull(2) ? nil : $0.int64(2), last: $0.isNull(3) ? nil : $0.int64(3)) }
            guard conversations.count <= SQLiteSearch.titleConversationLimit else { return nil }

            for conversation in conversations {
                guard let first = conversation.first, let last = conversation.last else { continue }
                let boosted = try connection.query(
                    """
                    SELECT d.rowid, d.score FROM (SELECT rowid, bm25(\(table)) AS score FROM \(table)
                                                  WHERE \(table) MATCH ? AND rowid BETWEEN ? AND ?) d
                    JOIN turns t ON t.id = d.rowid WHERE t.conversation_id = ?
                    """, [expression, first, last, conversation.id]) { ($0.int64(0), $0.double(1)) }
                for (id, score) in boosted {
                    scores[id] = score + SQLiteSearch.titleWeight * conversation.score
                }
            }
        }

        let ordered = scores.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map(\.key)
        return Array(ordered.prefix(SQLiteSearch.topRankedDepth))
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
