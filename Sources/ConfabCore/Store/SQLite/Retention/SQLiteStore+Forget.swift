import Foundation

extension SQLiteStore {
    public func erasureTarget(user reference: String) throws -> ErasureTarget {
        let user = try uniqueUser(reference)
        let turns = try connection.scalarInt(
            "SELECT count(*) FROM turns WHERE conversation_id IN (SELECT id FROM conversations WHERE user_id = ?)", [user.id]) ?? 0
        return ErasureTarget(userID: user.id, name: user.name, conversations: user.conversationCount, turns: Int(turns))
    }

    /// Erases the user in short transactions, then rewrites the FTS5 indexes, returns free pages
    /// and truncates the WAL. Run again after an interruption, it finishes the erasure: the ledger
    /// is written first, and the audit entry stays 'running' until the end.
    public func forget(user reference: String, context: RetentionContext, waitSeconds: Double) throws -> ErasureReceipt {
        let started = Date()
        let user = try uniqueUser(reference)
        try checkNotHeld(user)
        try connection.execute("PRAGMA secure_delete = ON")
        let bytesBefore = try connection.logicalSize()

        let userHash = context.key.keyedHash("user", user.uid)
        let conversations = try connection.query(
            "SELECT id, source, source_id, persona_id FROM conversations WHERE user_id = ?", [user.id]
        ) { (id: $0.int64(0), source: $0.string(1), sourceID: $0.string(2), personaID: $0.isNull(3) ? nil : $0.int64(3)) }
        let accounts = try connection.query(
            "SELECT source, external_id FROM user_accounts WHERE user_id = ?", [user.id]
        ) { (source: $0.string(0), externalID: $0.string(1)) }

        // The ledger is written before anything is deleted, so an import that runs while the
        // erasure is under way already skips this user's conversations.
        let (auditID, ledgerEntries): (Int64, Int) = try connection.writeTransaction {
            try RetentionLedger.verify(context.key, keyPath: context.keyPath, in: connection)
            var entries = 0
            for conversation in conversations {
                try RetentionLedger.record(
                    RetentionLedger.conversationHash(source: conversation.source, sourceID: conversation.sourceID, key: context.key),
                    kind: "conversation", in: connection)
                entries += 1
            }
            // An export without account ids is owned by the source's shared "default" account,
            // which other people's exports use too, so only real accounts are recorded.
            for account in accounts where account.externalID != "default" {
                try RetentionLedger.record(
                    RetentionLedger.accountHash(source: account.source, externalID: account.externalID, key: context.key),
                    kind: "account", in: connection)
                entries += 1
            }
            let auditID = try AuditLog.append(
                connection, actor: context.actor, action: "forget", selection: "user #" + userHash.prefix(12), outcome: "running")
            return (auditID, entries)
        }

        // Batches sized and spaced like a retention job's, so other writers keep writing.
        let removal = ConversationRemoval(connection: connection)
        var turns = 0
        var budget = RetentionJobRunner.initialTurnBudget
        for conversation in conversations {
            var isComplete = false
            while !isComplete {
                let started = Date()
                let step = try connection.writeTransaction {
                    try removal.deleteStep(conversationID: conversation.id, limit: budget)
                }
                let seconds = Date().timeIntervalSince(started)
                turns += step.turns
                isComplete = step.isComplete
                budget = RetentionJobRunner.nextTurnBudget(current: budget, turns: step.turns, seconds: seconds)
                usleep(UInt32(min(0.05, max(0.002, seconds)) * 1_000_000))
            }
        }

        let changeFeedRows: Int? = try connection.writeTransaction {
            let feedRows = try deleteChangeFeedRows(userID: user.id, conversationIDs: conversations.map(\.id))
            let personaIDs = Set(conversations.compactMap(\.personaID))
            for personaID in personaIDs {
                try connection.run(
                    "DELETE FROM personas WHERE id = ? AND NOT EXISTS (SELECT 1 FROM conversations WHERE persona_id = ?)",
                    personaID, personaID)
            }
            try connection.run("DELETE FROM users WHERE id = ?", user.id)
            return feedRows
        }

        // The deleted turns queued their conversations for the analytics summaries.
        try refreshPendingAggregates()

        let scrubber = StoreScrubber(connection: connection, path: path)
        try scrubber.optimizeIndexes()
        try scrubber.returnFreePages()
        let reclaimed = bytesBefore - (try connection.logicalSize())
        try connection.writeTransaction {
            try AuditLog.finish(
                connection, id: auditID, conversations: conversations.count, turns: turns, bytesReclaimed: reclaimed,
                seconds: Date().timeIntervalSince(started), outcome: "erased",
                detail: "\(accounts.count) accounts, \(ledgerEntries) ledger entries")
        }
        let scrub = try scrubber.truncateWAL(waitSeconds: waitSeconds)
        if case let .pending(blocker) = scrub {
            try connection.writeTransaction {
                try connection.run(
                    "INSERT INTO pending_scrubs (audit_id, requested_at, blocker) VALUES (?, ?, ?)",
                    auditID, Date().timeIntervalSince1970, blocker)
            }
        }

        return ErasureReceipt(
            userHash: userHash, conversations: conversations.count, turns: turns, accounts: accounts.count,
            changeFeedRows: changeFeedRows, ledgerEntries: ledgerEntries, bytesReclaimed: reclaimed,
            seconds: Date().timeIntervalSince(started), scrub: scrub, auditID: auditID)
    }

    private func checkNotHeld(_ user: UserSummary) throws {
        if user.legalHold {
            throw RetentionError.underLegalHold("user \(user.id)")
        }
        let held = try connection.query(
            "SELECT id FROM conversations WHERE user_id = ? AND legal_hold = 1 ORDER BY id LIMIT 5", [user.id]) { $0.int64(0) }
        if !held.isEmpty {
            throw RetentionError.underLegalHold("user \(user.id)'s conversation \(held.map(String.init).joined(separator: ", "))")
        }
    }

    /// Deletes the user's rows from the change feed, when the store has one. Returns nil without it.
    private func deleteChangeFeedRows(userID: Int64, conversationIDs: [Int64]) throws -> Int? {
        guard try connection.tableExists("changes") else { return nil }
        let list = JSONValue.array(conversationIDs.map { .number(Double($0)) }).serialized()
        try connection.run(
            "DELETE FROM changes WHERE user_id = ? OR conversation_id IN (SELECT value FROM json_each(?))", userID, list)
        return connection.changes
    }

    public func completePendingScrubs(context: RetentionContext) throws -> [ScrubState] {
        let pending = try connection.query("SELECT id, audit_id FROM pending_scrubs ORDER BY id") { (id: $0.int64(0), auditID: $0.int64(1)) }
        guard !pending.isEmpty else { return [] }
        let scrubber = StoreScrubber(connection: connection, path: path)
        let first = try scrubber.truncateWAL(waitSeconds: 0.5)
        guard first == .complete else { return pending.map { _ in first } }

        try connection.writeTransaction {
            for entry in pending {
                try connection.run("DELETE FROM pending_scrubs WHERE id = ?", entry.id)
                try AuditLog.append(
                    connection, actor: context.actor, action: "scrub", selection: "audit entry \(entry.auditID)",
                    outcome: "complete", detail: "WAL truncated after an earlier erasure")
            }
        }
        return [try scrubber.truncateWAL(waitSeconds: 2)]
    }
}
