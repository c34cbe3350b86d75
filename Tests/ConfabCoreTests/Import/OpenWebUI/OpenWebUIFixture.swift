import Foundation
@testable import ConfabCore

/// Builds Open WebUI webui.db fixtures in a temporary folder.
enum OpenWebUIFixture {
    struct FixtureError: Error {
        var message: String
    }

    /// Tables of a webui.db written by Open WebUI 0.6.41 (alembic head `3e0e00844bb0`, upgraded from
    /// the peewee era, hence `NOT NULL NOT NULL`), as its `sqlite_schema` stores them: the account
    /// tables, the chat tables and the tables that contain secrets.
    static let schema_0_6_41 = """
        CREATE TABLE alembic_version (
            version_num VARCHAR(32) NOT NULL,
            CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
        );
        CREATE TABLE IF NOT EXISTS "migratehistory" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "migrated_at" DATETIME NOT NULL);
        CREATE TABLE IF NOT EXISTS "user" (
            id VARCHAR(255) NOT NULL,
            name VARCHAR(255) NOT NULL,
            email VARCHAR(255) NOT NULL,
            role VARCHAR(255) NOT NULL,
            profile_image_url TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_active_at INTEGER NOT NULL,
            username VARCHAR(50),
            bio TEXT,
            gender TEXT,
            date_of_birth DATE,
            profile_banner_image_url TEXT,
            timezone VARCHAR,
            presence_state VARCHAR,
            status_emoji VARCHAR,
            status_message TEXT,
            status_expires_at BIGINT,
            oauth JSON,
            info JSON,
            settings JSON,
            CONSTRAINT pk_user_id PRIMARY KEY (id),
            CONSTRAINT uq_user_id UNIQUE (id)
        );
        CREATE UNIQUE INDEX user_id ON user (id);
        CREATE TABLE IF NOT EXISTS "auth" ("id" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "password" TEXT NOT NULL NOT NULL, "active" INTEGER NOT NULL);
        CREATE UNIQUE INDEX "auth_id" ON "auth" ("id");
        CREATE TABLE IF NOT EXISTS "chat" ("id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL NOT NULL, "share_id" VARCHAR(255), "archived" INTEGER NOT NULL, "created_at" DATETIME NOT NULL NOT NULL, "updated_at" DATETIME NOT NULL NOT NULL, chat JSON, pinned BOOLEAN, meta JSON DEFAULT '{}' NOT NULL, folder_id TEXT);
        CREATE UNIQUE INDEX "chat_id" ON "chat" ("id");
        CREATE UNIQUE INDEX "chat_share_id" ON "chat" ("share_id");
        CREATE TABLE IF NOT EXISTS "chatidtag" ("id" VARCHAR(255) NOT NULL, "tag_name" VARCHAR(255) NOT NULL, "chat_id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "timestamp" INTEGER NOT NULL NOT NULL);
        CREATE UNIQUE INDEX "chatidtag_id" ON "chatidtag" ("id");
        CREATE TABLE IF NOT EXISTS "tag" (
            id VARCHAR(255) NOT NULL,
            name VARCHAR(255) NOT NULL,
            user_id VARCHAR(255) NOT NULL,
            meta JSON,
            CONSTRAINT pk_id_user_id PRIMARY KEY (id, user_id)
        );
        CREATE TABLE IF NOT EXISTS "folder" (
            id TEXT NOT NULL,
            parent_id TEXT,
            user_id TEXT NOT NULL,
            name TEXT NOT NULL,
            items JSON,
            meta JSON,
            is_expanded BOOLEAN NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL, data JSON,
            PRIMARY KEY (id, user_id)
        );
        CREATE TABLE config (
            id INTEGER NOT NULL,
            data JSON NOT NULL,
            version INTEGER NOT NULL,
            created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
            updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
            PRIMARY KEY (id)
        );
        CREATE TABLE api_key (
            id TEXT NOT NULL,
            user_id TEXT,
            "key" TEXT NOT NULL,
            data JSON,
            expires_at BIGINT,
            last_used_at BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (id),
            FOREIGN KEY(user_id) REFERENCES user (id) ON DELETE CASCADE,
            UNIQUE ("key")
        );
        CREATE TABLE IF NOT EXISTS "function" ("id" TEXT NOT NULL, "user_id" TEXT NOT NULL, "name" TEXT NOT NULL, "type" TEXT NOT NULL, "content" TEXT NOT NULL, "meta" TEXT NOT NULL, "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "valves" TEXT, "is_active" INTEGER NOT NULL, "is_global" INTEGER NOT NULL);
        CREATE TABLE oauth_session (
            id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            provider TEXT NOT NULL,
            token TEXT NOT NULL,
            expires_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (id)
        );
        INSERT INTO alembic_version VALUES ('3e0e00844bb0');
        """

    /// The peewee-era tables (before alembic): `user` still has `api_key` and `oauth_sub`, and
    /// `chat` has no `pinned`, `meta` or `folder_id`.
    static let peeweeSchema = """
        CREATE TABLE IF NOT EXISTS "migratehistory" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "migrated_at" DATETIME NOT NULL);
        CREATE TABLE IF NOT EXISTS "user" ("id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "profile_image_url" TEXT NOT NULL, "api_key" VARCHAR(255), "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, "last_active_at" INTEGER NOT NULL, "settings" TEXT, "info" TEXT, "oauth_sub" TEXT);
        CREATE UNIQUE INDEX "user_api_key" ON "user" ("api_key");
        CREATE TABLE IF NOT EXISTS "auth" ("id" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL, "password" TEXT NOT NULL, "active" INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS "chat" ("id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "chat" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "share_id" VARCHAR(255), "archived" INTEGER NOT NULL);
        CREATE UNIQUE INDEX "chat_id" ON "chat" ("id");
        CREATE TABLE IF NOT EXISTS "chatidtag" ("id" VARCHAR(255) NOT NULL, "tag_name" VARCHAR(255) NOT NULL, "chat_id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "timestamp" DATETIME NOT NULL);
        CREATE TABLE IF NOT EXISTS "tag" ("id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "data" TEXT);
        INSERT INTO migratehistory VALUES (1, '001_initial_schema', '2024-05-01 10:00:00');
        """

    /// Creates `webui.db` in `directory` from `schema`, lets `fill` add rows, and closes it.
    static func database(_ schema: String, in directory: TemporaryDirectory,
                         _ fill: (Connection) throws -> Void) throws -> URL {
        let path = directory.path("webui.db")
        do {
            let connection = try Connection(path: path)
            try connection.writeTransaction {
                try connection.execute(schema)
                try fill(connection)
            }
        }
        return URL(fileURLWithPath: path)
    }

    static func addUser(_ connection: Connection, id: String, name: String, email: String = "someone@example.org") throws {
        try connection.run("""
            INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
            VALUES (?, ?, ?, 'user', '/user.png', 1765000000, 1765000000, 1765000000)
            """, id, name, email)
    }

    /// Adds a chat row to a 0.6.41 database.
    static func addChat(_ connection: Connection, id: String, userID: String, title: String = "Chat", chat: String,
                        meta: String = "{}", createdAt: Int64 = 1_765_000_000, updatedAt: Int64 = 1_765_000_100,
                        archived: Int = 0, pinned: Int? = 0, folderID: String? = nil) throws {
        try connection.run("""
            INSERT INTO chat (id, user_id, title, share_id, archived, created_at, updated_at, chat, pinned, meta, folder_id)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
            """, id, userID, title, archived, createdAt, updatedAt, chat, pinned, meta, folderID)
    }

    /// Returns a chat payload whose history contains `messages` (JSON object texts, each with an `id`).
    static func chatJSON(_ messages: [String], currentID: String?, params: String = "{}") throws -> String {
        var members: [String] = []
        for message in messages {
            guard let id = try JSONValue.parse(message)["id"]?.stringValue else {
                throw FixtureError(message: "a fixture message has no id: \(message)")
            }
            members.append(JSONValue.stringLiteral(id) + ":" + message)
        }
        let current = currentID.map(JSONValue.stringLiteral) ?? "null"
        return """
            {"id": "", "title": "Chat", "models": ["llama3:8b"], "params": \(params),
             "history": {"messages": {\(members.joined(separator: ","))}, "currentId": \(current)},
             "messages": [], "tags": [], "timestamp": 1765000000123, "files": []}
            """
    }
}
