import Foundation

/// Deletes and anonymises conversations a bounded number of turns at a time, inside the caller's
/// write transaction, so that a big conversation is handled over several short transactions.
struct ConversationRemoval {
    let connection: Connection

    /// What one step did to a conversation.
    struct Step {
        var turns = 0
        var bytes: Int64 = 0
        /// True when the conversation is gone (delete) or fully anonymised.
        var isComplete = false
    }

    /// Deletes up to `limit` turns of the conversation, newest id first, and the conversation row
    /// once no turn is left.
    func deleteStep(conversationID: Int64, limit: Int) throws -> Step {
        var step = Step()
        let rows = try connection.query(
            """
            SELECT id, length(CAST(text AS BLOB)) + coalesce(length(CAST(raw_payload AS BLOB)), 0)
            FROM turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?
            """, [conversationID, limit]
        ) { (id: $0.int64(0), bytes: $0.int64(1)) }

        if let lowest = rows.last?.id {
            // The character index rows go first, so the turn delete trigger has nothing to queue.
            try connection.run(
                "DELETE FROM turn_characters WHERE turn_id IN (SELECT id FROM turns WHERE conversation_id = ? AND id >= ?)",
                conversationID, lowest)
            try connection.run("DELETE FROM turns WHERE conversation_id = ? AND id >= ?", conversationID, lowest)
            step.turns = rows.count
            step.bytes = rows.reduce(0) { $0 + $1.bytes }
        }
        if rows.count < limit {
            try connection.run("DELETE FROM conversations WHERE id = ?", conversationID)
            step.isComplete = true
        }
        return step
    }

    /// Redacts up to `limit` turns with an id above `afterTurnID`. The last step also redacts the
    /// title, drops the metadata, moves the conversation to its owner's pseudonym, records it in the
    /// ledger and marks it anonymised. Returns the step and the last turn id handled.
    func anonymiseStep(
        conversationID: Int64, afterTurnID: Int64, limit: Int, key: RetentionKey
    ) throws -> (step: Step, lastTurnID: Int64) {
        var step = Step()
        let detector = PersonalDataDetector.shared
        let rows = try connection.query(
            "SELECT id, text FROM turns WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?",
            [conversationID, afterTurnID, limit]
        ) { (id: $0.int64(0), text: $0.string(1)) }

        for row in rows {
            let redacted = detector.redact(row.text)
            if redacted.findings.isEmpty {
                try connection.run(
                    "UPDATE turns SET raw_payload = NULL, author = NULL WHERE id = ? AND (raw_payload IS NOT NULL OR author IS NOT NULL)",
                    row.id)
            } else {
                try connection.run("UPDATE turns SET text = ?, raw_payload = NULL, author = NULL WHERE id = ?", redacted.text, row.id)
                try reindexCharacters(turnID: row.id, text: redacted.text)
            }
            try connection.run("UPDATE attachments SET name = NULL, reference = NULL WHERE turn_id = ?", row.id)
            step.bytes += Int64(row.text.utf8.count)
        }
        step.turns = rows.count
        let lastTurnID = rows.last?.id ?? afterTurnID
        if rows.count < limit {
            try finishAnonymising(conversationID, key: key)
            step.isComplete = true
        }
        return (step, lastTurnID)
    }

    /// Replaces the character index rows of a rewritten turn, which the update trigger only queued.
    private func reindexCharacters(turnID: Int64, text: String) throws {
        try connection.run("DELETE FROM turn_characters WHERE turn_id = ?", turnID)
        try CharacterIndex.store(turnID: turnID, text: text, in: connection)
        try connection.run("DELETE FROM turn_characters_pending WHERE turn_id = ?", turnID)
    }

    private func finishAnonymising(_ conversationID: Int64, key: RetentionKey) throws {
        guard let conversation = try connection.queryFirst(
            "SELECT c.user_id, u.uid, c.source, c.source_id, c.title FROM conversations c JOIN users u ON u.id = c.user_id WHERE c.id = ?",
            [conversationID], row: { (userID: $0.int64(0), userUID: $0.string(1), source: $0.string(2), sourceID: $0.string(3), title: $0.optionalString(4)) }
        ) else { return }

        let pseudonymID = try pseudonymUser(for: conversation.userUID, key: key)
        let title = conversation.title.map { PersonalDataDetector.shared.redact($0).text }
        try connection.run(
            "UPDATE conversations SET title = ?, metadata = NULL, user_id = ?, anonymised_at = ? WHERE id = ?",
            title, pseudonymID, Date().timeIntervalSince1970, conversationID)
        try RetentionLedger.record(
            RetentionLedger.conversationHash(source: conversation.source, sourceID: conversation.sourceID, key: key),
            kind: "anonymised", in: connection)

        // The original user goes with its last conversation, taking its name and accounts along.
        if conversation.userID != pseudonymID {
            let remaining = try connection.scalarInt("SELECT count(*) FROM conversations WHERE user_id = ?", [conversation.userID]) ?? 0
            if remaining == 0 {
                try connection.run("DELETE FROM users WHERE id = ? AND legal_hold = 0", conversation.userID)
            }
        }
    }

    /// The id of the user named by the pseudonym of user `uid`, created when missing. A
    /// pseudonym user's own uid is derived from the key too, so the same user always maps to one row.
    private func pseudonymUser(for uid: String, key: RetentionKey) throws -> Int64 {
        let name = key.pseudonym(forUserUID: uid)
        if let existing = try connection.scalarInt("SELECT id FROM users WHERE uid = ?", ["pseudonym-" + name]) {
            return existing
        }
        try connection.run(
            "INSERT INTO users (uid, name, created_at) VALUES (?, ?, ?)",
            "pseudonym-" + name, name, Date().timeIntervalSince1970)
        return connection.lastInsertRowID
    }
}

extension PersonalDataDetector {
    /// One detector for the whole process: compiling the expressions costs more than a batch.
    static let shared = PersonalDataDetector()
}
