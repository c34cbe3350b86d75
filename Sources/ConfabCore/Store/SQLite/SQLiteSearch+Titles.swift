import Foundation

extension SQLiteSearch {
    /// Searches conversation titles (`in:title`): one hit per conversation, on its first turn,
    /// with the title as the snippet. Titles are short and few, so every candidate is read and the
    /// total is exact.
    func titlePage() throws -> SearchPage {
        let query = request.query
        let isRanked = request.order == .relevance
        var sql: String
        var values: [any SQLiteBindable] = []
        var verifies = plan.needsVerification
        var expression: String?
        if let raw = query.rawExpression {
            expression = raw
        } else if let title = plan.titleExpression {
            expression = title
            // The title index drives only the word clauses; others are checked in Swift.
            verifies = verifies || plan.driver != .words(title)
        }
        if let expression {
            sql = """
                SELECT c.id, c.title FROM (SELECT rowid, \(isRanked ? "bm25(conversations_fts)" : "0") AS score
                                           FROM conversations_fts WHERE conversations_fts MATCH ?) d
                JOIN conversations c ON c.id = d.rowid
                WHERE 1\(filters.andClause)
                ORDER BY \(isRanked ? "d.score, c.id DESC" : "c.updated_at DESC, c.id DESC")
                """
            values.append(expression)
        } else {
            sql = """
                SELECT c.id, c.title FROM conversations c
                WHERE c.title IS NOT NULL\(filters.andClause)
                ORDER BY c.updated_at DESC, c.id DESC
                """
            verifies = query.hasTextCondition
        }

        var matching: [(id: Int64, title: String)] = []
        let statement = try connection.cachedStatement(sql)
        try statement.bind(values + filters.values)
        defer { statement.reset() }
        var rows = 0
        while try statement.step() {
            rows += 1
            if rows % 256 == 0 {
                try checkCancellation()
            }
            let title = statement.string(1)
            if verifies && !plan.matcher.matches(FoldedText(title)) {
                continue
            }
            matching.append((statement.int64(0), title))
        }
        statement.reset()

        let start = request.cursor?.offset ?? 0
        var hits: [SearchHit] = []
        for conversation in matching.dropFirst(start).prefix(request.limit) {
            guard let turnID = try connection.scalarInt(
                "SELECT id FROM turns WHERE conversation_id = ? ORDER BY on_default_thread DESC, position, branch_index, id LIMIT 1",
                [conversation.id]) else { continue }
            var hit = try self.hit(turnID: turnID)
            if let raw = query.rawExpression {
                hit.snippet = try rawSnippet(table: "conversations_fts", rowid: conversation.id, expression: raw, fallback: conversation.title)
            } else {
                hit.snippet = snippet(of: conversation.title)
            }
            hits.append(hit)
        }
        let next = start + request.limit < matching.count ? SearchCursor(offset: start + request.limit, walkPosition: nil) : nil
        return SearchPage(
            hits: hits, total: matching.count, totalIsLowerBound: false,
            order: expression != nil && isRanked ? .relevance : .recent, notes: notes, nextCursor: next)
    }
}
