import Foundation

extension SQLiteLiveWriter {
    /// Appends one turn in its own transaction.
    ///
    /// The parent's children are read inside the transaction, after the write lock is taken, so
    /// two writers cannot both extend the same tip. The second one finds the first one's child,
    /// and its turn becomes the next branch (`branch_index` one higher, off the default thread).
    /// A turn lands on the default thread only when its parent is on it and has no child there yet.
    public func appendTurn(_ request: TurnAppend) throws -> AppendedTurn {
        let (appended, _) = try inWriteTransaction { retries -> AppendedTurn in
            let owner = try connection.queryFirst(
                "SELECT user_id, deleting_since IS NOT NULL FROM conversations WHERE id = ?", [request.conversationID]
            ) { (userID: $0.int64(0), isBeingDeleted: $0.int64(1) != 0) }
            guard let owner else {
                throw LiveWriteError.conversationNotFound(request.conversationID)
            }
            // A retention run removes a marked conversation over several batches (and may have
            // archived it already), so a turn added now would be lost without a trace.
            guard !owner.isBeingDeleted else {
                throw LiveWriteError.conversationBeingDeleted(request.conversationID)
            }
            let userID = owner.userID
            let parent = try resolveParent(request)
            let siblings = try connection.queryFirst(
                """
                SELECT count(*), max(branch_index), coalesce(max(on_default_thread), 0) FROM turns
                WHERE conversation_id = ? AND position = ? AND parent_id IS ?
                """,
                [request.conversationID, parent.childPosition, parent.id]
            ) { (count: $0.int(0), maxBranch: $0.optionalInt(1), hasDefaultChild: $0.int(2) != 0) }
                ?? (count: 0, maxBranch: nil, hasDefaultChild: false)

            let branchIndex = siblings.maxBranch.map { $0 + 1 } ?? 0
            let onDefaultThread = parent.onDefaultThread && !siblings.hasDefaultChild
            let isBranch = siblings.count > 0 && request.parent != .currentTip
            let turnID = try insertTurn(request, parentID: parent.id, position: parent.childPosition,
                                        branchIndex: branchIndex, onDefaultThread: onDefaultThread)

            let created = request.createdAt.timeIntervalSince1970
            try connection.run(
                """
                UPDATE conversations SET turn_count = turn_count + 1,
                    updated_at = max(coalesce(updated_at, ?), ?)
                WHERE id = ?
                """,
                created, created, request.conversationID)
            // FTS5 keeps new terms in memory and writes them, merging segments now and then, when
            // the transaction commits or a savepoint opens. Opening one here does that work before
            // the commit time is stamped, so the stamp is as close to the moment readers see
            // the turn as a statement can be.
            try connection.execute("SAVEPOINT confab_index_flush; RELEASE confab_index_flush")
            let sequence = try recordChange(
                .turnAppended, userID: userID, conversationID: request.conversationID, turnID: turnID,
                busyRetries: retries, conflict: isBranch ? "branched" : nil)
            return AppendedTurn(
                turnID: turnID, parentID: parent.id, position: parent.childPosition, branchIndex: branchIndex,
                isBranch: isBranch, busyRetries: retries, changeSequence: sequence)
        }
        writeStatistics.turnsAppended += 1
        if appended.isBranch {
            writeStatistics.branchedTurns += 1
        }
        return appended
    }

    private struct ResolvedParent {
        var id: Int64?
        var childPosition: Int
        var onDefaultThread: Bool
    }

    private func resolveParent(_ request: TurnAppend) throws -> ResolvedParent {
        switch request.parent {
        case .currentTip:
            guard let tip = try tip(ofConversation: request.conversationID) else {
                return ResolvedParent(id: nil, childPosition: 0, onDefaultThread: true)
            }
            let position = try connection.scalarInt("SELECT position FROM turns WHERE id = ?", [tip]) ?? 0
            return ResolvedParent(id: tip, childPosition: Int(position) + 1, onDefaultThread: true)
        case .turn(nil):
            return ResolvedParent(id: nil, childPosition: 0, onDefaultThread: true)
        case .turn(let parentID?):
            guard let parent = try connection.queryFirst(
                "SELECT position, on_default_thread FROM turns WHERE id = ? AND conversation_id = ?",
                [parentID, request.conversationID], row: { (position: $0.int(0), onDefault: $0.int(1) != 0) })
            else {
                throw LiveWriteError.parentNotFound(conversationID: request.conversationID, turnID: parentID)
            }
            return ResolvedParent(id: parentID, childPosition: parent.position + 1, onDefaultThread: parent.onDefault)
        }
    }

    /// Inserts the turn row and its character-index row, and returns the turn's id.
    private func insertTurn(_ request: TurnAppend, parentID: Int64?, position: Int, branchIndex: Int, onDefaultThread: Bool) throws -> Int64 {
        let uid = uids.next()
        var hasher = ContentHasher()
        hasher.combine(request.text)
        try connection.run(
            """
            INSERT INTO turns (uid, conversation_id, parent_id, source_id, position, branch_index, on_default_thread,
                role, kind, model, text, created_at, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            uid, request.conversationID, parentID, uid, position, branchIndex, onDefaultThread,
            request.role.rawValue, request.kind.rawValue, request.model, request.text,
            request.createdAt.timeIntervalSince1970, hasher.storedValue)
        let turnID = connection.lastInsertRowID

        // The insert trigger queued a turn with CJK or Thai runs for indexing; this writer can
        // index it now, as imports do.
        try CharacterIndex.store(turnID: turnID, text: request.text, in: connection)
        try connection.run("DELETE FROM turn_characters_pending WHERE turn_id = ?", turnID)
        return turnID
    }
}
