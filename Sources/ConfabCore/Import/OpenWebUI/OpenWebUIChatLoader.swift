import Foundation

/// Reads rows of Open WebUI's `chat` table, whose columns differ between versions.
///
/// Shared-link copies (rows whose `user_id` is `shared-<chat id>`, written before Open WebUI moved
/// them to `shared_chat`) are not the user's own chats and are never listed.
struct OpenWebUIChatLoader {
    let database: SQLiteSourceDatabase
    private let selectList: String
    private static let ownChats = "(user_id IS NULL OR user_id NOT LIKE 'shared-%')"

    init(database: SQLiteSourceDatabase) throws {
        self.database = database
        let optional = ["user_id", "title", "chat", "created_at", "updated_at", "archived", "pinned", "meta", "folder_id"]
        selectList = try (["id"] + optional.map { try database.columnOrNull($0, in: "chat") }).joined(separator: ", ")
    }

    func count() throws -> Int64 {
        try database.connection.scalarInt("SELECT count(*) FROM chat WHERE \(Self.ownChats)") ?? 0
    }

    /// Lists up to `limit` chat ids after `cursor`, in id order.
    func chatIDs(after cursor: String, limit: Int) throws -> [String] {
        try database.connection.query(
            "SELECT id FROM chat WHERE id > ? AND \(Self.ownChats) ORDER BY id LIMIT ?", [cursor, limit]
        ) { $0.string(0) }
    }

    /// Reads the row with `id`. Returns nil when it was deleted since it was listed, and a failure
    /// when its `chat` payload cannot be read.
    func row(id: String) throws -> Result<OpenWebUIChatConverter.Row, OpenWebUIChatConverter.Failure>? {
        let statement = try database.connection.cachedStatement("SELECT \(selectList) FROM chat WHERE id = ?")
        try statement.bind([id])
        defer { statement.reset() }
        guard try statement.step() else { return nil }

        let chat: JSONValue
        do {
            guard let value = try statement.json(3, repairs: &database.textRepairs) else {
                return .failure(.init(field: "chat", reason: "the chat payload is NULL"))
            }
            chat = try unwrapped(value)
        } catch {
            return .failure(.init(field: "chat", reason: "the chat payload is not valid JSON: \(error)"))
        }

        var row = OpenWebUIChatConverter.Row(
            id: id,
            userID: statement.text(1, repairs: &database.textRepairs) ?? "",
            title: statement.text(2, repairs: &database.textRepairs),
            chat: chat,
            createdAt: Self.date(statement.value(4)),
            updatedAt: Self.date(statement.value(5)),
            archived: Self.flag(statement.value(6)),
            pinned: Self.flag(statement.value(7)),
            folderID: statement.optionalString(9))
        do {
            row.meta = try statement.json(8, repairs: &database.textRepairs)
        } catch {
            row.warnings.append("chat.meta is not valid JSON, so its tags were not read: \(error)")
        }
        return .success(row)
    }

    /// Some versions stored the payload as a JSON string holding the JSON text.
    private func unwrapped(_ value: JSONValue) throws(JSONReadError) -> JSONValue {
        guard case let .string(text) = value else { return value }
        return try JSONValue.parse(text, repairs: &database.textRepairs)
    }

    /// Column values declared DATETIME or BIGINT hold epoch seconds; text is parsed too.
    private static func date(_ value: SQLiteValue) -> Date? {
        switch value {
        case let .integer(number): TimestampParser.parse(Double(number))
        case let .real(number): TimestampParser.parse(number)
        case let .text(text): TimestampParser.parse(text)
        case .null, .blob: nil
        }
    }

    private static func flag(_ value: SQLiteValue) -> Bool? {
        switch value {
        case let .integer(number): number != 0
        case let .real(number): number != 0
        case let .text(text): ["1", "true", "t", "yes"].contains(text.lowercased())
        case .null, .blob: nil
        }
    }
}
