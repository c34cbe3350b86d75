import Foundation

/// Reads Open WebUI's `webui.db` (SQLite), opened read-only while Open WebUI may be writing it.
///
/// Every account's chats are read, and each conversation is owned by its `user` row (id and name
/// only). A chat whose user row is gone keeps its `user_id` with no name. Nothing else of the
/// account tables is read: not e-mail addresses, password hashes, API keys, OAuth data, settings
/// or profile images. Neither are `config`, `function` and the other non-chat tables.
///
/// Each chat is read in its own read snapshot. A chat whose `chat` payload is missing or not
/// valid JSON is skipped and reported as `chat <id>`; the rest are imported. Progress counts
/// `chat` rows.
public struct OpenWebUIImporter: ConversationImporter {
    public static let format = ImportFormat.openWebUI

    public init() {}

    /// Tables `chat` and `user` plus a migration table (`alembic_version`, or peewee's
    /// `migratehistory` in older versions) or the `auth` table.
    public static func matches(_ probe: FormatProbe) -> Bool {
        guard let tables = probe.sqliteTables, tables.isSuperset(of: ["chat", "user"]) else { return false }
        return tables.contains("alembic_version") || tables.contains("migratehistory") || tables.contains("auth")
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let database = try SQLiteSourceDatabase(file: file)
        defer { database.flushTextRepairs(to: sink) }

        guard database.hasTable("chat") else { return }
        let directory = try database.snapshot { try OpenWebUIDirectory(database: database) }
        let loader = try OpenWebUIChatLoader(database: database)
        var progress = RowProgress(total: try database.snapshot { try loader.count() }, step: 10)
        progress.start(sink: sink)

        var cursor = ""
        while true {
            let ids = try database.snapshot { try loader.chatIDs(after: cursor, limit: 100) }
            guard let last = ids.last else { break }
            cursor = last

            for id in ids {
                try importChat(id: id, loader: loader, directory: directory, database: database, sink: sink)
                progress.advance(by: 1, sink: sink)
            }
        }
        progress.finish(sink: sink)
    }

    private func importChat(id: String, loader: OpenWebUIChatLoader, directory: OpenWebUIDirectory,
                            database: SQLiteSourceDatabase, sink: any ImportSink) throws {
        guard let loaded = try database.snapshot({ try loader.row(id: id) }) else { return }

        let failure: OpenWebUIChatConverter.Failure
        switch loaded {
        case let .success(row):
            do {
                try sink.accept(try OpenWebUIChatConverter.conversation(row, directory: directory,
                                                                        repairs: &database.textRepairs))
                return
            } catch let converterFailure as OpenWebUIChatConverter.Failure {
                failure = converterFailure
            }
        case let .failure(loadFailure):
            failure = loadFailure
        }
        sink.skip(ImportProblem(file: database.file.path, location: "chat \(id)", conversationID: id,
                                field: failure.field, reason: failure.reason))
    }
}
