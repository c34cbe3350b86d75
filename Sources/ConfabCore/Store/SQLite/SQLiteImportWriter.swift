import Foundation

/// Writes one import inside a single `BEGIN IMMEDIATE` transaction.
///
/// FTS5 flushes its pending terms at every statement that opens a statement journal, and an
/// INSERT that fires the FTS trigger is such a statement. Indexing row by row through the
/// triggers therefore made imports about three times slower than indexing in bulk (measured
/// with SQLite 3.40.1 on the ShareGPT dump; see docs/benchmarks.md). The writer therefore drops the
/// AFTER INSERT triggers (of both FTS tables and of the character index, see `SearchSchema`) inside
/// its own transaction, inserts rows directly, stores each turn's CJK runs itself, indexes each
/// batch with one `INSERT … SELECT` per FTS table, and creates the triggers again from their stored
/// SQL before it commits. DDL is transactional in SQLite, so no other connection ever sees the store
/// without its triggers; a rollback or a crash restores them with everything else.
final class SQLiteImportWriter: ImportWriter {
    private let connection: Connection
    private let source: String
    private let importID: Int64
    private var uids = UIDGenerator()
    private var nextConversationID: Int64
    private var nextTurnID: Int64
    private var isOpen = true

    private let ledger: ImportLedgerCheck
    private var userIDByOwner: [Owner: Int64] = [:]
    private var personaIDByKey: [String: Int64] = [:]
    private var tagIDByName: [String: Int64] = [:]

    /// Rows with ids from these up to the next ids were inserted without the triggers and are
    /// not in the FTS5 indexes yet.
    private var firstUnindexedTurnID: Int64
    private var firstUnindexedConversationID: Int64
    /// The insert triggers this writer dropped, with the SQL that creates them again.
    private var droppedTriggers: [(name: String, sql: String)] = []
    /// Stored conversations this import changed, whose summary rows are refreshed at commit.
    private var updatedConversationIDs = Set<Int64>()

    /// Turns inserted since the last bulk indexing; indexing every few thousand keeps the rows
    /// it reads back in SQLite's page cache.
    private var unindexedTurnCount = 0
    private static let indexingBatchTurns = 5_000

    /// The triggers that index new rows, replaced by bulk indexing during an import.
    static let insertTriggerNames = ["turns_fts_after_insert", "conversations_fts_after_insert"]
        + SearchSchema.insertTriggerNames + AnalyticsSchema.insertTriggerNames

    init(connection: Connection, format: ImportFormat, filePath: String, fileBytes: Int64?, keyPath: String) throws {
        self.connection = connection
        self.source = format.rawValue

        try connection.execute("BEGIN IMMEDIATE")
        do {
            droppedTriggers = try connection.query(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))",
                [JSONValue.array(SQLiteImportWriter.insertTriggerNames.map(JSONValue.string)).serialized()]
            ) { (name: $0.string(0), sql: $0.string(1)) }
            for trigger in droppedTriggers {
                try connection.execute("DROP TRIGGER \(trigger.name)")
            }
            try connection.run(
                "INSERT INTO imports (format, file_path, file_bytes, started_at, status) VALUES (?, ?, ?, ?, 'partial')",
                format.rawValue, filePath, fileBytes, Date().timeIntervalSince1970)
            importID = connection.lastInsertRowID
            nextConversationID = (try connection.scalarInt("SELECT max(id) FROM conversations") ?? 0) + 1
            nextTurnID = (try connection.scalarInt("SELECT max(id) FROM turns") ?? 0) + 1
            firstUnindexedConversationID = nextConversationID
            firstUnindexedTurnID = nextTurnID
            ledger = try ImportLedgerCheck(connection: connection, keyPath: keyPath)
        } catch {
            connection.rollbackIgnoringErrors()
            throw error
        }
    }

    deinit {
        if isOpen {
            connection.rollbackIgnoringErrors()
        }
    }

    // MARK: ImportWriter

    func write(_ conversation: ImportedConversation, owner: Owner) throws -> WriteResult {
        precondition(isOpen, "write after commit or rollback")
        // Conversations that `forget` erased or a retention job anonymised stay away.
        if try ledger.isErased(source: source, sourceID: conversation.sourceID, owner: owner) {
            return WriteResult(outcome: .erased, turnsAdded: 0)
        }
        var conversation = conversation
        conversation.turns = SQLiteImportWriter.withUniqueSourceIDs(conversation.turns)

        let turnHashes = conversation.turns.map(\.contentHash)
        let hash = conversation.contentHash(turnHashes: turnHashes)
        let existing = try connection.queryFirst(
            "SELECT id, content_hash FROM conversations WHERE source = ? AND source_id = ?",
            [source, conversation.sourceID]) { (id: $0.int64(0), hash: $0.int64(1)) }

        // Resolved even for unchanged conversations: a re-import may bring the account's name
        // (a users.json beside the file) or the account itself for the first time.
        let userID = try resolve(owner)
        if let existing {
            try adopt(existing.id, by: userID, owner: owner)
        }
        if let existing, existing.hash == hash {
            return WriteResult(outcome: .unchanged, turnsAdded: 0)
        }

        let tree = ConversationTree(turns: conversation.turns, defaultLeafSourceID: conversation.defaultLeafSourceID)
        let personaID = try conversation.persona.map(resolve)

        if let existing {
            // The update triggers are still in place and would delete index entries of rows
            // that are not indexed yet, so the index must be current first.
            try indexInsertedRows()
            updatedConversationIDs.insert(existing.id)
            let turnsAdded = try connection.savepoint {
                try update(existing.id, with: conversation, tree: tree, turnHashes: turnHashes, hash: hash, personaID: personaID)
            }
            return WriteResult(outcome: .updated, turnsAdded: turnsAdded)
        }
        try insertNew(conversation, tree: tree, turnHashes: turnHashes, hash: hash, userID: userID, personaID: personaID)
        return WriteResult(outcome: .new, turnsAdded: conversation.turns.count)
    }

    /// Moves a conversation from its source's default user to the account the export now names,
    /// so an export imported once without its account file and once with it ends up under one
    /// user. Conversations of any other user keep their owner.
    private func adopt(_ conversationID: Int64, by userID: Int64, owner: Owner) throws {
        guard case let .account(accountSource, externalID, _) = owner, externalID != "default" else { return }
        try connection.run(
            """
            UPDATE conversations SET user_id = ?
            WHERE id = ? AND user_id != ?
              AND user_id IN (SELECT user_id FROM user_accounts WHERE source = ? AND external_id = 'default')
            """,
            userID, conversationID, userID, accountSource)
    }

    func commit(_ summary: ImportSummary) throws {
        precondition(isOpen, "commit after commit or rollback")
        do {
            try indexInsertedRows()
            for trigger in droppedTriggers {
                try connection.execute(trigger.sql)
            }
            // Turns whose text an update replaced were queued by the update trigger.
            try CharacterIndex.indexPending(connection)
            try AuditLog.append(
                connection, actor: RetentionContext.currentActor(environment: ProcessInfo.processInfo.environment),
                action: "import", selection: "import \(importID) (\(source))",
                conversations: summary.newConversations + summary.updatedConversations, turns: summary.newTurns,
                outcome: summary.isPartial ? "partial" : "complete",
                detail: "\(summary.unchangedConversations) unchanged, \(summary.erasedConversations) skipped as erased")
            // The update triggers queued the conversations whose turns changed; new turns of
            // updated conversations came without a trigger, so those are refreshed by id.
            try AnalyticsAggregates.refresh(conversationIDs: updatedConversationIDs, in: connection)
            try AnalyticsAggregates.refreshPending(in: connection)
            try connection.run(
                """
                UPDATE imports SET finished_at = ?, status = ?, new_conversations = ?, updated_conversations = ?,
                    unchanged_conversations = ?, skipped_records = ?, invalid_utf8 = ?, lone_surrogates = ?
                WHERE id = ?
                """,
                Date().timeIntervalSince1970, summary.isPartial ? "partial" : "complete",
                summary.newConversations, summary.updatedConversations, summary.unchangedConversations,
                summary.skipped.count, summary.invalidUTF8, summary.loneSurrogates, importID)
            try ImportChangeRows.record(importID: importID, in: connection)
            try connection.execute("COMMIT")
            isOpen = false
        } catch {
            rollback()
            throw error
        }
    }

    func rollback() {
        guard isOpen else { return }
        isOpen = false
        connection.rollbackIgnoringErrors()
    }

    // MARK: New conversations

    private func insertNew(
        _ conversation: ImportedConversation, tree: ConversationTree, turnHashes: [Int64],
        hash: Int64, userID: Int64, personaID: Int64?
    ) throws {
        let conversationID = nextConversationID
        nextConversationID += 1
        let times = SQLiteImportWriter.activityTimes(of: conversation)

        try connection.run(
            """
            INSERT INTO conversations
                (id, uid, user_id, persona_id, source, source_id, title, model, created_at, updated_at,
                 turn_count, metadata, content_hash, version, first_import_id, last_import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """,
            conversationID, uids.next(), userID, personaID, source, conversation.sourceID, conversation.title,
            conversation.model, times.created, times.updated, conversation.turns.count, conversation.metadataJSON,
            hash, importID, importID)

        // The analytics summary rows come from the values written here rather than from the
        // stored turns, because reading each batch of turns back cost about 7% of the import's
        // time (docs/benchmarks.md).
        var summary = AnalyticsConversationSummary(conversationID: conversationID, createdAt: times.created, model: conversation.model)
        var turnIDs = [Int64](repeating: 0, count: conversation.turns.count)
        for index in tree.insertionOrder {
            let turnID = nextTurnID
            nextTurnID += 1
            turnIDs[index] = turnID
            let parentID = tree.parent[index].map { turnIDs[$0] }
            try insertTurn(
                id: turnID, conversationID: conversationID, parentID: parentID,
                turn: conversation.turns[index], tree: tree, index: index, hash: turnHashes[index])
            for attachment in conversation.turns[index].attachments {
                try insertAttachment(attachment, turnID: turnID)
            }
            summary.add(conversation.turns[index], turnID: turnID, branchIndex: tree.branchIndex[index])
        }
        try summary.write(to: connection)
        try attach(conversation.tags, to: conversationID)

        unindexedTurnCount += conversation.turns.count
        if unindexedTurnCount >= SQLiteImportWriter.indexingBatchTurns {
            try indexInsertedRows()
        }
    }

    private func insertTurn(
        id: Int64, conversationID: Int64, parentID: Int64?,
        turn: ImportedTurn, tree: ConversationTree, index: Int, hash: Int64
    ) throws {
        try connection.run(
            """
            INSERT INTO turns
                (id, uid, conversation_id, parent_id, source_id, position, branch_index, on_default_thread,
                 role, kind, author, model, text, created_at, raw_payload, input_tokens, output_tokens,
                 generation_seconds, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, uids.next(), conversationID, parentID, turn.sourceID, tree.depth[index], tree.branchIndex[index],
            tree.onDefaultThread[index], turn.role.rawValue, turn.kind.rawValue, turn.author, turn.model, turn.text,
            turn.createdAt?.timeIntervalSince1970, turn.rawPayloadJSON, turn.inputTokens, turn.outputTokens,
            turn.generationSeconds, hash)
        try CharacterIndex.store(turnID: id, text: turn.text, in: connection)
    }

    /// Adds the rows inserted since the last call to the FTS5 indexes, one statement per index.
    private func indexInsertedRows() throws {
        if nextConversationID > firstUnindexedConversationID {
            try connection.run(
                "INSERT INTO conversations_fts (rowid, title) SELECT id, title FROM conversations WHERE id >= ? AND id < ?",
                firstUnindexedConversationID, nextConversationID)
            firstUnindexedConversationID = nextConversationID
        }
        if nextTurnID > firstUnindexedTurnID {
            try connection.run(
                "INSERT INTO turns_fts (rowid, text) SELECT id, text FROM turns WHERE id >= ? AND id < ?",
                firstUnindexedTurnID, nextTurnID)
            try connection.run(
                """
                INSERT INTO turn_characters_fts (rowid, characters)
                SELECT turn_id, characters FROM turn_characters WHERE turn_id >= ? AND turn_id < ?
                """,
                firstUnindexedTurnID, nextTurnID)
            firstUnindexedTurnID = nextTurnID
        }
        unindexedTurnCount = 0
    }

    private func insertAttachment(_ attachment: ImportedAttachment, turnID: Int64) throws {
        try connection.run(
            "INSERT INTO attachments (turn_id, name, mime_type, size_bytes, reference) VALUES (?, ?, ?, ?, ?)",
            turnID, attachment.name, attachment.mimeType, attachment.sizeBytes, attachment.reference)
    }

    private func attach(_ tags: [String], to conversationID: Int64) throws {
        for name in tags where !name.isEmpty {
            let tagID = try resolveTag(name)
            try connection.run(
                "INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)", conversationID, tagID)
        }
    }

    // MARK: Updated conversations

    private struct StoredTurn {
        var id: Int64
        var hash: Int64
        var parentID: Int64?
        var position: Int
        var branchIndex: Int
        var onDefaultThread: Bool
    }

    /// Brings a stored conversation up to date: new turns are added, changed turns rewritten in
    /// place (keeping their ids), and stored turns the export no longer has are kept off the
    /// default thread rather than deleted.
    /// Returns the number of turns inserted.
    private func update(
        _ conversationID: Int64, with conversation: ImportedConversation, tree: ConversationTree,
        turnHashes: [Int64], hash: Int64, personaID: Int64?
    ) throws -> Int {
        var stored: [String: StoredTurn] = [:]
        for (sourceID, turn) in try connection.query(
            "SELECT source_id, id, content_hash, parent_id, position, branch_index, on_default_thread FROM turns WHERE conversation_id = ?",
            [conversationID], row: {
                ($0.string(0), StoredTurn(id: $0.int64(1), hash: $0.int64(2), parentID: $0.isNull(3) ? nil : $0.int64(3),
                                          position: $0.int(4), branchIndex: $0.int(5), onDefaultThread: $0.int(6) != 0))
            }) {
            stored[sourceID] = turn
        }

        var turnIDs = [Int64](repeating: 0, count: conversation.turns.count)
        var seen = Set<String>()
        var turnsAdded = 0
        for index in tree.insertionOrder {
            let turn = conversation.turns[index]
            seen.insert(turn.sourceID)
            let parentID = tree.parent[index].map { turnIDs[$0] }

            guard let existing = stored[turn.sourceID] else {
                let turnID = nextTurnID
                nextTurnID += 1
                turnIDs[index] = turnID
                try insertTurn(
                    id: turnID, conversationID: conversationID, parentID: parentID,
                    turn: turn, tree: tree, index: index, hash: turnHashes[index])
                for attachment in turn.attachments {
                    try insertAttachment(attachment, turnID: turnID)
                }
                turnsAdded += 1
                continue
            }

            turnIDs[index] = existing.id
            if existing.hash != turnHashes[index] {
                try rewrite(existing.id, with: turn, hash: turnHashes[index])
            }
            if existing.parentID != parentID || existing.position != tree.depth[index]
                || existing.branchIndex != tree.branchIndex[index] || existing.onDefaultThread != tree.onDefaultThread[index] {
                try connection.run(
                    "UPDATE turns SET parent_id = ?, position = ?, branch_index = ?, on_default_thread = ? WHERE id = ?",
                    parentID, tree.depth[index], tree.branchIndex[index], tree.onDefaultThread[index], existing.id)
            }
        }
        for (sourceID, turn) in stored where !seen.contains(sourceID) && turn.onDefaultThread {
            try connection.run("UPDATE turns SET on_default_thread = 0 WHERE id = ?", turn.id)
        }

        let times = SQLiteImportWriter.activityTimes(of: conversation)
        try connection.run(
            """
            UPDATE conversations SET persona_id = ?, title = ?, model = ?, created_at = coalesce(?, created_at),
                metadata = ?, content_hash = ?, version = version + 1, last_import_id = ?
            WHERE id = ?
            """,
            personaID, conversation.title, conversation.model, times.created, conversation.metadataJSON, hash,
            importID, conversationID)
        // max() skips NULLs, so updated_at stays NULL only when no time is known at all.
        try connection.run(
            """
            UPDATE conversations SET
                turn_count = (SELECT count(*) FROM turns WHERE conversation_id = conversations.id),
                updated_at = (SELECT max(time) FROM (
                    SELECT ? AS time
                    UNION ALL SELECT conversations.updated_at
                    UNION ALL SELECT max(created_at) FROM turns WHERE conversation_id = conversations.id))
            WHERE id = ?
            """,
            times.updated, conversationID)
        try attach(conversation.tags, to: conversationID)
        return turnsAdded
    }

    private func rewrite(_ turnID: Int64, with turn: ImportedTurn, hash: Int64) throws {
        try connection.run(
            """
            UPDATE turns SET role = ?, kind = ?, author = ?, model = ?, text = ?, created_at = ?, raw_payload = ?,
                input_tokens = ?, output_tokens = ?, generation_seconds = ?, content_hash = ?
            WHERE id = ?
            """,
            turn.role.rawValue, turn.kind.rawValue, turn.author, turn.model, turn.text,
            turn.createdAt?.timeIntervalSince1970, turn.rawPayloadJSON, turn.inputTokens, turn.outputTokens,
            turn.generationSeconds, hash, turnID)
        try connection.run("DELETE FROM attachments WHERE turn_id = ?", turnID)
        for attachment in turn.attachments {
            try insertAttachment(attachment, turnID: turnID)
        }
    }

    // MARK: Users, personas, tags

    private func resolve(_ owner: Owner) throws -> Int64 {
        if let cached = userIDByOwner[owner] {
            return cached
        }
        let userID: Int64
        switch owner {
        case let .account(accountSource, externalID, name):
            if let existing = try connection.scalarInt(
                "SELECT user_id FROM user_accounts WHERE source = ? AND external_id = ?", [accountSource, externalID]) {
                userID = existing
                if let name, !name.isEmpty {
                    try connection.run("UPDATE users SET name = ? WHERE id = ? AND name != ?", name, userID, name)
                }
            } else {
                userID = try createUser(named: (name?.isEmpty == false ? name : nil) ?? externalID)
                try connection.run(
                    "INSERT INTO user_accounts (user_id, source, external_id) VALUES (?, ?, ?)", userID, accountSource, externalID)
            }
        case let .named(name):
            if let existing = try connection.scalarInt("SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 1", [name]) {
                userID = existing
            } else {
                userID = try createUser(named: name)
            }
        }
        userIDByOwner[owner] = userID
        return userID
    }

    private func createUser(named name: String) throws -> Int64 {
        try connection.run(
            "INSERT INTO users (uid, name, created_at) VALUES (?, ?, ?)", uids.next(), name, Date().timeIntervalSince1970)
        return connection.lastInsertRowID
    }

    private func resolve(_ persona: ImportedPersona) throws -> Int64 {
        let key: String
        if let externalID = persona.externalID, !externalID.isEmpty {
            key = externalID
        } else {
            var hasher = ContentHasher()
            hasher.combine(persona.prompt ?? persona.name ?? "")
            key = "text:" + String(UInt64(bitPattern: hasher.storedValue), radix: 16)
        }
        let cacheKey = persona.kind.rawValue + "\u{0}" + key
        if let cached = personaIDByKey[cacheKey] {
            return cached
        }
        let personaID: Int64
        if let existing = try connection.scalarInt(
            "SELECT id FROM personas WHERE source = ? AND kind = ? AND key = ?", [source, persona.kind.rawValue, key]) {
            personaID = existing
        } else {
            try connection.run(
                "INSERT INTO personas (uid, kind, source, key, name, prompt) VALUES (?, ?, ?, ?, ?, ?)",
                uids.next(), persona.kind.rawValue, source, key, persona.name, persona.prompt)
            personaID = connection.lastInsertRowID
        }
        personaIDByKey[cacheKey] = personaID
        return personaID
    }

    private func resolveTag(_ name: String) throws -> Int64 {
        if let cached = tagIDByName[name] {
            return cached
        }
        let tagID: Int64
        if let existing = try connection.scalarInt("SELECT id FROM tags WHERE name = ?", [name]) {
            tagID = existing
        } else {
            try connection.run("INSERT INTO tags (name) VALUES (?)", name)
            tagID = connection.lastInsertRowID
        }
        tagIDByName[name] = tagID
        return tagID
    }

    // MARK: Helpers

    /// Creation time (the export's, else the earliest turn) and last activity (the latest of the
    /// export's update time, its creation time and every turn), each nil when nothing is known.
    static func activityTimes(of conversation: ImportedConversation) -> (created: Double?, updated: Double?) {
        let turnTimes = conversation.turns.compactMap { $0.createdAt?.timeIntervalSince1970 }
        let created = conversation.createdAt?.timeIntervalSince1970 ?? turnTimes.min()
        let candidates = turnTimes + [conversation.updatedAt, conversation.createdAt].compactMap { $0?.timeIntervalSince1970 }
        return (created, candidates.max())
    }

    /// Gives the second and later turns that share a source id the suffixes `~2`, `~3`, … so
    /// each turn keeps its own row and the same file always maps to the same ids.
    static func withUniqueSourceIDs(_ turns: [ImportedTurn]) -> [ImportedTurn] {
        var seen: [String: Int] = [:]
        var result = turns
        var changed = false
        for index in result.indices {
            let sourceID = result[index].sourceID
            let occurrence = (seen[sourceID] ?? 0) + 1
            seen[sourceID] = occurrence
            if occurrence > 1 {
                result[index].sourceID = "\(sourceID)~\(occurrence)"
                changed = true
            }
        }
        return changed ? result : turns
    }
}
