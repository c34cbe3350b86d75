import Foundation

extension SQLiteStore {
    public func storedPolicies() throws -> [StoredPolicy] {
        let rows = try connection.query("SELECT name, text, stored_at FROM retention_policies ORDER BY name") {
            (name: $0.string(0), text: $0.string(1), storedAt: $0.double(2))
        }
        return try rows.map { row in
            var policy = try RetentionPolicyParser.parse(row.text, file: "stored policy \(row.name)")
            policy.name = row.name
            let lastJob = try connection.scalarInt(
                "SELECT id FROM retention_jobs WHERE policy = ? ORDER BY id DESC LIMIT 1", [row.text])
            let lastRun = try lastJob.flatMap { try RetentionJobRow.load($0, from: connection)?.status(isResumed: false) }
            return StoredPolicy(policy: policy, storedAt: Date(timeIntervalSince1970: row.storedAt), lastRun: lastRun)
        }
    }

    public func auditEntries(limit: Int) throws -> [AuditEntry] {
        try connection.query(
            """
            SELECT id, at, actor, action, selection, conversations, turns, bytes_reclaimed, duration, outcome, detail
            FROM audit_log ORDER BY id DESC LIMIT ?
            """, [limit]
        ) { row in
            AuditEntry(
                id: row.int64(0), at: Date(timeIntervalSince1970: row.double(1)), actor: row.string(2),
                action: row.string(3), selection: row.optionalString(4), conversations: row.int(5), turns: row.int(6),
                bytesReclaimed: row.isNull(7) ? nil : row.int64(7), seconds: row.optionalDouble(8),
                outcome: row.string(9), detail: row.optionalString(10))
        }
    }
}

/// Writes audit entries. An entry written with outcome `running` may be finished once.
enum AuditLog {
    @discardableResult
    static func append(
        _ connection: Connection, actor: String, action: String, selection: String?, conversations: Int = 0,
        turns: Int = 0, bytesReclaimed: Int64? = nil, seconds: Double? = nil, outcome: String, detail: String? = nil
    ) throws -> Int64 {
        try connection.run(
            """
            INSERT INTO audit_log (at, actor, action, selection, conversations, turns, bytes_reclaimed, duration, outcome, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Date().timeIntervalSince1970, actor, action, selection, conversations, turns, bytesReclaimed, seconds,
            outcome, detail)
        return connection.lastInsertRowID
    }

    static func finish(
        _ connection: Connection, id: Int64, conversations: Int, turns: Int, bytesReclaimed: Int64?, seconds: Double,
        outcome: String, detail: String? = nil
    ) throws {
        try connection.run(
            """
            UPDATE audit_log SET conversations = ?, turns = ?, bytes_reclaimed = ?, duration = ?, outcome = ?,
                detail = coalesce(?, detail)
            WHERE id = ? AND outcome = 'running'
            """,
            conversations, turns, bytesReclaimed, seconds, outcome, detail, id)
    }

    /// Returns the selection text with the value of every `user:` filter replaced by a keyed hash,
    /// so the log never names a person who may later be erased.
    static func maskedSelection(_ text: String, key: RetentionKey) -> String {
        let query = SearchQuery.parse(text)
        var masked = text
        for filter in query.filters where filter.kind == .user {
            let hash = "#" + key.keyedHash("user reference", filter.value.lowercased()).prefix(12)
            for form in ["user:\"\(filter.value)\"", "user:\(filter.value)"] {
                masked = masked.replacingOccurrences(of: form, with: "user:" + hash, options: .caseInsensitive)
            }
        }
        return masked
    }
}

/// The key fingerprint stored with the store, and the erased-ids ledger.
enum RetentionLedger {
    /// Records the key's fingerprint on first use and rejects any other key afterwards.
    static func verify(_ key: RetentionKey, keyPath: String, in connection: Connection) throws {
        let stored = try connection.scalarString("SELECT value FROM retention_settings WHERE name = 'key_fingerprint'")
        if let stored {
            guard stored == key.fingerprint else { throw RetentionError.keyMismatch(path: keyPath) }
            return
        }
        try connection.run("INSERT INTO retention_settings (name, value) VALUES ('key_fingerprint', ?)", key.fingerprint)
    }

    static func conversationHash(source: String, sourceID: String, key: RetentionKey) -> String {
        key.keyedHash("conversation", source, sourceID)
    }

    static func accountHash(source: String, externalID: String, key: RetentionKey) -> String {
        key.keyedHash("account", source, externalID)
    }

    static func record(_ hash: String, kind: String, in connection: Connection) throws {
        try connection.run(
            "INSERT OR IGNORE INTO erased_ledger (hash, kind, recorded_at) VALUES (?, ?, ?)",
            hash, kind, Date().timeIntervalSince1970)
    }

    static func contains(_ hash: String, in connection: Connection) throws -> Bool {
        (try connection.scalarInt("SELECT count(*) FROM erased_ledger WHERE hash = ?", [hash]) ?? 0) > 0
    }
}
