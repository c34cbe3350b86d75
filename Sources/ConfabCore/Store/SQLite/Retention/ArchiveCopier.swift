import Foundation

/// Copies conversations into an archive file, which is itself a Confab store, and checks the copy.
///
/// The archive is attached to the store's connection only while a copy runs, in a deferred
/// transaction that reads this store and writes only the archive, so the store's write lock is not
/// taken. Ids are renumbered in the archive; uids, source ids and content hashes are kept, and a
/// conversation archived again replaces its earlier copy.
struct ArchiveCopier {
    let connection: Connection

    struct Prepared {
        var conversationID: Int64
        var uid: String
        var turnCount: Int
        var archivePath: String
    }

    /// Copies the next conversation that rule `index` selects after `cursor`, verifies the copy and
    /// returns it; nil when the rule selects nothing more.
    func prepareNext(rules: [RetentionRule], index: Int, after cursor: Int64, now: Date) throws -> Prepared? {
        let condition = try RuleCondition(rules: rules, index: index, now: now)
        guard let next = try connection.queryFirst(
            "SELECT c.id, c.uid FROM conversations c WHERE c.id > ? AND \(condition.sql) ORDER BY c.id LIMIT 1",
            [cursor] + condition.values, row: { (id: $0.int64(0), uid: $0.string(1)) }
        ) else { return nil }
        guard let archivePath = rules[index].archivePath else {
            throw RetentionError.invalidSelection("rule '\(rules[index].name)' archives but has no archive path")
        }

        // Opening the archive as a store creates it (mode 0600) and brings its schema up to date.
        do {
            _ = try SQLiteStore(path: archivePath)
        } catch {
            throw RetentionError.invalidSelection(
                "cannot use \(archivePath) as an archive (\(error)); give a new file or an earlier archive")
        }
        try connection.run("ATTACH DATABASE ? AS archive", archivePath)
        defer { try? connection.execute("DETACH DATABASE archive") }

        let turnCount = try copy(conversationID: next.id, uid: next.uid)
        return Prepared(conversationID: next.id, uid: next.uid, turnCount: turnCount, archivePath: archivePath)
    }

    /// Removes an archived copy whose original a re-check kept in the store.
    func discard(_ prepared: Prepared) throws {
        try connection.run("ATTACH DATABASE ? AS archive", prepared.archivePath)
        defer { try? connection.execute("DETACH DATABASE archive") }
        try connection.execute("BEGIN")
        do {
            try removeCopy(uid: prepared.uid)
            try connection.execute("COMMIT")
        } catch {
            connection.rollbackIgnoringErrors()
            throw error
        }
    }

    private func removeCopy(uid: String) throws {
        guard let id = try connection.scalarInt("SELECT id FROM archive.conversations WHERE uid = ?", [uid]) else { return }
        try connection.run("DELETE FROM archive.turn_characters WHERE turn_id IN (SELECT id FROM archive.turns WHERE conversation_id = ?)", id)
        try connection.run("DELETE FROM archive.turns WHERE conversation_id = ?", id)
        try connection.run("DELETE FROM archive.conversations WHERE id = ?", id)
    }

    /// Copies one conversation with its user, accounts, persona, tags, turns and attachments, then
    /// compares turn count and content hashes. Returns the number of turns copied.
    private func copy(conversationID: Int64, uid: String) throws -> Int {
        try connection.execute("BEGIN")
        do {
            let count = try copyRows(conversationID: conversationID, uid: uid)
            try connection.execute("COMMIT")
            return count
        } catch {
            connection.rollbackIgnoringErrors()
            throw error
        }
    }

    private func copyRows(conversationID: Int64, uid: String) throws -> Int {
        try removeCopy(uid: uid)
        try connection.run(
            """
            DELETE FROM archive.conversations WHERE (source, source_id) IN
                (SELECT source, source_id FROM main.conversations WHERE id = ?)
            """, conversationID)

        try connection.run(
            """
            INSERT OR IGNORE INTO archive.users (uid, name, legal_hold, created_at)
            SELECT u.uid, u.name, 0, u.created_at FROM main.users u JOIN main.conversations c ON c.user_id = u.id WHERE c.id = ?
            """, conversationID)
        let userID = try connection.scalarInt(
            "SELECT a.id FROM archive.users a JOIN main.users u ON u.uid = a.uid JOIN main.conversations c ON c.user_id = u.id WHERE c.id = ?",
            [conversationID]) ?? 0
        try connection.run(
            """
            INSERT OR IGNORE INTO archive.user_accounts (user_id, source, external_id)
            SELECT ?, a.source, a.external_id FROM main.user_accounts a JOIN main.conversations c ON c.user_id = a.user_id WHERE c.id = ?
            """, userID, conversationID)
        try connection.run(
            """
            INSERT OR IGNORE INTO archive.personas (uid, kind, source, key, name, prompt)
            SELECT p.uid, p.kind, p.source, p.key, p.name, p.prompt FROM main.personas p
            JOIN main.conversations c ON c.persona_id = p.id WHERE c.id = ?
            """, conversationID)

        try connection.run(
            """
            INSERT INTO archive.conversations (uid, user_id, persona_id, source, source_id, title, model, created_at, updated_at,
                turn_count, metadata, content_hash, version)
            SELECT c.uid, ?, (SELECT a.id FROM archive.personas a JOIN main.personas p ON p.uid = a.uid WHERE p.id = c.persona_id),
                c.source, c.source_id, c.title, c.model, c.created_at, c.updated_at, c.turn_count, c.metadata, c.content_hash, c.version
            FROM main.conversations c WHERE c.id = ?
            """, userID, conversationID)
        let archivedID = connection.lastInsertRowID

        // Turn ids move by one offset, so parent ids inside the conversation stay consistent.
        let offset = (try connection.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM archive.turns") ?? 1)
            - (try connection.scalarInt("SELECT coalesce(min(id), 0) FROM main.turns WHERE conversation_id = ?", [conversationID]) ?? 0)
        try connection.run(
            """
            INSERT INTO archive.turns (id, uid, conversation_id, parent_id, source_id, position, branch_index, on_default_thread,
                role, kind, author, model, text, created_at, raw_payload, input_tokens, output_tokens, generation_seconds, content_hash)
            SELECT id + ?, uid, ?, parent_id + ?, source_id, position, branch_index, on_default_thread, role, kind, author, model,
                text, created_at, raw_payload, input_tokens, output_tokens, generation_seconds, content_hash
            FROM main.turns WHERE conversation_id = ?
            """, offset, archivedID, offset, conversationID)
        try connection.run(
            """
            INSERT INTO archive.attachments (turn_id, name, mime_type, size_bytes, reference)
            SELECT a.turn_id + ?, a.name, a.mime_type, a.size_bytes, a.reference FROM main.attachments a
            JOIN main.turns t ON t.id = a.turn_id WHERE t.conversation_id = ?
            """, offset, conversationID)
        try connection.run(
            """
            INSERT OR IGNORE INTO archive.tags (name)
            SELECT g.name FROM main.conversation_tags ct JOIN main.tags g ON g.id = ct.tag_id WHERE ct.conversation_id = ?
            """, conversationID)
        try connection.run(
            """
            INSERT INTO archive.conversation_tags (conversation_id, tag_id)
            SELECT ?, a.id FROM main.conversation_tags ct JOIN main.tags g ON g.id = ct.tag_id
            JOIN archive.tags a ON a.name = g.name WHERE ct.conversation_id = ?
            """, archivedID, conversationID)
        try connection.run(
            """
            INSERT INTO archive.turn_characters (turn_id, characters)
            SELECT tc.turn_id + ?, tc.characters FROM main.turn_characters tc JOIN main.turns t ON t.id = tc.turn_id
            WHERE t.conversation_id = ?
            """, offset, conversationID)

        return try verify(conversationID: conversationID, archivedID: archivedID, uid: uid)
    }

    private func verify(conversationID: Int64, archivedID: Int64, uid: String) throws -> Int {
        let original = try connection.queryFirst(
            "SELECT count(*), coalesce(sum(content_hash % 1000003), 0), coalesce(sum(length(text)), 0) FROM main.turns WHERE conversation_id = ?",
            [conversationID], row: { [$0.int64(0), $0.int64(1), $0.int64(2)] })
        let copied = try connection.queryFirst(
            "SELECT count(*), coalesce(sum(content_hash % 1000003), 0), coalesce(sum(length(text)), 0) FROM archive.turns WHERE conversation_id = ?",
            [archivedID], row: { [$0.int64(0), $0.int64(1), $0.int64(2)] })
        let hashes = try connection.queryFirst(
            "SELECT (SELECT content_hash FROM main.conversations WHERE id = ?) = (SELECT content_hash FROM archive.conversations WHERE id = ?)",
            [conversationID, archivedID], row: { $0.int(0) })
        guard let original, original == copied, hashes == 1 else {
            throw RetentionError.archiveVerificationFailed(conversationUID: uid)
        }
        return Int(original[0])
    }
}
