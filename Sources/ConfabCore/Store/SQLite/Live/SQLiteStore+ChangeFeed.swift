extension SQLiteStore: ChangeFeed {
    /// Reads the AUTOINCREMENT counter, which keeps the newest sequence even after pruning.
    public func latestChangeSequence() throws -> Int64 {
        try connection.scalarInt("SELECT seq FROM sqlite_sequence WHERE name = 'changes'") ?? 0
    }

    /// Reads the batch in one statement, so its rows, the oldest sequence and the newest one all
    /// come from one snapshot.
    public func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch {
        var oldest: Int64?
        var latest: Int64 = sequence
        let changes = try connection.query(
            """
            SELECT seq, committed_at, kind, user_id, conversation_id, turn_id, version, busy_retries, conflict, writer_pid,
                (SELECT min(seq) FROM changes), (SELECT seq FROM sqlite_sequence WHERE name = 'changes')
            FROM changes WHERE seq > ? ORDER BY seq LIMIT ?
            """,
            [sequence, limit]
        ) { row -> ChangeRecord in
            oldest = row.int64(10)
            latest = row.int64(11)
            return ChangeRecord(
                sequence: row.int64(0), committedAt: row.double(1), kind: ChangeKind(rawValue: row.string(2)),
                userID: row.isNull(3) ? nil : row.int64(3), conversationID: row.isNull(4) ? nil : row.int64(4),
                turnID: row.isNull(5) ? nil : row.int64(5), version: row.isNull(6) ? nil : row.int64(6),
                busyRetries: row.int(7), conflict: row.optionalString(8),
                writerPID: row.isNull(9) ? nil : Int32(truncatingIfNeeded: row.int64(9)))
        }
        guard let oldest else {
            return ChangeBatch(changes: [], isTruncated: false, cursor: sequence, latestSequence: max(sequence, try latestChangeSequence()))
        }
        let cursor = changes.last?.sequence ?? sequence
        return ChangeBatch(changes: changes, isTruncated: sequence < oldest - 1, cursor: cursor, latestSequence: latest)
    }
}
