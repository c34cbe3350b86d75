/// Reads rows of the legacy store: responses with their fragments, attachments, tool calls and
/// tool results.
///
/// Columns that older versions lack are read as NULL. Related rows are fetched for a whole page of
/// responses at once (`IN (SELECT value FROM json_each(?))`), because `tool_calls` and
/// `tool_results` have no index on `response_id` and a query per response would scan them again
/// for every response.
struct LLMLegacyResponseLoader {
    let database: SQLiteSourceDatabase
    let schema: LLMSchema
    private let selectList: String

    init(database: SQLiteSourceDatabase, schema: LLMSchema) throws {
        self.database = database
        self.schema = schema
        let optional = ["conversation_id", "model", "resolved_model", "prompt", "system", "response", "reasoning",
                        "datetime_utc", "duration_ms", "input_tokens", "output_tokens"]
        selectList = try (["id"] + optional.map { try database.columnOrNull($0, in: "responses") }).joined(separator: ", ")
    }

    /// Reads the responses whose conversation id lies in `first...last`, ordered by conversation,
    /// time and id.
    func responses(conversationsFrom first: String, through last: String) throws -> [LLMLegacyResponse] {
        let sql = """
            SELECT \(selectList) FROM responses
            WHERE conversation_id BETWEEN ? AND ?
            ORDER BY conversation_id, datetime_utc, id
            """
        return try withRelatedRows(try readResponses(sql, [first, last]))
    }

    /// Reads up to `limit` responses after `cursor` (by id) that no `conversations` row owns,
    /// because their conversation id is NULL or names no conversation.
    func orphanResponses(after cursor: String, limit: Int) throws -> [LLMLegacyResponse] {
        let owned = schema.hasConversations
            ? "(conversation_id IS NULL OR conversation_id NOT IN (SELECT id FROM conversations))"
            : "1"
        let sql = "SELECT \(selectList) FROM responses WHERE id > ? AND \(owned) ORDER BY id LIMIT ?"
        return try withRelatedRows(try readResponses(sql, [cursor, limit]))
    }

    /// Reads the responses of one conversation, in time order.
    func responses(conversationID: String) throws -> [LLMLegacyResponse] {
        let sql = "SELECT \(selectList) FROM responses WHERE conversation_id = ? ORDER BY datetime_utc, id"
        return try withRelatedRows(try readResponses(sql, [conversationID]))
    }

    private func readResponses(_ sql: String, _ values: [any SQLiteBindable]) throws -> [LLMLegacyResponse] {
        let statement = try database.connection.cachedStatement(sql)
        try statement.bind(values)
        defer { statement.reset() }

        var rows: [LLMLegacyResponse] = []
        while try statement.step() {
            rows.append(LLMLegacyResponse(
                id: statement.text(0, repairs: &database.textRepairs) ?? "",
                conversationID: statement.text(1, repairs: &database.textRepairs),
                model: statement.text(2, repairs: &database.textRepairs),
                resolvedModel: statement.text(3, repairs: &database.textRepairs),
                prompt: statement.text(4, repairs: &database.textRepairs) ?? "",
                system: statement.text(5, repairs: &database.textRepairs),
                response: statement.text(6, repairs: &database.textRepairs) ?? "",
                reasoning: statement.text(7, repairs: &database.textRepairs),
                datetime: statement.text(8, repairs: &database.textRepairs),
                durationMilliseconds: statement.optionalInt(9),
                inputTokens: statement.optionalInt(10),
                outputTokens: statement.optionalInt(11)))
        }
        return rows
    }

    // MARK: Related rows

    private func withRelatedRows(_ responses: [LLMLegacyResponse]) throws -> [LLMLegacyResponse] {
        guard !responses.isEmpty else { return responses }
        let ids = JSONValue.array(responses.map { .string($0.id) }).serialized()

        let promptFragments = schema.hasPromptFragments ? try fragments(table: "prompt_fragments", ids: ids) : [:]
        let systemFragments = schema.hasSystemFragments ? try fragments(table: "system_fragments", ids: ids) : [:]
        let attachments = schema.hasPromptAttachments ? try promptAttachments(ids: ids) : [:]
        let toolCalls = schema.hasToolCalls ? try self.toolCalls(ids: ids) : [:]
        let toolResults = schema.hasToolResults ? try self.toolResults(ids: ids) : [:]

        return responses.map { response in
            var response = response
            response.promptFragments = promptFragments[response.id] ?? []
            response.systemFragments = systemFragments[response.id] ?? []
            response.attachments = attachments[response.id] ?? []
            response.toolCalls = toolCalls[response.id] ?? []
            response.toolResults = toolResults[response.id] ?? []
            return response
        }
    }

    private func fragments(table: String, ids: String) throws -> [String: [LLMFragment]] {
        let fragmentColumns = schema.hasFragments ? "f.content, f.source" : "NULL, NULL"
        let fragmentJoin = schema.hasFragments ? "LEFT JOIN fragments f ON f.id = link.fragment_id" : ""
        let sql = """
            SELECT link.response_id, link.fragment_id, \(fragmentColumns)
            FROM \(quotedIdentifier(table)) link \(fragmentJoin)
            WHERE link.response_id IN (SELECT value FROM json_each(?))
            ORDER BY link.response_id, link."order"
            """
        return try grouped(sql, ids) { statement, repairs in
            LLMFragment(id: statement.int64(1), content: statement.text(2, repairs: &repairs),
                        source: statement.text(3, repairs: &repairs))
        }
    }

    private func promptAttachments(ids: String) throws -> [String: [LLMAttachment]] {
        let sql = """
            SELECT link.response_id, link.attachment_id, a.type, a.path, a.url, length(a.content)
            FROM prompt_attachments link LEFT JOIN attachments a ON a.id = link.attachment_id
            WHERE link.response_id IN (SELECT value FROM json_each(?))
            ORDER BY link.response_id, link."order"
            """
        return try grouped(sql, ids) { statement, repairs in
            LLMAttachment(statement, from: 2, id: statement.text(1, repairs: &repairs) ?? "", repairs: &repairs)
        }
    }

    private func toolCalls(ids: String) throws -> [String: [LLMToolCall]] {
        let toolCallID = try database.columnOrNull("tool_call_id", in: "tool_calls")
        let sql = """
            SELECT response_id, name, arguments, \(toolCallID) FROM tool_calls
            WHERE response_id IN (SELECT value FROM json_each(?))
            ORDER BY response_id, id
            """
        return try grouped(sql, ids) { statement, repairs in
            LLMToolCall(name: statement.text(1, repairs: &repairs), arguments: statement.text(2, repairs: &repairs),
                        toolCallID: statement.text(3, repairs: &repairs))
        }
    }

    private func toolResults(ids: String) throws -> [String: [LLMToolResult]] {
        let toolCallID = try database.columnOrNull("tool_call_id", in: "tool_results")
        let exception = try database.columnOrNull("exception", in: "tool_results")
        let sql = """
            SELECT response_id, name, output, \(toolCallID), \(exception), id FROM tool_results
            WHERE response_id IN (SELECT value FROM json_each(?))
            ORDER BY response_id, id
            """
        var resultIDs: [Int64] = []
        let results = try grouped(sql, ids) { statement, repairs in
            resultIDs.append(statement.int64(5))
            return (statement.int64(5), LLMToolResult(
                name: statement.text(1, repairs: &repairs), output: statement.text(2, repairs: &repairs),
                toolCallID: statement.text(3, repairs: &repairs), exception: statement.text(4, repairs: &repairs)))
        }
        let attachments = schema.hasToolResultAttachments && !resultIDs.isEmpty
            ? try toolResultAttachments(resultIDs: resultIDs) : [:]

        var output: [String: [LLMToolResult]] = [:]
        for (responseID, entries) in results {
            output[responseID] = entries.map { resultID, result in
                var result = result
                result.attachments = attachments[resultID] ?? []
                return result
            }
        }
        return output
    }

    private func toolResultAttachments(resultIDs: [Int64]) throws -> [Int64: [LLMAttachment]] {
        let sql = """
            SELECT link.tool_result_id, link.attachment_id, a.type, a.path, a.url, length(a.content)
            FROM tool_results_attachments link LEFT JOIN attachments a ON a.id = link.attachment_id
            WHERE link.tool_result_id IN (SELECT value FROM json_each(?))
            ORDER BY link.tool_result_id, link."order"
            """
        let statement = try database.connection.cachedStatement(sql)
        try statement.bind([JSONValue.array(resultIDs.map { .number(Double($0)) }).serialized()])
        defer { statement.reset() }

        var attachments: [Int64: [LLMAttachment]] = [:]
        while try statement.step() {
            let id = statement.text(1, repairs: &database.textRepairs) ?? ""
            attachments[statement.int64(0), default: []].append(
                LLMAttachment(statement, from: 2, id: id, repairs: &database.textRepairs))
        }
        return attachments
    }

    /// Runs `sql` with the id list bound and groups the mapped rows by the response id in column 0.
    private func grouped<T>(_ sql: String, _ ids: String,
                            _ transform: (Statement, inout TextRepairs) throws -> T) throws -> [String: [T]] {
        let statement = try database.connection.cachedStatement(sql)
        try statement.bind([ids])
        defer { statement.reset() }

        var groups: [String: [T]] = [:]
        while try statement.step() {
            let responseID = statement.string(0)
            groups[responseID, default: []].append(try transform(statement, &database.textRepairs))
        }
        return groups
    }
}
