import Foundation
import Testing
@testable import ConfabCore

/// `confab follow` as a real process, while this test writes to the source with raw SQLite as
/// the tools themselves would.
@Suite(.serialized, .enabled(if: ChildProcess.confabPath != nil, Comment(rawValue: ChildProcess.unavailableReason)))
struct FollowCommandTests {
    let harness: ConfabHarness

    init() throws {
        harness = try ConfabHarness()
    }

    private func path(_ name: String) -> String {
        harness.folder.appendingPathComponent(name).path
    }

    /// The tables of an `llm` logs.db that the importer reads (llm 0.27's legacy store).
    static let llmSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE "_llm_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TEXT);
        CREATE TABLE "conversations" ("id" TEXT PRIMARY KEY, "name" TEXT, "model" TEXT);
        CREATE TABLE "responses" (
           "id" TEXT PRIMARY KEY, "model" TEXT, "prompt" TEXT, "system" TEXT, "prompt_json" TEXT, "options_json" TEXT,
           "response" TEXT, "response_json" TEXT, "conversation_id" TEXT REFERENCES "conversations"("id"),
           "duration_ms" INTEGER, "datetime_utc" TEXT, "input_tokens" INTEGER, "output_tokens" INTEGER,
           "token_details" TEXT, "schema_id" TEXT, "resolved_model" TEXT);
        INSERT INTO _llm_migrations VALUES ('m001_initial', '2025-01-01 00:00:00');
        """

    private func addResponse(_ connection: Connection, id: String, conversation: String, prompt: String, response: String) throws {
        try connection.writeTransaction {
            try connection.run("INSERT OR IGNORE INTO conversations (id, name, model) VALUES (?, ?, 'echo')", conversation, "Chat \(conversation)")
            try connection.run(
                """
                INSERT INTO responses (id, model, prompt, response, conversation_id, datetime_utc)
                VALUES (?, 'echo', ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%f', 'now'))
                """,
                id, prompt, response, conversation)
        }
    }

    private func startFollow(_ source: String) throws -> ChildProcess {
        try ChildProcess(confab: ["--db", harness.databasePath, "follow", source, "--interval", "20", "--seconds", "120", "--json"],
                         outputPath: path("follow.out"), errorPath: path("follow.err"))
    }

    private func conversationTurns(_ sourceID: String) -> Int? {
        guard let store = try? SQLiteStore(path: harness.databasePath, readOnly: true) else { return nil }
        return (try? store.connection.scalarInt("SELECT turn_count FROM conversations WHERE source_id = ?", [sourceID])).flatMap { $0 }.map(Int.init)
    }

    private func stop(_ follow: ChildProcess) throws {
        follow.signal(SIGINT)
        #expect(try follow.wait() == 0, "follow failed: \(follow.errors)")
    }

    @Test func followsLiveLLMDatabase() throws {
        let source = try Connection(path: path("logs.db"))
        try source.execute(FollowCommandTests.llmSchema)
        try addResponse(source, id: "r1", conversation: "c1", prompt: "first prompt", response: "first answer")

        let follow = try startFollow(path("logs.db"))
        #expect(ChildProcess.waitUntil { conversationTurns("c1") == 2 }, "first import never arrived: \(follow.errors)")

        // The source keeps being written while follow runs.
        try addResponse(source, id: "r2", conversation: "c1", prompt: "second prompt", response: "second answer")
        try addResponse(source, id: "r3", conversation: "c2", prompt: "another chat", response: "hello")
        #expect(ChildProcess.waitUntil { conversationTurns("c1") == 4 && conversationTurns("c2") == 2 }, "changes never arrived: \(follow.errors)")

        let store = try SQLiteStore(path: harness.databasePath)
        let sources = try store.followedSources()
        let followed = try #require(sources.first)
        #expect(followed.format == "llm")
        #expect(followed.path.hasSuffix("/logs.db"))
        #expect((followed.lastLagSeconds ?? 99) < 10)
        #expect(followed.isAlive())
        let imported = try store.connection.scalarInt("SELECT count(*) FROM changes WHERE kind = 'conversation_imported'") ?? 0
        #expect(imported >= 3)

        let health = harness.run(["health", "--json", "--seconds", "0"])
        guard case .array(let listed)? = try health.json()["followed_sources"] else {
            Issue.record("health lists no followed sources: \(health.stdout)")
            return
        }
        #expect(listed.first?["format"]?.stringValue == "llm")
        #expect(listed.first?["lag_seconds"]?.doubleValue != nil)
        try stop(follow)

        // The source was only read: follow left its rows as they were.
        #expect(try source.scalarInt("SELECT count(*) FROM responses") == 3)
    }

    @Test func followsLiveOpenWebUIDatabase() throws {
        let source = try Connection(path: path("webui.db"))
        try source.execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
            CREATE TABLE "user" ("id" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "email" VARCHAR(255) NOT NULL,
                "role" VARCHAR(255) NOT NULL, "profile_image_url" TEXT NOT NULL, "created_at" INTEGER NOT NULL,
                "updated_at" INTEGER NOT NULL, "last_active_at" INTEGER NOT NULL);
            CREATE TABLE "chat" ("id" VARCHAR(255) NOT NULL, "user_id" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL,
                "share_id" VARCHAR(255), "archived" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL,
                chat JSON, pinned BOOLEAN, meta JSON DEFAULT '{}' NOT NULL, folder_id TEXT);
            CREATE TABLE "chatidtag" ("id" VARCHAR(255) NOT NULL, "tag_name" VARCHAR(255) NOT NULL, "chat_id" VARCHAR(255) NOT NULL,
                "user_id" VARCHAR(255) NOT NULL, "timestamp" INTEGER NOT NULL);
            CREATE TABLE "tag" (id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, meta JSON);
            INSERT INTO "user" VALUES ('u-1', 'Dana', 'dana@example.com', 'user', '/user.png', 1765000000, 1765000000, 1765000000);
            """)
        func chat(_ messages: [(id: String, parent: String?, role: String, text: String)]) -> String {
            let members = messages.map { message in
                let parent = message.parent.map { "\"\($0)\"" } ?? "null"
                return "\"\(message.id)\": {\"id\": \"\(message.id)\", \"parentId\": \(parent), \"childrenIds\": [], \"role\": \"\(message.role)\", \"content\": \"\(message.text)\", \"timestamp\": 1765000000}"
            }
            return "{\"title\": \"Chat\", \"models\": [\"llama3\"], \"history\": {\"messages\": {\(members.joined(separator: ","))}, \"currentId\": \"\(messages.last?.id ?? "")\"}, \"messages\": []}"
        }
        let first = [(id: "m1", parent: String?.none, role: "user", text: "hi there"), (id: "m2", parent: "m1", role: "assistant", text: "hello")]
        try source.run(
            "INSERT INTO chat (id, user_id, title, archived, created_at, updated_at, chat) VALUES ('chat-1', 'u-1', 'Greeting', 0, 1765000000, 1765000000, ?)",
            chat(first))

        let follow = try startFollow(path("webui.db"))
        #expect(ChildProcess.waitUntil { conversationTurns("chat-1") == 2 }, "first import never arrived: \(follow.errors)")

        let longer = first + [(id: "m3", parent: "m2", role: "user", text: "how are you"), (id: "m4", parent: "m3", role: "assistant", text: "fine")]
        try source.run("UPDATE chat SET chat = ?, updated_at = 1765000100 WHERE id = 'chat-1'", chat(longer))
        #expect(ChildProcess.waitUntil { conversationTurns("chat-1") == 4 }, "the update never arrived: \(follow.errors)")

        let store = try SQLiteStore(path: harness.databasePath, readOnly: true)
        #expect(try store.followedSources().first?.format == "open-webui")
        let lines = follow.output.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
        #expect(lines.contains { $0["updated_conversations"]?.doubleValue == 1 })
        try stop(follow)
    }

    @Test func followsGrowingJSONLFolder() throws {
        let folder = path("exports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/chats.jsonl"
        let line1 = #"{"id": "s1", "conversations": [{"from": "human", "value": "one"}, {"from": "gpt", "value": "two"}]}"#
        try (line1 + "\n").write(toFile: file, atomically: false, encoding: .utf8)

        let follow = try startFollow(folder)
        #expect(ChildProcess.waitUntil { conversationTurns("s1") == 2 }, "first import never arrived: \(follow.errors)")

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((#"{"id": "s2", "conversations": [{"from": "human", "value": "three"}]}"# + "\n").utf8))
        try handle.close()
        #expect(ChildProcess.waitUntil { conversationTurns("s2") == 1 }, "the new line never arrived: \(follow.errors)")
        try stop(follow)
    }

    @Test func unknownSourceIsNamed() throws {
        let notes = try harness.write("just some notes", to: "notes.txt")
        let result = harness.run(["follow", notes, "--seconds", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot follow"))
        #expect(result.stderr.contains("notes.txt"))

        let missing = harness.run(["follow", path("missing.db"), "--seconds", "1"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("does not exist"))
    }
}
