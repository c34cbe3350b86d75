import Foundation

extension SQLiteSearch {
    /// A conversation in the walk, with the range of its turn ids for the index lookups.
    private struct WalkConversation {
        var id: Int64
        var updatedAt: Double?
        var firstTurnID: Int64
        var lastTurnID: Int64
    }

    private static let conversationsPerBatch = 64

    /// Conversations walked with one index query each before the walk reads all candidate ids
    /// once instead: enough for words common enough to fill a page from the newest conversations.
    private static let conversationsBeforeMaterializing = 16

    /// Candidate ids read at most into memory. More candidates than this are common enough that
    /// per-conversation queries fill a page quickly.
    private static let materializedCandidateLimit = 60_000

    /// Candidates a walk checks in Swift before it returns what it found so far. Each costs a
    /// read and a fold of the turn's text, and a term like `C++` has a candidate in almost every
    /// conversation (every turn with the word `c`) but few or no matches.
    static let walkVerificationLimit = 500

    /// Walks conversations by last activity, newest first, and collects their matching turns, later
    /// turns first, until the page is full.
    func walkPage() throws -> SearchPage {
        var hits: [Int64] = []
        var position = request.cursor?.walkPosition
        var nextPosition: SearchCursor.WalkPosition?
        var isExhausted = false
        var isInclusive = position != nil
        var conversationsWalked = 0
        var triedMaterializing = false
        var stoppedChecking = false
        if plan.driverHasPrefix {
            candidateIDs = try materializedCandidates()
            triedMaterializing = true
        }

        walking: while true {
            let batch = try conversations(after: position, isInclusive: isInclusive)
            isInclusive = false
            if batch.isEmpty {
                isExhausted = true
                break
            }
            for conversation in batch {
                try checkCancellation()
                conversationsWalked += 1
                if !triedMaterializing && conversationsWalked > SQLiteSearch.conversationsBeforeMaterializing {
                    candidateIDs = try materializedCandidates()
                    triedMaterializing = true
                }
                let resumed = position.map { $0.conversationID == conversation.id } ?? false
                let skip = resumed ? position?.hitsReturned ?? 0 : 0
                let matches = try matchingTurns(of: conversation)
                let fresh = matches.dropFirst(skip)
                let room = request.limit - hits.count
                if fresh.count >= room {
                    hits += fresh.prefix(room)
                    nextPosition = SearchCursor.WalkPosition(
                        updatedAt: conversation.updatedAt, conversationID: conversation.id, hitsReturned: skip + room)
                    break walking
                }
                hits += fresh
                position = SearchCursor.WalkPosition(
                    updatedAt: conversation.updatedAt, conversationID: conversation.id, hitsReturned: matches.count)
                if verifiedCount >= SQLiteSearch.walkVerificationLimit {
                    stoppedChecking = true
                    nextPosition = position
                    break walking
                }
            }
        }
        if stoppedChecking {
            notes.append(SQLiteSearch.stoppedCheckingNote)
        }

        let offset = request.cursor?.offset ?? 0
        let pageHits = try hits.map { try hit(turnID: $0) }
        let shown = offset + hits.count
        var total = shown
        var isLowerBound = false
        if !isExhausted {
            let counted = try walkTotal()
            total = max(counted.total, shown)
            isLowerBound = counted.isLowerBound || counted.total < shown
        }
        return SearchPage(
            hits: pageHits, total: total, totalIsLowerBound: isLowerBound, order: .recent, notes: notes,
            nextCursor: nextPosition.map { SearchCursor(offset: offset + hits.count, walkPosition: $0) })
    }

    /// Returns the next batch of conversations that pass the conversation filters, after `position`, or
    /// from `position` on when `isInclusive`, to finish the conversation a page stopped in.
    private func conversations(after position: SearchCursor.WalkPosition?, isInclusive: Bool) throws -> [WalkConversation] {
        var keyset = ""
        var values: [any SQLiteBindable] = []
        let idComparison = isInclusive ? "<=" : "<"
        if let position {
            if let time = position.updatedAt {
                keyset = " AND (c.updated_at < ? OR (c.updated_at = ? AND c.id \(idComparison) ?) OR c.updated_at IS NULL)"
                values = [time, time, position.conversationID]
            } else {
                keyset = " AND c.updated_at IS NULL AND c.id \(idComparison) ?"
                values = [position.conversationID]
            }
        }
        let sql = """
            SELECT c.id, c.updated_at,
                   (SELECT min(id) FROM turns WHERE conversation_id = c.id),
                   (SELECT max(id) FROM turns WHERE conversation_id = c.id)
            FROM conversations c
            WHERE 1\(filters.conversationAndClause)\(keyset)
            ORDER BY c.updated_at DESC, c.id DESC
            LIMIT ?
            """
        return try connection.query(sql, filters.conversationValues + values + [SQLiteSearch.conversationsPerBatch]) { row in
            WalkConversation(id: row.int64(0), updatedAt: row.optionalDouble(1),
                             firstTurnID: row.isNull(2) ? 0 : row.int64(2), lastTurnID: row.isNull(3) ? -1 : row.int64(3))
        }
    }

    /// Reads every candidate id of the driver, sorted, or returns nil when there are more than
    /// `materializedCandidateLimit` or the driver is `.all`.
    private func materializedCandidates() throws -> [Int64]? {
        guard let (driver, values) = driverSQL(ranked: false) else { return nil }
        let limit = SQLiteSearch.materializedCandidateLimit
        let statement = try connection.cachedStatement("SELECT rowid FROM (\(driver)) LIMIT ?")
        try statement.bind(values + [limit + 1])
        defer { statement.reset() }
        var ids: [Int64] = []
        while try statement.step() {
            ids.append(statement.int64(0))
            if ids.count % 4_096 == 0 {
                try checkCancellation()
            }
        }
        guard ids.count <= limit else { return nil }
        return ids.sorted()
    }

    /// Returns the ids in the sorted `candidates` between `first` and `last`, found by binary search.
    static func slice(of candidates: [Int64], from first: Int64, to last: Int64) -> [Int64] {
        var low = 0
        var high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle] < first {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var end = low
        while end < candidates.count && candidates[end] <= last {
            end += 1
        }
        return Array(candidates[low..<end])
    }

    /// Returns the ids of the conversation's turns that match, later turns first.
    private func matchingTurns(of conversation: WalkConversation) throws -> [Int64] {
        guard conversation.firstTurnID <= conversation.lastTurnID else { return [] }
        let range: [any SQLiteBindable] = [conversation.firstTurnID, conversation.lastTurnID]
        let candidates: [Int64]?
        if let candidateIDs {
            candidates = SQLiteSearch.slice(of: candidateIDs, from: conversation.firstTurnID, to: conversation.lastTurnID)
        } else {
            candidates = try indexCandidates(from: range)
        }
        if let candidates, candidates.isEmpty {
            return []
        }

        var sql = """
            SELECT t.id FROM turns t JOIN conversations c ON c.id = t.conversation_id
            WHERE t.conversation_id = ?
            """
        var values: [any SQLiteBindable] = [conversation.id]
        if let candidates {
            sql += " AND t.id IN (SELECT value FROM json_each(?))"
            values.append(JSONValue.array(candidates.map { .number(Double($0)) }).serialized())
        }
        sql += filters.andClause + " ORDER BY t.position DESC, t.id DESC"
        let ordered = try connection.query(sql, values + filters.values) { $0.int64(0) }
        guard plan.needsVerification else { return ordered }
        return try ordered.filter(verify)
    }

    /// Asks the index for the candidates among the turn ids `range`; nil for `.all`.
    private func indexCandidates(from range: [any SQLiteBindable]) throws -> [Int64]? {
        switch plan.driver {
        case let .words(expression):
            return try connection.query(
                "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? AND rowid BETWEEN ? AND ?", [expression] + range) { $0.int64(0) }
        case let .characters(expression):
            return try characterCandidates(expression, range: range)
        case let .union(words, characters):
            let wordRows = try connection.query(
                "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? AND rowid BETWEEN ? AND ?", [words] + range) { $0.int64(0) }
            return wordRows + (try characterCandidates(characters, range: range))
        case .all:
            return nil
        }
    }

    private func characterCandidates(_ expression: String, range: [any SQLiteBindable]) throws -> [Int64] {
        var rows = try connection.query(
            "SELECT rowid FROM turn_characters_fts WHERE turn_characters_fts MATCH ? AND rowid BETWEEN ? AND ?",
            [expression] + range) { $0.int64(0) }
        if hasPendingCharacters {
            rows += try connection.query(
                "SELECT turn_id FROM turn_characters_pending WHERE turn_id BETWEEN ? AND ?", range) { $0.int64(0) }
        }
        return rows
    }

    /// Counts the matches for a walked page: exact when counting stayed under `countLimit`, else a lower
    /// bound. Candidates that need checking in Swift are not counted beyond the page.
    private func walkTotal() throws -> (total: Int, isLowerBound: Bool) {
        guard !plan.needsVerification else { return (0, true) }
        let limit = request.countLimit
        if let (driver, values) = driverSQL(ranked: false) {
            if filters.conditions.isEmpty {
                let count = Int(try connection.scalarInt("SELECT count(*) FROM (\(driver) LIMIT ?)", values + [limit + 1]) ?? 0)
                return (min(count, limit), count > limit)
            }
            // Only the first `limit` candidates are joined, so the count of those that pass the
            // filters is a lower bound unless the driver had no more.
            let sql = """
                SELECT count(*), (SELECT count(*) FROM (\(driver) LIMIT ?)) FROM (\(driver) LIMIT ?) d
                JOIN turns t ON t.id = d.rowid JOIN conversations c ON c.id = t.conversation_id
                WHERE 1\(filters.andClause)
                """
            let row = try connection.queryFirst(sql, values + [limit + 1] + values + [limit] + filters.values) {
                (Int($0.int64(0)), Int($0.int64(1)))
            }
            guard let (passing, candidates) = row else { return (0, false) }
            return (passing, candidates > limit)
        }
        let count = Int(try connection.scalarInt(
            """
            SELECT count(*) FROM (SELECT 1 FROM turns t JOIN conversations c ON c.id = t.conversation_id
                                  WHERE 1\(filters.andClause) LIMIT ?)
            """, filters.values + [limit + 1]) ?? 0)
        return (min(count, limit), count > limit)
    }
}
