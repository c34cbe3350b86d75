import Foundation

extension SQLiteLiveWriter {
    public func metadata(ofConversation conversationID: Int64) throws -> ConversationMetadata? {
        try readMetadata(conversationID)
    }

    /// Applies a metadata edit with optimistic concurrency.
    ///
    /// The rule, field by field, when `base.version` is no longer the stored version: a title or
    /// archived flag that an edit committed since `base` changed keeps the committed value (first
    /// committer wins, and the field is reported as rejected), even when that value equals the one
    /// `base` read; a field nobody changed since takes the new value; tag additions and removals
    /// always apply to the current set. An edit that changes anything increments the version.
    /// With `.rejectAll` a stale edit applies nothing and reports every field it named as rejected.
    public func edit(_ edit: ConversationEdit, base: ConversationMetadata, onStale policy: StaleEditPolicy) throws -> EditOutcome {
        let tagsToAdd = try edit.addTags.map(SQLiteLiveWriter.validatedTag)
        let tagsToRemove = try edit.removeTags.map(SQLiteLiveWriter.validatedTag)

        let (outcome, _) = try inWriteTransaction { retries -> EditOutcome in
            guard let current = try readMetadata(base.conversationID) else {
                throw LiveWriteError.conversationNotFound(base.conversationID)
            }
            let isStale = current.version != base.version
            if isStale && policy == .rejectAll {
                return try rejectWhole(edit, current: current, retries: retries)
            }
            var rejected: [String] = []
            var newTitle = current.title
            var newArchived = current.isArchived
            let fieldVersions = try connection.queryFirst(
                "SELECT title_version, archived_version FROM conversations WHERE id = ?", [base.conversationID]
            ) { (title: $0.int64(0), archived: $0.int64(1)) } ?? (title: 0, archived: 0)

            if let title = edit.title {
                if isStale && fieldVersions.title > base.version && current.title != title {
                    rejected.append("title")
                } else {
                    newTitle = title
                }
            }
            if let archived = edit.isArchived {
                if isStale && fieldVersions.archived > base.version && current.isArchived != archived {
                    rejected.append("archived")
                } else {
                    newArchived = archived
                }
            }

            let tagsChanged = try applyTags(add: tagsToAdd, remove: tagsToRemove, conversationID: base.conversationID)
            let fieldsChanged = newTitle != current.title || newArchived != current.isArchived
            var version = current.version
            if fieldsChanged || tagsChanged {
                version += 1
                if fieldsChanged {
                    let titleVersion = newTitle != current.title ? version : fieldVersions.title
                    let archivedVersion = newArchived != current.isArchived ? version : fieldVersions.archived
                    try connection.run(
                        """
                        UPDATE conversations SET title = ?, archived = ?, version = ?, title_version = ?, archived_version = ?
                        WHERE id = ?
                        """,
                        newTitle, newArchived, version, titleVersion, archivedVersion, base.conversationID)
                } else {
                    try connection.run("UPDATE conversations SET version = ? WHERE id = ?", version, base.conversationID)
                }
            }

            let resolution: EditOutcome.Resolution = !rejected.isEmpty ? .rejected(fields: rejected) : (isStale ? .merged : .applied)
            let conflict: String? = switch resolution {
            case .applied: nil
            case .merged: "merged"
            case .rejected(let fields): "rejected:" + fields.joined(separator: ",")
            }
            if version != current.version || conflict != nil {
                let userID = try connection.scalarInt("SELECT user_id FROM conversations WHERE id = ?", [base.conversationID])
                _ = try recordChange(
                    .conversationEdited, userID: userID, conversationID: base.conversationID, version: version,
                    busyRetries: retries, conflict: conflict)
            }
            let stored = try readMetadata(base.conversationID) ?? current
            return EditOutcome(resolution: resolution, current: stored, busyRetries: retries)
        }

        switch outcome.resolution {
        case .applied: break
        case .merged: writeStatistics.mergedEdits += 1
        case .rejected: writeStatistics.rejectedEdits += 1
        }
        return outcome
    }

    private func rejectWhole(_ edit: ConversationEdit, current: ConversationMetadata, retries: Int) throws -> EditOutcome {
        var fields: [String] = []
        if edit.title != nil { fields.append("title") }
        if !edit.addTags.isEmpty || !edit.removeTags.isEmpty { fields.append("tags") }
        if edit.isArchived != nil { fields.append("archived") }
        let userID = try connection.scalarInt("SELECT user_id FROM conversations WHERE id = ?", [current.conversationID])
        _ = try recordChange(
            .conversationEdited, userID: userID, conversationID: current.conversationID, version: current.version,
            busyRetries: retries, conflict: "rejected:" + fields.joined(separator: ","))
        return EditOutcome(resolution: .rejected(fields: fields), current: current, busyRetries: retries)
    }

    /// Returns the trimmed tag, or throws for one that is empty or contains a comma, because
    /// `confab tag` and the search filter `tag:` separate tags with commas and spaces.
    static func validatedTag(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.contains(","), !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw LiveWriteError.invalidTag(name)
        }
        return trimmed
    }

    /// Adds and removes tags, and returns whether the conversation's set changed.
    private func applyTags(add: [String], remove: [String], conversationID: Int64) throws -> Bool {
        var changed = false
        for name in add {
            try connection.run("INSERT OR IGNORE INTO tags (name) VALUES (?)", name)
            try connection.run(
                "INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
                conversationID, name)
            changed = changed || connection.changes > 0
        }
        for name in remove {
            try connection.run(
                "DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
                conversationID, name)
            changed = changed || connection.changes > 0
        }
        return changed
    }

    private func readMetadata(_ conversationID: Int64) throws -> ConversationMetadata? {
        guard let row = try connection.queryFirst(
            "SELECT version, title, archived FROM conversations WHERE id = ?", [conversationID],
            row: { (version: $0.int64(0), title: $0.optionalString(1), archived: $0.int(2) != 0) })
        else { return nil }
        let tags = try connection.query(
            "SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = ? ORDER BY t.name COLLATE NOCASE",
            [conversationID]) { $0.string(0) }
        return ConversationMetadata(conversationID: conversationID, version: row.version, title: row.title, tags: tags, isArchived: row.archived)
    }
}
