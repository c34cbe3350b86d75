import Foundation

/// The reads that let a view page through listings in both directions and follow one thread of a
/// conversation, always by keyset, so that each page costs the same however far the view is.
extension SQLiteStore {
    // MARK: Users

    public func users(before cursor: UserCursor?, limit: Int) throws -> [UserSummary] {
        let rows: [UserSummary]
        if let cursor {
            rows = try connection.query(
                SQLiteStore.userColumns + " WHERE (u.name COLLATE NOCASE, u.id) < (?, ?) ORDER BY u.name COLLATE NOCASE DESC, u.id DESC LIMIT ?",
                [cursor.name, cursor.id, limit], row: SQLiteStore.readUser)
        } else {
            rows = try connection.query(
                SQLiteStore.userColumns + " ORDER BY u.name COLLATE NOCASE DESC, u.id DESC LIMIT ?", [limit], row: SQLiteStore.readUser)
        }
        return try rows.reversed().map(withExternalIDs)
    }

    public func userCount() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM users") ?? 0)
    }

    public func userIndex(of cursor: UserCursor) throws -> Int {
        Int(try connection.scalarInt(
            "SELECT count(*) FROM users u WHERE (u.name COLLATE NOCASE, u.id) < (?, ?)", [cursor.name, cursor.id]) ?? 0)
    }

    // MARK: Conversations

    public func conversations(userID: Int64?, before cursor: ConversationCursor?, limit: Int) throws -> [ConversationSummary] {
        let owner = SQLiteStore.ownerFilter(userID)

        // The listing shows timed rows newest first, then untimed rows by id, newest first. Going
        // backwards walks that order in reverse: untimed rows by ascending id, then timed rows
        // from the oldest, and the page is reversed at the end.
        var reversedPage: [ConversationSummary] = []
        let startsAmongUntimed = cursor == nil || cursor?.updatedAt == nil
        if startsAmongUntimed {
            var filters = owner.filters + ["c.updated_at IS NULL"]
            var values = owner.values
            if let cursor {
                filters.append("c.id > ?")
                values.append(cursor.id)
            }
            reversedPage = try connection.query(
                SQLiteStore.conversationColumns + " WHERE " + filters.joined(separator: " AND ") + " ORDER BY c.id ASC LIMIT ?",
                values + [limit], row: SQLiteStore.readConversation)
        }
        if reversedPage.count < limit {
            var filters = owner.filters + ["c.updated_at IS NOT NULL"]
            var values = owner.values
            if let cursor, let time = cursor.updatedAt {
                filters.append("(c.updated_at, c.id) > (?, ?)")
                values.append(time.timeIntervalSince1970)
                values.append(cursor.id)
            }
            reversedPage += try connection.query(
                SQLiteStore.conversationColumns + " WHERE " + filters.joined(separator: " AND ")
                    + " ORDER BY c.updated_at ASC, c.id ASC LIMIT ?",
                values + [limit - reversedPage.count], row: SQLiteStore.readConversation)
        }
        return reversedPage.reversed()
    }

    public func conversationCount(userID: Int64?) throws -> Int {
        let owner = SQLiteStore.ownerFilter(userID)
        let filter = owner.filters.isEmpty ? "" : " WHERE " + owner.filters.joined(separator: " AND ")
        return Int(try connection.scalarInt("SELECT count(*) FROM conversations c" + filter, owner.values) ?? 0)
    }

    public func conversationIndex(userID: Int64?, of cursor: ConversationCursor) throws -> Int {
        let owner = SQLiteStore.ownerFilter(userID)
        var timedFilters = owner.filters + ["c.updated_at IS NOT NULL"]
        var timedValues = owner.values
        if let time = cursor.updatedAt {
            timedFilters.append("(c.updated_at, c.id) > (?, ?)")
            timedValues.append(time.timeIntervalSince1970)
            timedValues.append(cursor.id)
        }
        var index = try connection.scalarInt(
            "SELECT count(*) FROM conversations c WHERE " + timedFilters.joined(separator: " AND "), timedValues) ?? 0

        if cursor.updatedAt == nil {
            let untimedFilters = owner.filters + ["c.updated_at IS NULL", "c.id > ?"]
            index += try connection.scalarInt(
                "SELECT count(*) FROM conversations c WHERE " + untimedFilters.joined(separator: " AND "), owner.values + [cursor.id]) ?? 0
        }
        return Int(index)
    }

    public func firstPrompts(conversationIDs: [Int64]) throws -> [Int64: String] {
        guard !conversationIDs.isEmpty else { return [:] }
        // One statement for any number of ids: they are bound as a JSON array.
        let ids = "[" + conversationIDs.map(String.init).joined(separator: ",") + "]"
        let rows = try connection.query("""
            SELECT c.id,
                   (SELECT substr(t.text, 1, 200) FROM turns t
                     WHERE t.conversation_id = c.id AND t.on_default_thread = 1 AND t.role = 'user' AND t.kind = 'message'
                     ORDER BY t.position LIMIT 1)
            FROM conversations c
            WHERE c.id IN (SELECT value FROM json_each(?))
            """, [ids]) { ($0.int64(0), $0.optionalString(1)) }
        var prompts: [Int64: String] = [:]
        for (id, prompt) in rows {
            if let prompt {
                prompts[id] = prompt
            }
        }
        return prompts
    }

    private static func ownerFilter(_ userID: Int64?) -> (filters: [String], values: [any SQLiteBindable]) {
        guard let userID else { return ([], []) }
        return (["c.user_id = ?"], [userID])
    }

    // MARK: Threads

    public func turns(in thread: TurnThread, after position: Int?, limit: Int) throws -> [TurnRecord] {
        let start = position ?? Int.min
        let rows: [TurnRecord]
        switch thread {
        case .defaultThread(let conversationID):
            rows = try connection.query(
                SQLiteStore.turnColumns + """
                 WHERE t.conversation_id = ? AND t.on_default_thread = 1 AND t.position > ?
                 ORDER BY t.position LIMIT ?
                """,
                [conversationID, start, limit], row: SQLiteStore.readTurn)
        case .through(let turnID):
            rows = try connection.query(
                SQLiteStore.threadPath + SQLiteStore.turnColumns + """
                 WHERE t.id IN (SELECT id FROM path) AND t.position > ?
                 ORDER BY t.position LIMIT ?
                """,
                [turnID, start, limit], row: SQLiteStore.readTurn)
        }
        return try rows.map(withAttachments)
    }

    public func turns(in thread: TurnThread, before position: Int?, limit: Int) throws -> [TurnRecord] {
        let end = position ?? Int.max
        let rows: [TurnRecord]
        switch thread {
        case .defaultThread(let conversationID):
            rows = try connection.query(
                SQLiteStore.turnColumns + """
                 WHERE t.conversation_id = ? AND t.on_default_thread = 1 AND t.position < ?
                 ORDER BY t.position DESC LIMIT ?
                """,
                [conversationID, end, limit], row: SQLiteStore.readTurn)
        case .through(let turnID):
            rows = try connection.query(
                SQLiteStore.threadPath + SQLiteStore.turnColumns + """
                 WHERE t.id IN (SELECT id FROM path) AND t.position < ?
                 ORDER BY t.position DESC LIMIT ?
                """,
                [turnID, end, limit], row: SQLiteStore.readTurn)
        }
        return try rows.reversed().map(withAttachments)
    }

    public func turnCount(in thread: TurnThread) throws -> Int {
        switch thread {
        case .defaultThread(let conversationID):
            Int(try connection.scalarInt(
                "SELECT count(*) FROM turns WHERE conversation_id = ? AND on_default_thread = 1", [conversationID]) ?? 0)
        case .through(let turnID):
            Int(try connection.scalarInt(SQLiteStore.threadPath + "SELECT count(*) FROM path", [turnID]) ?? 0)
        }
    }

    public func siblings(ofTurn turnID: Int64) throws -> [TurnSibling] {
        try connection.query("""
            SELECT s.id, s.branch_index, s.on_default_thread
            FROM turns t
            JOIN turns s ON s.conversation_id = t.conversation_id AND s.position = t.position AND s.parent_id IS t.parent_id
            WHERE t.id = ?
            ORDER BY s.branch_index, s.id
            """, [turnID]) { TurnSibling(id: $0.int64(0), branchIndex: $0.int(1), onDefaultThread: $0.int(2) != 0) }
    }

    /// A `WITH` clause that defines `path(id)`: the turns from the root down to the newest leaf
    /// below the turn bound to the first parameter.
    ///
    /// `below` collects the turn's subtree, `leaf` picks its newest leaf, and `path` climbs from
    /// that leaf to the root. Each step must move one position down (or up), so a parent chain
    /// that loops, which only a hand-edited store can contain, still ends.
    static let threadPath = """
        WITH RECURSIVE
        below(id, conversation_id, position, created_at) AS (
            SELECT id, conversation_id, position, created_at FROM turns WHERE id = ?
            UNION ALL
            SELECT c.id, c.conversation_id, c.position, c.created_at
            FROM below b
            JOIN turns c ON c.conversation_id = b.conversation_id AND c.position = b.position + 1 AND c.parent_id = b.id
        ),
        leaf(id) AS (
            SELECT b.id FROM below b
            WHERE NOT EXISTS (
                SELECT 1 FROM turns c
                WHERE c.conversation_id = b.conversation_id AND c.position = b.position + 1 AND c.parent_id = b.id
            )
            ORDER BY b.created_at IS NULL, b.created_at DESC, b.id DESC
            LIMIT 1
        ),
        path(id, parent_id, position) AS (
            SELECT t.id, t.parent_id, t.position FROM turns t JOIN leaf ON t.id = leaf.id
            UNION ALL
            SELECT t.id, t.parent_id, t.position
            FROM path p
            JOIN turns t ON t.id = p.parent_id AND t.position = p.position - 1
        )

        """
}
