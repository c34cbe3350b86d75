/// Reads one thread of the 0.36 message store: its messages, their parts, the model calls that
/// produced them and the fragments and attachments the parts refer to.
///
/// Every lookup goes through a primary key or an index `llm` creates (`messages.hash`,
/// `parts(message_hash, position)`, `turns(thread_id)`), so a thread costs a few queries per
/// message and never a table scan.
struct LLMThreadLoader {
    let database: SQLiteSourceDatabase
    let schema: LLMSchema

    func threads(after cursor: String, limit: Int) throws -> [LLMThread] {
        let forkedFrom = try database.columnOrNull("forked_from", in: "threads")
        let datetime = try database.columnOrNull("datetime_utc", in: "threads")
        let name = try database.columnOrNull("name", in: "threads")
        let sql = """
            SELECT id, \(name), tip_message_hash, \(forkedFrom), \(datetime) FROM threads
            WHERE id > ? ORDER BY id LIMIT ?
            """
        return try database.connection.query(sql, [cursor, limit]) { statement in
            LLMThread(id: statement.string(0),
                      name: statement.text(1, repairs: &database.textRepairs),
                      tipHash: statement.optionalString(2),
                      forkedFrom: statement.optionalString(3),
                      datetime: statement.optionalString(4))
        }
    }

    func load(_ thread: LLMThread) throws -> LLMThreadContent {
        var content = LLMThreadContent(thread: thread, messages: [:], order: [], modelCalls: [], fragments: [:],
                                       attachments: [:], warnings: [])

        let ownCalls = try modelCalls(threadID: thread.id)
        content.modelCalls = ownCalls
        for ancestor in try ancestorThreadIDs(of: thread) {
            content.modelCalls += try modelCalls(threadID: ancestor)
        }

        var tips: [String] = []
        if let tip = thread.tipHash {
            tips.append(tip)
        }
        tips += ownCalls.compactMap(\.tipHash)
        for tip in tips {
            try loadChain(endingAt: tip, into: &content)
        }

        for hash in content.order {
            content.messages[hash]?.parts = try parts(of: hash)
        }
        try resolveReferences(in: &content)
        return content
    }

    // MARK: Model calls

    private func modelCalls(threadID: String) throws -> [LLMModelCall] {
        guard schema.hasTurns else { return [] }
        let columns = try ["parent_message_hash", "tip_message_hash", "model", "resolved_model", "input_tokens",
                           "output_tokens", "duration_ms", "datetime_utc"]
            .map { try database.columnOrNull($0, in: "turns") }
            .joined(separator: ", ")
        let sql = "SELECT id, thread_id, \(columns) FROM turns WHERE thread_id = ? ORDER BY datetime_utc, id"
        return try database.connection.query(sql, [threadID]) { statement in
            LLMModelCall(id: statement.string(0), threadID: statement.optionalString(1),
                         parentHash: statement.optionalString(2), tipHash: statement.optionalString(3),
                         model: statement.text(4, repairs: &database.textRepairs),
                         resolvedModel: statement.text(5, repairs: &database.textRepairs),
                         inputTokens: statement.optionalInt(6), outputTokens: statement.optionalInt(7),
                         durationMilliseconds: statement.optionalInt(8), datetime: statement.optionalString(9))
        }
    }

    /// Follows `forked_from` links and returns the thread ids, nearest first, stopping at a loop.
    private func ancestorThreadIDs(of thread: LLMThread) throws -> [String] {
        guard try database.hasColumn("forked_from", in: "threads") else { return [] }
        var ancestors: [String] = []
        var seen: Set<String> = [thread.id]
        var next = thread.forkedFrom
        while let id = next, seen.insert(id).inserted {
            ancestors.append(id)
            next = try database.connection.queryFirst("SELECT forked_from FROM threads WHERE id = ?", [id]) {
                $0.optionalString(0)
            } ?? nil
        }
        return ancestors
    }

    // MARK: Messages

    /// Walks parent links up from `tip` until a message already loaded, a root, or a hash that
    /// names no message, and adds the walked messages root first.
    private func loadChain(endingAt tip: String, into content: inout LLMThreadContent) throws {
        var path: [LLMMessage] = []
        var walked: Set<String> = []
        var cursor: String? = tip
        while let hash = cursor, content.messages[hash] == nil, walked.insert(hash).inserted {
            let row = try database.connection.queryFirst("SELECT parent_hash, role FROM messages WHERE hash = ?", [hash]) {
                LLMMessage(hash: hash, parentHash: $0.optionalString(0), role: $0.optionalString(1))
            }
            guard let row else {
                let child = path.last.map { "the parent of \($0.hash)" } ?? "the tip"
                content.warnings.append("message \(hash) (\(child)) is missing from the messages table")
                break
            }
            path.append(row)
            cursor = row.parentHash
        }
        for message in path.reversed() {
            content.messages[message.hash] = message
            content.order.append(message.hash)
        }
    }

    private func parts(of hash: String) throws -> [LLMPart] {
        let sql = "SELECT position, type, tool_name, text, payload FROM parts WHERE message_hash = ? ORDER BY position"
        let statement = try database.connection.cachedStatement(sql)
        try statement.bind([hash])
        defer { statement.reset() }

        var parts: [LLMPart] = []
        while try statement.step() {
            var part = LLMPart(position: statement.int(0), type: statement.string(1),
                               toolName: statement.text(2, repairs: &database.textRepairs),
                               text: statement.text(3, repairs: &database.textRepairs))
            do {
                part.payload = try statement.json(4, repairs: &database.textRepairs)
            } catch {
                part.invalidPayload = statement.text(4, repairs: &database.textRepairs)
            }
            parts.append(part)
        }
        return parts
    }

    // MARK: Fragments and attachments

    private func resolveReferences(in content: inout LLMThreadContent) throws {
        var fragmentIDs: Set<Int64> = []
        var attachmentIDs: Set<String> = []
        for message in content.messages.values {
            for part in message.parts {
                for piece in part.payload?["text_ref"]?.arrayValue ?? [] {
                    if let id = piece["fragment"]?.intValue {
                        fragmentIDs.insert(Int64(id))
                    }
                }
                attachmentIDs.formUnion(LLMMessageRenderer.attachmentIDs(in: part))
            }
        }

        for id in fragmentIDs.sorted() {
            content.fragments[id] = try fragment(id: id)
        }
        for id in attachmentIDs.sorted() {
            if let attachment = try attachment(id: id) {
                content.attachments[id] = attachment
            }
        }
    }

    private func fragment(id: Int64) throws -> LLMFragment {
        guard schema.hasFragments else { return LLMFragment(id: id) }
        return try database.connection.queryFirst("SELECT content, source FROM fragments WHERE id = ?", [id]) {
            LLMFragment(id: id, content: $0.text(0, repairs: &database.textRepairs),
                        source: $0.text(1, repairs: &database.textRepairs))
        } ?? LLMFragment(id: id)
    }

    private func attachment(id: String) throws -> LLMAttachment? {
        guard schema.hasAttachments else { return nil }
        return try database.connection.queryFirst(
            "SELECT type, path, url, length(content) FROM attachments WHERE id = ?", [id]
        ) { LLMAttachment($0, from: 0, id: id, repairs: &database.textRepairs) }
    }
}
