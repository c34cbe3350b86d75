import Foundation

extension SQLiteStore {
    public func setLegalHold(_ target: HoldTarget, held: Bool, context: RetentionContext) throws -> HoldChange {
        try connection.writeTransaction {
            let (table, id, subject, logged) = try resolveHoldTarget(target, key: context.key)
            try connection.run("UPDATE \(table) SET legal_hold = ? WHERE id = ? AND legal_hold != ?", held, id, held)
            let changed = connection.changes > 0
            try AuditLog.append(
                connection, actor: context.actor, action: held ? "hold" : "release", selection: logged,
                outcome: changed ? "done" : "unchanged")
            return HoldChange(subject: subject, held: held, changed: changed)
        }
    }

    /// The table and row a hold applies to, its name for messages, and its form for the audit
    /// log, where a user appears only as a keyed hash.
    private func resolveHoldTarget(_ target: HoldTarget, key: RetentionKey) throws -> (String, Int64, String, String) {
        switch target {
        case let .user(reference):
            let user = try uniqueUser(reference)
            let uid = try connection.scalarString("SELECT uid FROM users WHERE id = ?", [user.id]) ?? ""
            return ("users", user.id, "user \(user.id)", "user #" + key.keyedHash("user", uid).prefix(12))
        case let .conversation(reference):
            let id = try connection.scalarInt(
                "SELECT id FROM conversations WHERE CAST(id AS TEXT) = ? OR uid = ? OR source_id = ? ORDER BY id LIMIT 1",
                [reference, reference, reference])
            guard let id else { throw RetentionError.conversationNotFound(reference) }
            return ("conversations", id, "conversation \(id)", "conversation \(id)")
        }
    }

    /// The one user that `reference` names by id, name or account id.
    func uniqueUser(_ reference: String) throws -> UserSummary {
        let users = try findUsers(matching: reference)
        if let exact = users.first(where: { String($0.id) == reference }) {
            return exact
        }
        guard let user = users.first else { throw RetentionError.userNotFound(reference) }
        guard users.count == 1 else {
            throw RetentionError.ambiguousUser(reference, candidates: users.map { String($0.id) })
        }
        return user
    }
}
