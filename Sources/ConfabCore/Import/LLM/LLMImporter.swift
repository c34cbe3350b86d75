import Foundation

/// Reads Simon Willison's `llm` logs.db, opened read-only while `llm` may be writing it.
///
/// Both stores are read: the legacy `conversations` + `responses` tables (every version up to
/// 0.36, which still reads them) and the 0.36 message store (`threads`, `messages`, `parts`,
/// `turns`), where 0.36 writes every new prompt. A legacy conversation that was continued under
/// 0.36 exists in both under one id and is delivered once, from the message store, with the turn
/// ids, title and model the legacy store gives it, so that importing the file before and after the
/// upgrade yields one conversation.
///
/// The file contains one local user's history, so conversations name no user. Progress counts
/// `responses` and `threads` rows.
public struct LLMImporter: ConversationImporter {
    public static let format = ImportFormat.llm

    public init() {}

    /// Returns whether the file has `llm`'s migration table and either store.
    public static func matches(_ probe: FormatProbe) -> Bool {
        guard let tables = probe.sqliteTables else { return false }
        return tables.contains("_llm_migrations") && (tables.contains("responses") || tables.contains("threads"))
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let database = try SQLiteSourceDatabase(file: file)
        defer { database.flushTextRepairs(to: sink) }

        let schema = try LLMSchema(database: database)
        var progress = RowProgress(total: try database.snapshot { try rowCount(database, schema) })
        progress.start(sink: sink)

        try LLMLegacyReader(database: database, schema: schema).read(into: sink, progress: &progress)
        try LLMThreadReader(database: database, schema: schema).read(into: sink, progress: &progress)
        progress.finish(sink: sink)
    }

    private func rowCount(_ database: SQLiteSourceDatabase, _ schema: LLMSchema) throws -> Int64 {
        var total: Int64 = 0
        if schema.hasResponses {
            total += try database.connection.scalarInt("SELECT count(*) FROM responses") ?? 0
        }
        if schema.hasMessageStore {
            total += try database.connection.scalarInt("SELECT count(*) FROM threads") ?? 0
        }
        return total
    }
}
