import Foundation

extension SQLiteStore {
    public func statistics() throws -> StoreStatistics {
        let fileBytes = SQLiteStore.fileSize(path)
        let walBytes = SQLiteStore.fileSize(path + "-wal")

        var turnsByKind: [String: Int] = [:]
        for (kind, count) in try connection.query("SELECT kind, count(*) FROM turns GROUP BY kind", row: { ($0.string(0), $0.int(1)) }) {
            turnsByKind[kind] = count
        }
        var conversationsBySource: [String: Int] = [:]
        for (source, count) in try connection.query("SELECT source, count(*) FROM conversations GROUP BY source", row: { ($0.string(0), $0.int(1)) }) {
            conversationsBySource[source] = count
        }
        let timeRange = try connection.queryFirst("SELECT min(created_at), max(created_at) FROM turns") {
            ($0.optionalDouble(0).map(Date.init(timeIntervalSince1970:)), $0.optionalDouble(1).map(Date.init(timeIntervalSince1970:)))
        }

        return StoreStatistics(
            users: Int(try connection.scalarInt("SELECT count(*) FROM users") ?? 0),
            conversations: conversationsBySource.values.reduce(0, +),
            turns: turnsByKind.values.reduce(0, +),
            databaseBytes: fileBytes + walBytes,
            walBytes: walBytes,
            pageSize: Int(try connection.scalarInt("PRAGMA page_size") ?? 0),
            pageCount: Int(try connection.scalarInt("PRAGMA page_count") ?? 0),
            freelistCount: Int(try connection.scalarInt("PRAGMA freelist_count") ?? 0),
            turnsByKind: turnsByKind,
            conversationsBySource: conversationsBySource,
            imports: Int(try connection.scalarInt("SELECT count(*) FROM imports") ?? 0),
            oldestTurnAt: timeRange?.0,
            newestTurnAt: timeRange?.1
        )
    }

    static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    // MARK: Users

    static let userColumns = """
        SELECT u.id, u.uid, u.name, u.legal_hold,
               (SELECT count(*) FROM conversations c WHERE c.user_id = u.id),
               (SELECT max(c.updated_at) FROM conversations c WHERE c.user_id = u.id)
        FROM users u
        """

    public func users(after cursor: UserCursor?, limit: Int) throws -> [UserSummary] {
        let rows: [UserSummary]
        if let cursor {
            rows = try connection.query(
                SQLiteStore.userColumns + " WHERE (u.name COLLATE NOCASE, u.id) > (?, ?) ORDER BY u.name COLLATE NOCASE, u.id LIMIT ?",
                [cursor.name, cursor.id, limit], row: SQLiteStore.readUser)
        } else {
            rows = try connection.query(
                SQLiteStore.userColumns + " ORDER BY u.name COLLATE NOCASE, u.id LIMIT ?", [limit], row: SQLiteStore.readUser)
        }
        return try rows.map(withExternalIDs)
    }

    public func findUsers(matching reference: String) throws -> [UserSummary] {
        let rows = try connection.query(
            SQLiteStore.userColumns + """
             WHERE u.id = CAST(? AS INTEGER) AND ? GLOB '[0-9]*' AND ? NOT GLOB '*[^0-9]*'
                OR u.name = ?
                OR u.id IN (SELECT user_id FROM user_accounts WHERE external_id = ?)
                OR u.id IN (SELECT user_id FROM user_accounts WHERE source || ':' || external_id = ?)
             ORDER BY u.id
            """,
            [reference, reference, reference, reference, reference, reference], row: SQLiteStore.readUser)
        return try rows.map(withExternalIDs)
    }

    static func readUser(_ row: Statement) -> UserSummary {
        UserSummary(
            id: row.int64(0),
            uid: row.string(1),
            name: row.string(2),
            legalHold: row.int(3) != 0,
            externalIDs: [],
            conversationCount: row.int(4),
            lastActivityAt: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:))
        )
    }

    func withExternalIDs(_ user: UserSummary) throws -> UserSummary {
        var result = user
        result.externalIDs = try connection.query(
            "SELECT source, external_id FROM user_accounts WHERE user_id = ? ORDER BY id", [user.id]
        ) { ExternalAccount(source: $0.string(0), externalID: $0.string(1)) }
        return result
    }

    // MARK: Conversations

    static let conversationColumns = """
        SELECT c.id, c.uid, c.user_id, u.name, c.source, c.source_id, c.title, c.model,
               c.turn_count, c.created_at, c.updated_at
        FROM conversations c JOIN users u ON u.id = c.user_id
        """

    public func conversations(userID: Int64?, after cursor: ConversationCursor?, limit: Int) throws -> [ConversationSummary] {
        var filters: [String] = []
        var values: [any SQLiteBindable] = []
        if let userID {
            filters.append("c.user_id = ?")
            values.append(userID)
        }

        // NULL times sort after every known time in DESC order, so the page walks the timed rows
        // first and then the untimed ones by id.
        var page: [ConversationSummary] = []
        if cursor?.updatedAt != nil || cursor == nil {
            var timedFilters = filters + ["c.updated_at IS NOT NULL"]
            var timedValues = values
            if let cursor, let time = cursor.updatedAt {
                timedFilters.append("(c.updated_at, c.id) < (?, ?)")
                timedValues.append(time.timeIntervalSince1970)
                timedValues.append(cursor.id)
            }
            page = try connection.query(
                SQLiteStore.conversationColumns + " WHERE " + timedFilters.joined(separator: " AND ")
                    + " ORDER BY c.updated_at DESC, c.id DESC LIMIT ?",
                timedValues + [limit], row: SQLiteStore.readConversation)
        }
        if page.count < limit {
            var untimedFilters = filters + ["c.updated_at IS NULL"]
            var untimedValues = values
            if let cursor, cursor.updatedAt == nil {
                untimedFilters.append("c.id < ?")
                untimedValues.append(cursor.id)
            }
            page += try connection.query(
                SQLiteStore.conversationColumns + " WHERE " + untimedFilters.joined(separator: " AND ")
                    + " ORDER BY c.id DESC LIMIT ?",
                untimedValues + [limit - page.count], row: SQLiteStore.readConversation)
        }
        return page
    }

    public func conversation(id: Int64) throws -> ConversationSummary? {
        try connection.queryFirst(SQLiteStore.conversationColumns + " WHERE c.id = ?", [id], row: SQLiteStore.readConversation)
    }

    static func readConversation(_ row: Statement) -> ConversationSummary {
        ConversationSummary(
            id: row.int64(0),
            uid: row.string(1),
            userID: row.int64(2),
            userName: row.string(3),
            source: row.string(4),
            sourceID: row.string(5),
            title: row.optionalString(6),
            model: row.optionalString(7),
            turnCount: row.int(8),
            createdAt: row.optionalDouble(9).map(Date.init(timeIntervalSince1970:)),
            updatedAt: row.optionalDouble(10).map(Date.init(timeIntervalSince1970:))
        )
    }

    // MARK: Turns

    static let turnColumns = """
        SELECT t.id, t.uid, t.conversation_id, t.parent_id, t.source_id, t.position, t.branch_index,
               (SELECT count(*) FROM turns s
                 WHERE s.conversation_id = t.conversation_id AND s.position = t.position AND s.parent_id IS t.parent_id),
               t.on_default_thread, t.role, t.kind, t.author, t.model, t.text, t.created_at, t.raw_payload,
               t.input_tokens, t.output_tokens, t.generation_seconds
        FROM turns t
        """

    public func turns(conversationID: Int64, scope: ThreadScope, after cursor: TurnCursor?, limit: Int) throws -> [TurnRecord] {
        let rows: [TurnRecord]
        switch scope {
        case .defaultThread:
            rows = try connection.query(
                SQLiteStore.turnColumns + """
                 WHERE t.conversation_id = ? AND t.on_default_thread = 1 AND t.position > ?
                 ORDER BY t.position LIMIT ?
                """,
                [conversationID, cursor?.position ?? -1, limit], row: SQLiteStore.readTurn)
        case .allBranches:
            let start = cursor ?? TurnCursor(position: -1, branchIndex: 0, id: 0)
            rows = try connection.query(
                SQLiteStore.turnColumns + """
                 WHERE t.conversation_id = ? AND (t.position, t.branch_index, t.id) > (?, ?, ?)
                 ORDER BY t.position, t.branch_index, t.id LIMIT ?
                """,
                [conversationID, start.position, start.branchIndex, start.id, limit], row: SQLiteStore.readTurn)
        }
        return try rows.map(withAttachments)
    }

    static func readTurn(_ row: Statement) -> TurnRecord {
        TurnRecord(
            id: row.int64(0),
            uid: row.string(1),
            conversationID: row.int64(2),
            parentID: row.isNull(3) ? nil : row.int64(3),
            sourceID: row.string(4),
            position: row.int(5),
            branchIndex: row.int(6),
            siblingCount: row.int(7),
            onDefaultThread: row.int(8) != 0,
            role: Role(rawValue: row.string(9)) ?? .user,
            kind: TurnKind(rawValue: row.string(10)) ?? .message,
            author: row.optionalString(11),
            model: row.optionalString(12),
            text: row.string(13),
            createdAt: row.optionalDouble(14).map(Date.init(timeIntervalSince1970:)),
            rawPayloadJSON: row.optionalString(15),
            inputTokens: row.optionalInt(16),
            outputTokens: row.optionalInt(17),
            generationSeconds: row.optionalDouble(18),
            attachments: []
        )
    }

    func withAttachments(_ turn: TurnRecord) throws -> TurnRecord {
        var result = turn
        result.attachments = try connection.query(
            "SELECT name, mime_type, size_bytes, reference FROM attachments WHERE turn_id = ? ORDER BY id", [turn.id]
        ) { ImportedAttachment(name: $0.optionalString(0), mimeType: $0.optionalString(1), sizeBytes: $0.optionalInt(2), reference: $0.optionalString(3)) }
        return result
    }
}
