/// The small tables an Open WebUI chat refers to, read once before the chats: user names, tag
/// names, folders and the old per-chat tag links.
///
/// Only `user.id` and `user.name` are read from the account tables. E-mail addresses, password
/// hashes (`auth`), API keys, OAuth data, profile images and settings are never selected.
struct OpenWebUIDirectory {
    private struct TagKey: Hashable {
        var userID: String
        var tagID: String
    }

    private struct Folder {
        var name: String
        var parentID: String?
    }

    /// User names by user id; a user whose name is NULL maps to nil.
    private(set) var userNames: [String: String?] = [:]
    private var tagNames: [TagKey: String] = [:]
    private var folders: [String: Folder] = [:]
    /// Tag names from the old `chatidtag` table, by chat id, in link order.
    private var linkedTags: [String: [String]] = [:]

    init(database: SQLiteSourceDatabase) throws {
        try readUsers(database)
        try readTags(database)
        try readFolders(database)
        try readLinkedTags(database)
    }

    private mutating func readUsers(_ database: SQLiteSourceDatabase) throws {
        guard database.hasTable("user") else { return }
        let name = try database.columnOrNull("name", in: "user")
        let rows = try database.connection.query("SELECT id, \(name) FROM \"user\"") { statement in
            (id: statement.string(0), name: statement.text(1, repairs: &database.textRepairs))
        }
        for row in rows {
            userNames[row.id] = row.name
        }
    }

    private mutating func readTags(_ database: SQLiteSourceDatabase) throws {
        guard database.hasTable("tag"), try database.hasColumn("name", in: "tag") else { return }
        let userID = try database.columnOrNull("user_id", in: "tag")
        let rows = try database.connection.query("SELECT id, name, \(userID) FROM tag") { statement in
            (id: statement.string(0), name: statement.text(1, repairs: &database.textRepairs), owner: statement.string(2))
        }
        for row in rows {
            if let name = row.name {
                tagNames[TagKey(userID: row.owner, tagID: row.id)] = name
            }
        }
    }

    private mutating func readFolders(_ database: SQLiteSourceDatabase) throws {
        guard database.hasTable("folder"), try database.hasColumn("name", in: "folder") else { return }
        let parentID = try database.columnOrNull("parent_id", in: "folder")
        let rows = try database.connection.query("SELECT id, name, \(parentID) FROM folder") { statement in
            (id: statement.string(0), name: statement.text(1, repairs: &database.textRepairs) ?? "",
             parentID: statement.optionalString(2))
        }
        for row in rows {
            folders[row.id] = Folder(name: row.name, parentID: row.parentID)
        }
    }

    private mutating func readLinkedTags(_ database: SQLiteSourceDatabase) throws {
        guard database.hasTable("chatidtag"),
              try database.columns(of: "chatidtag").isSuperset(of: ["chat_id", "tag_name"]) else { return }
        let order = try database.hasColumn("timestamp", in: "chatidtag") ? "timestamp, rowid" : "rowid"
        let rows = try database.connection.query("SELECT chat_id, tag_name FROM chatidtag ORDER BY \(order)") { statement in
            (chatID: statement.string(0), tag: statement.text(1, repairs: &database.textRepairs))
        }
        for row in rows {
            if let tag = row.tag, !tag.isEmpty {
                linkedTags[row.chatID, default: []].append(tag)
            }
        }
    }

    /// Returns the account that owns a chat: its id and name, or just the id when no user row has it.
    func user(id: String) -> ImportedUser {
        ImportedUser(externalID: id, name: userNames[id] ?? nil)
    }

    /// Returns the display name of a tag id (`meta.tags` contains ids such as
    /// `corporate_governance`), or the id itself when no tag row names it.
    func tagName(_ tagID: String, userID: String) -> String {
        tagNames[TagKey(userID: userID, tagID: tagID)] ?? tagID
    }

    func linkedTags(chatID: String) -> [String] {
        linkedTags[chatID] ?? []
    }

    /// Returns the folder's path from the top folder down, joined by "/", or nil when the id names
    /// no folder.
    func folderPath(_ id: String) -> String? {
        var names: [String] = []
        var seen: Set<String> = []
        var cursor: String? = id
        while let current = cursor, let folder = folders[current], seen.insert(current).inserted {
            names.append(folder.name)
            cursor = folder.parentID
        }
        return names.isEmpty ? nil : names.reversed().joined(separator: "/")
    }
}
