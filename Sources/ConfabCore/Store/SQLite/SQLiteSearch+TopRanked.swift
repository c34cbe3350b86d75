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
            // Past one title-matched conversation per eight candidates, joining every candidate with
            // its turn row is estimated to be cheaper (measured on the 1M-turn demo store).
            let conversationLimit = max(8, scored.count / 8)
            let conversations = try connection.query(
                "SELECT rowid, bm25(conversations_fts) FROM conversations_fts WHERE conversations_fts MATCH ? LIMIT ?",
                [title, conversationLimit + 1]
            ) { (id: $0.int64(0), score: $0.double(1)) }
            guard conversations.count <= conversationLimit else { return nil }

            var titleScores: [Int64: Double] = [:]
            for conversation in conversations {
                titleScores[conversation.id] = conversation.score
            }
            // One statement reads every turn id of those conversations from the turns_tree index.
            let conversationList = "[" + conversations.map { String($0.id) }.joined(separator: ",") + "]"
            let owned = try connection.query(
                "SELECT id, conversation_id FROM turns WHERE conversation_id IN (SELECT value FROM json_each(?))",
                [conversationList]
            ) { (id: $0.int64(0), conversation: $0.int64(1)) }
            for turn in owned {
                if let score = scores[turn.id], let titleScore = titleScores[turn.conversation] {
                    scores[turn.id] = score + SQLiteSearch.titleWeight * titleScore
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
