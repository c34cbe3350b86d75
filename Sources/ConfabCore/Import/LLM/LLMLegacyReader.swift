/// Delivers the conversations of the legacy store (`conversations` + `responses`).
///
/// Conversations are read a page at a time, each page in one read snapshot: the page's
/// conversation ids, then every response whose conversation id lies in the page's id range, in one
/// query. `responses.conversation_id` has no index, so this scans the table once per page instead
/// of once per conversation. Memory keeps one page of conversations (200 by default).
///
/// A conversation whose id is also a message store thread is left out: `llm` 0.36 copied its
/// history into that thread when it was continued, so the thread is the newer version. Responses
/// whose conversation id is NULL or names no conversation become one conversation each, keyed by
/// the response id.
struct LLMLegacyReader {
    let database: SQLiteSourceDatabase
    let schema: LLMSchema
    let loader: LLMLegacyResponseLoader
    let pageSize: Int

    init(database: SQLiteSourceDatabase, schema: LLMSchema, pageSize: Int = 200) throws {
        self.database = database
        self.schema = schema
        self.loader = try LLMLegacyResponseLoader(database: database, schema: schema)
        self.pageSize = pageSize
    }

    private struct ConversationRow {
        var id: String
        var name: String?
        var model: String?
    }

    func read(into sink: any ImportSink, progress: inout RowProgress) throws {
        guard schema.hasResponses else { return }
        if schema.hasConversations {
            try readConversations(into: sink, progress: &progress)
        }
        try readOrphanResponses(into: sink, progress: &progress)
    }

    private func readConversations(into sink: any ImportSink, progress: inout RowProgress) throws {
        let name = try database.columnOrNull("name", in: "conversations")
        let model = try database.columnOrNull("model", in: "conversations")
        let notThread = schema.hasMessageStore ? "AND id NOT IN (SELECT id FROM threads)" : ""
        let pageSQL = "SELECT id, \(name), \(model) FROM conversations WHERE id > ? \(notThread) ORDER BY id LIMIT ?"

        var cursor = ""
        while true {
            let page: (rows: [ConversationRow], responses: [LLMLegacyResponse]) = try database.snapshot {
                let rows = try database.connection.query(pageSQL, [cursor, pageSize]) { statement in
                    ConversationRow(id: statement.string(0),
                                    name: statement.text(1, repairs: &database.textRepairs),
                                    model: statement.text(2, repairs: &database.textRepairs))
                }
                guard let first = rows.first, let last = rows.last else { return ([], []) }
                return (rows, try loader.responses(conversationsFrom: first.id, through: last.id))
            }
            guard let last = page.rows.last else { break }
            cursor = last.id

            var responsesByConversation: [String: [LLMLegacyResponse]] = [:]
            for response in page.responses {
                if let conversationID = response.conversationID {
                    responsesByConversation[conversationID, default: []].append(response)
                }
            }
            for row in page.rows {
                guard let responses = responsesByConversation[row.id], !responses.isEmpty else { continue }
                try sink.accept(LLMLegacyConversationBuilder.conversation(
                    sourceID: row.id, title: row.name, model: row.model, responses: responses,
                    repairs: &database.textRepairs))
            }
            progress.advance(by: Int64(page.responses.count), sink: sink)
        }
    }

    private func readOrphanResponses(into sink: any ImportSink, progress: inout RowProgress) throws {
        var cursor = ""
        while true {
            let responses = try database.snapshot {
                try loader.orphanResponses(after: cursor, limit: pageSize)
            }
            guard let last = responses.last else { break }
            cursor = last.id

            for response in responses {
                try sink.accept(LLMLegacyConversationBuilder.conversation(
                    sourceID: response.id, title: nil, model: nil, responses: [response],
                    repairs: &database.textRepairs))
            }
            progress.advance(by: Int64(responses.count), sink: sink)
        }
    }
}
