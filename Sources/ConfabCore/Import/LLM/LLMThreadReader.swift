/// Delivers the conversations of the 0.36 message store, one per thread.
///
/// A fork is a thread of its own that points into another thread's messages, so its conversation
/// contains copies of the shared messages under the same hashes. Each thread is read in its own
/// read snapshot.
struct LLMThreadReader {
    let database: SQLiteSourceDatabase
    let schema: LLMSchema
    let loader: LLMThreadLoader
    let legacyLoader: LLMLegacyResponseLoader?
    let pageSize: Int

    init(database: SQLiteSourceDatabase, schema: LLMSchema, pageSize: Int = 200) throws {
        self.database = database
        self.schema = schema
        self.loader = LLMThreadLoader(database: database, schema: schema)
        self.legacyLoader = schema.hasResponses ? try LLMLegacyResponseLoader(database: database, schema: schema) : nil
        self.pageSize = pageSize
    }

    func read(into sink: any ImportSink, progress: inout RowProgress) throws {
        guard schema.hasMessageStore else { return }

        var cursor = ""
        while true {
            let threads = try database.snapshot { try loader.threads(after: cursor, limit: pageSize) }
            guard let last = threads.last else { break }
            cursor = last.id

            for thread in threads {
                let (content, legacy) = try database.snapshot {
                    (try loader.load(thread), try legacyHistory(threadID: thread.id))
                }
                if let conversation = LLMThreadConversationBuilder.conversation(
                    content, legacy: legacy, repairs: &database.textRepairs) {
                    try sink.accept(conversation)
                } else if !content.warnings.isEmpty {
                    sink.skip(ImportProblem(file: database.file.path, location: "thread \(thread.id)",
                                            conversationID: thread.id, field: "tip_message_hash",
                                            reason: content.warnings.joined(separator: "; ")))
                }
                progress.advance(by: 1, sink: sink)
            }
        }
    }

    /// Loads the legacy conversation this thread continues, when `conversations` has a row with its id.
    private func legacyHistory(threadID: String) throws -> LLMThreadConversationBuilder.LegacyHistory? {
        guard schema.hasConversations, let legacyLoader else { return nil }
        let name = try database.columnOrNull("name", in: "conversations")
        let model = try database.columnOrNull("model", in: "conversations")
        let row = try database.connection.queryFirst(
            "SELECT \(name), \(model) FROM conversations WHERE id = ?", [threadID]
        ) { statement in
            (statement.text(0, repairs: &database.textRepairs), statement.text(1, repairs: &database.textRepairs))
        }
        guard let row else { return nil }
        // NOTE: `responses.conversation_id` has no index, so this scans `responses` once for each
        // thread that continues a legacy conversation.
        return .init(name: row.0, model: row.1, responses: try legacyLoader.responses(conversationID: threadID))
    }
}
