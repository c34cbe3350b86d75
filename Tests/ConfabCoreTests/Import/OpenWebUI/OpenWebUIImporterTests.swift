import Foundation
import Testing
@testable import ConfabCore

/// Open WebUI chats built by hand on Open WebUI's own table definitions.
@Suite struct OpenWebUIImporterTests {
    private static let owner = "u-1"

    private func importChats(schema: String = OpenWebUIFixture.schema_0_6_41,
                             _ fill: (Connection) throws -> Void) throws -> RecordingSink {
        let directory = try TemporaryDirectory()
        let file = try OpenWebUIFixture.database(schema, in: directory) { connection in
            try OpenWebUIFixture.addUser(connection, id: Self.owner, name: "Ada")
            try fill(connection)
        }
        return try OpenWebUIImporter().recordedSink(reading: file)
    }

    private func simpleChat(_ text: String = "hello") throws -> String {
        try OpenWebUIFixture.chatJSON([
            #"{"id": "m1", "parentId": null, "childrenIds": [], "role": "user", "content": \#(JSONValue.stringLiteral(text)), "timestamp": 1765000000}"#,
        ], currentID: "m1")
    }

    // MARK: Accounts

    @Test func sharedCopiesAreNotImported() throws {
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: try simpleChat())
            try OpenWebUIFixture.addChat(connection, id: "share-1", userID: "shared-c1", chat: try simpleChat())
        }

        #expect(sink.conversations.map(\.sourceID) == ["c1"])
        #expect(sink.progressReports.last.map { [$0.done, $0.total] } == [1, 1])
    }

    @Test func orphanChatKeepsUserID() throws {
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: try simpleChat())
            try OpenWebUIFixture.addChat(connection, id: "c2", userID: "deleted-user", chat: try simpleChat())
        }

        #expect(sink.conversation("c1")?.user == ImportedUser(externalID: Self.owner, name: "Ada"))
        #expect(sink.conversation("c2")?.user == ImportedUser(externalID: "deleted-user", name: nil))
    }

    @Test func secretsNeverLeaveTheDatabase() throws {
        let secrets = [
            "$2b$12$PLANTEDbcryptHASHvalue0123456789abcdefghijklmnopqrs",
            "sk-planted-user-api-key-0001",
            "sk-planted-table-api-key-0002",
            "sk-planted-config-key-0003",
            "planted.address@example.net",
            "PLANTED_FUNCTION_SOURCE",
            "planted-oauth-token",
            "iVBORw0KGgoPLANTEDBASE64",
            "planted-settings-secret",
            "planted-oauth-sub",
        ]
        let directory = try TemporaryDirectory()
        for schema in [OpenWebUIFixture.schema_0_6_41, OpenWebUIFixture.peeweeSchema] {
            let isPeewee = schema == OpenWebUIFixture.peeweeSchema
            let file = directory.path(isPeewee ? "old.db" : "new.db")
            do {
                let connection = try Connection(path: file)
                try connection.execute(schema)
                try connection.run("""
                    INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
                    VALUES ('u-1', 'Ada', 'planted.address@example.net', 'admin',
                            'data:image/png;base64,iVBORw0KGgoPLANTEDBASE64', 1, 1, 1)
                    """)
                try connection.run("INSERT INTO auth VALUES ('u-1', 'planted.address@example.net', ?, 1)", secrets[0])
                if isPeewee {
                    try connection.run("""
                        UPDATE "user" SET api_key = 'sk-planted-user-api-key-0001', oauth_sub = 'planted-oauth-sub',
                        settings = '{"token": "planted-settings-secret"}'
                        """)
                } else {
                    try connection.run("""
                        UPDATE "user" SET settings = '{"token": "planted-settings-secret"}',
                        oauth = '{"sub": "planted-oauth-sub"}'
                        """)
                    try connection.run("INSERT INTO api_key VALUES ('k1', 'u-1', 'sk-planted-table-api-key-0002', NULL, NULL, NULL, 1, 1)")
                    try connection.run(#"INSERT INTO config (id, data, version) VALUES (1, '{"openai": {"api_keys": ["sk-planted-config-key-0003"]}}', 0)"#)
                    try connection.run("INSERT INTO function VALUES ('f1', 'u-1', 'f', 'filter', 'PLANTED_FUNCTION_SOURCE', '{}', 1, 1, NULL, 1, 0)")
                    try connection.run("INSERT INTO oauth_session VALUES ('o1', 'u-1', 'google', 'planted-oauth-token', 1, 1, 1)")
                }
                let chat = try OpenWebUIFixture.chatJSON([
                    #"{"id": "m1", "parentId": null, "childrenIds": [], "role": "user", "content": "see ![pic](data:image/png;base64,iVBORw0KGgoPLANTEDBASE64)", "files": [{"type": "image", "url": "data:image/png;base64,iVBORw0KGgoPLANTEDBASE64"}], "timestamp": 1765000000}"#,
                ], currentID: "m1")
                if isPeewee {
                    try connection.run("INSERT INTO chat VALUES ('c1', 'u-1', 'Chat', ?, 1765000000, 1765000000, NULL, 0)", chat)
                } else {
                    try OpenWebUIFixture.addChat(connection, id: "c1", userID: "u-1", chat: chat)
                }
            }

            let sink = try OpenWebUIImporter().recordedSink(reading: URL(fileURLWithPath: file))
            #expect(sink.conversations.count == 1)
            #expect(sink.conversation("c1")?.user == ImportedUser(externalID: "u-1", name: "Ada"))
            #expect(sink.turn("m1", in: "c1")?.text == "see ![pic]([image])\n[image]")
            #expect(sink.turn("m1", in: "c1")?.attachments == [ImportedAttachment(mimeType: "image/png")])
            for secret in secrets {
                #expect(!sink.everything.contains(secret), "\(secret) leaked from \(isPeewee ? "peewee" : "0.6.41") schema")
            }
        }
    }

    // MARK: Tree

    @Test func branchesFollowCurrentID() throws {
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "u1", "parentId": null, "childrenIds": ["a1", "a2"], "role": "user", "content": "question", "timestamp": 1765000000}"#,
            #"{"id": "a1", "parentId": "u1", "childrenIds": [], "role": "assistant", "content": "first answer", "model": "llama3:8b", "timestamp": 1765000001}"#,
            #"{"id": "a2", "parentId": "u1", "childrenIds": ["u2"], "role": "assistant", "content": "second answer", "model": "llama3:8b", "timestamp": 1765000002}"#,
            #"{"id": "u2", "childrenIds": ["a3"], "role": "user", "content": "follow-up", "timestamp": 1765000003}"#,
            #"{"id": "a3", "parentId": "u2", "childrenIds": [], "role": "assistant", "content": "third answer", "timestamp": 1765000004}"#,
        ], currentID: "a2")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.count == 5)
        #expect(conversation.defaultLeafSourceID == "a2")
        #expect(conversation.turns.first { $0.sourceID == "a1" }?.parentSourceID == "u1")
        #expect(conversation.turns.first { $0.sourceID == "a2" }?.parentSourceID == "u1")
        #expect(conversation.turns.first { $0.sourceID == "u2" }?.parentSourceID == "a2")
        let tree = ConversationTree(turns: conversation.turns, defaultLeafSourceID: conversation.defaultLeafSourceID)
        let thread = conversation.turns.indices.filter { tree.onDefaultThread[$0] }.map { conversation.turns[$0].sourceID }
        #expect(thread == ["u1", "a2"])
    }

    @Test func linearMessagesWhenHistoryIsMissing() throws {
        let chat = """
            {"title": "Old", "messages": [
              {"id": "x1", "role": "user", "content": "one", "timestamp": 1765000000},
              {"id": "x2", "role": "assistant", "content": "two", "timestamp": 1765000001},
              {"role": "user", "content": "three", "timestamp": 1765000002}]}
            """
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.map(\.sourceID) == ["x1", "x2", "2"])
        #expect(conversation.turns.map(\.parentSourceID) == [nil, "x1", "x2"])
        #expect(conversation.defaultLeafSourceID == nil)
        #expect(conversation.warnings.count == 1)
    }

    // MARK: Content

    @Test func failedGenerationBecomesErrorTurn() throws {
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "u1", "parentId": null, "childrenIds": ["a1", "a2"], "role": "user", "content": "hi", "timestamp": 1765000000}"#,
            #"{"id": "a1", "parentId": "u1", "childrenIds": [], "role": "assistant", "content": "", "error": {"content": "Ollama: 500, message='Internal Server Error'"}, "timestamp": 1765000001}"#,
            #"{"id": "a2", "parentId": "u1", "childrenIds": [], "role": "assistant", "content": "Connection lost", "error": true, "timestamp": 1765000002}"#,
        ], currentID: "a1")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let first = try #require(sink.turn("a1", in: "c1"))
        #expect(first.kind == .error)
        #expect(first.text == "Ollama: 500, message='Internal Server Error'")
        let second = try #require(sink.turn("a2", in: "c1"))
        #expect(second.kind == .error)
        #expect(second.text == "Connection lost")
    }

    @Test func reasoningAndToolBlocksBecomeTurns() throws {
        let content = """
            <details type="reasoning" done="true" duration="3">
            <summary>Thought for 3 seconds</summary>
            &gt; The user wants the weather.
            &gt; Use the tool &amp; report.
            </details>
            <details type="tool_calls" done="true" id="call_1" name="get_weather" arguments="&quot;{\\&quot;city\\&quot;: \\&quot;Lisbon\\&quot;}&quot;" result="&quot;21 \\u00b0C&quot;" files="" embeds="&quot;&quot;">
            <summary>Tool Executed</summary>
            </details>
            It is 21 °C in Lisbon.
            """
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "u1", "parentId": null, "childrenIds": ["a1"], "role": "user", "content": "Weather?", "timestamp": 1765000000}"#,
            #"{"id": "a1", "parentId": "u1", "childrenIds": [], "role": "assistant", "content": \#(JSONValue.stringLiteral(content)), "model": "qwen3:8b", "timestamp": 1765000005, "usage": {"prompt_tokens": 40, "completion_tokens": 12, "total_tokens": 52}}"#,
        ], currentID: "a1")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.map(\.sourceID) == ["u1", "a1:reasoning:0", "a1:tool-call:0", "a1:tool-result:0", "a1"])
        #expect(conversation.turns.map(\.kind) == [.message, .reasoning, .toolCall, .toolResult, .message])
        #expect(conversation.turns.map(\.parentSourceID) == [nil, "u1", "a1:reasoning:0", "a1:tool-call:0", "a1:tool-result:0"])

        #expect(conversation.turns[1].text == "The user wants the weather.\nUse the tool & report.")
        #expect(conversation.turns[2].author == "get_weather")
        #expect(conversation.turns[2].text == #"{"city":"Lisbon"}"#)
        #expect(conversation.turns[2].rawPayloadJSON?.contains(#""id":"call_1""#) == true)
        #expect(conversation.turns[3].text == "21 °C")
        #expect(conversation.turns[3].role == .tool)
        #expect(conversation.turns[4].text == "It is 21 °C in Lisbon.")
        #expect(conversation.turns[4].inputTokens == 40)
        #expect(conversation.turns[4].outputTokens == 12)
        #expect(conversation.turns[1].inputTokens == nil)
    }

    @Test func blocksWithoutAnswerKeepMessageID() throws {
        let content = #"<details type="reasoning" done="false"><summary>Thinking…</summary>> still thinking"#
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "a1", "parentId": null, "childrenIds": [], "role": "assistant", "content": \#(JSONValue.stringLiteral(content)), "timestamp": 1765000005}"#,
        ], currentID: "a1")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.map(\.sourceID) == ["a1"])
        #expect(conversation.turns.first?.kind == .reasoning)
        #expect(conversation.turns.first?.text == "still thinking")
    }

    @Test func otherDetailsStayInAnswer() throws {
        let content = "<details><summary>Spoiler</summary>hidden</details>\nshown"
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "a1", "parentId": null, "childrenIds": [], "role": "assistant", "content": \#(JSONValue.stringLiteral(content)), "timestamp": 1765000005}"#,
        ], currentID: "a1")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        #expect(sink.turn("a1", in: "c1")?.text == content)
        #expect(sink.conversation("c1")?.turns.count == 1)
    }

    @Test func contentPartsAndFiles() throws {
        let chat = try OpenWebUIFixture.chatJSON([
            #"""
            {"id": "m1", "parentId": null, "childrenIds": [], "role": "user", "timestamp": 1765000000,
             "content": [{"type": "text", "text": "compare these"},
                         {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQSkZJRg=="}},
                         {"type": "input_audio", "input_audio": {"format": "wav"}}],
             "files": [{"type": "file", "id": "file-9", "name": "report.pdf", "size": 2048,
                        "url": "/api/v1/files/file-9", "file": {"meta": {"content_type": "application/pdf"}}}]}
            """#,
        ], currentID: "m1")
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let turn = try #require(sink.turn("m1", in: "c1"))
        #expect(turn.text == "compare these\n[image]\n[unsupported content: input_audio]\n[file: report.pdf]")
        #expect(turn.attachments == [ImportedAttachment(
            name: "report.pdf", mimeType: "application/pdf", sizeBytes: 2048, reference: "file-9")])
        #expect(turn.rawPayloadJSON == #"{"content":[{"type":"input_audio","input_audio":{"format":"wav"}}]}"#)
        #expect(!sink.everything.contains("/9j/4AAQSkZJRg"))
    }

    @Test func ollamaUsageAndMillisecondTimestamps() throws {
        let chat = try OpenWebUIFixture.chatJSON([
            #"{"id": "a1", "parentId": null, "childrenIds": [], "role": "assistant", "content": "ok", "timestamp": 1765000005123, "info": {"eval_count": 50, "prompt_eval_count": 7, "response_token/s": 25.0}}"#,
        ], currentID: "a1", params: #"{"system": "Answer in French."}"#)
        let sink = try importChats { connection in
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: chat)
        }

        let turn = try #require(sink.turn("a1", in: "c1"))
        #expect(turn.createdAt == Date(timeIntervalSince1970: 1_765_000_005.123))
        #expect(turn.inputTokens == 7)
        #expect(turn.outputTokens == 50)
        #expect(turn.generationSeconds == 2)
        #expect(sink.conversation("c1")?.persona == ImportedPersona(kind: .systemPrompt, prompt: "Answer in French."))
    }

    // MARK: Chat fields

    @Test func tagsFolderAndFlags() throws {
        let sink = try importChats { connection in
            try connection.execute("""
                INSERT INTO tag VALUES ('work_notes', 'Work Notes', 'u-1', NULL);
                INSERT INTO tag VALUES ('work_notes', 'Someone Else''s Name', 'u-2', NULL);
                INSERT INTO folder (id, parent_id, user_id, name, is_expanded, created_at, updated_at)
                VALUES ('f-top', NULL, 'u-1', 'Projects', 0, 1, 1), ('f-sub', 'f-top', 'u-1', 'Confab', 0, 1, 1);
                INSERT INTO chatidtag VALUES ('t1', 'legacy tag', 'c1', 'u-1', 1700000000);
                """)
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, title: "\n\n🐍 贪吃蛇代码",
                                         chat: try simpleChat(), meta: #"{"tags": ["work_notes", "unknown_tag"]}"#,
                                         archived: 1, pinned: 1, folderID: "f-sub")
            try OpenWebUIFixture.addChat(connection, id: "c2", userID: Self.owner, chat: try simpleChat(),
                                         meta: "not json", pinned: nil, folderID: "f-missing")
        }

        let first = try #require(sink.conversation("c1"))
        #expect(first.tags == ["Work Notes", "unknown_tag", "legacy tag"])
        #expect(first.title == "\n\n🐍 贪吃蛇代码")
        #expect(first.metadataJSON == #"{"archived":true,"pinned":true,"folder":"Projects/Confab"}"#)
        #expect(first.createdAt == Date(timeIntervalSince1970: 1_765_000_000))

        let second = try #require(sink.conversation("c2"))
        #expect(second.tags == [])
        #expect(second.metadataJSON == #"{"archived":false,"folder_id":"f-missing"}"#)
        #expect(second.warnings.count == 1)
    }

    // MARK: Damage

    @Test func invalidChatJSONIsSkipped() throws {
        let directory = try TemporaryDirectory()
        let file = try OpenWebUIFixture.database(OpenWebUIFixture.schema_0_6_41, in: directory) { connection in
            try OpenWebUIFixture.addUser(connection, id: Self.owner, name: "Ada")
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: try simpleChat("before"))
            try OpenWebUIFixture.addChat(connection, id: "c2", userID: Self.owner, chat: #"{"history": {"messages": {"#)
            try OpenWebUIFixture.addChat(connection, id: "c3", userID: Self.owner, chat: try simpleChat("after"))
            try connection.run("UPDATE chat SET chat = NULL WHERE id = 'c3'")
            try OpenWebUIFixture.addChat(connection, id: "c4", userID: Self.owner, chat: #"{"history": {"messages": {}}}"#)
            try OpenWebUIFixture.addChat(connection, id: "c5", userID: Self.owner, chat: try simpleChat("last"))
        }
        let sink = try OpenWebUIImporter().recordedSink(reading: file)

        #expect(sink.conversations.map(\.sourceID) == ["c1", "c5"])
        #expect(sink.problems.map(\.location) == ["chat c2", "chat c3", "chat c4"])
        #expect(sink.problems.map(\.conversationID) == ["c2", "c3", "c4"])
        #expect(sink.problems.map(\.field) == ["chat", "chat", "chat.history.messages"])
        #expect(sink.problems.allSatisfy { $0.file == file.path })
        #expect(sink.progressReports.last.map { [$0.done, $0.total] } == [5, 5])
    }

    @Test func textRepairsAreCounted() throws {
        let sink = try importChats { connection in
            let lone = try OpenWebUIFixture.chatJSON([
                #"{"id": "m1", "parentId": null, "childrenIds": [], "role": "user", "content": "lone \ud800 surrogate"}"#,
            ], currentID: "m1")
            try OpenWebUIFixture.addChat(connection, id: "c1", userID: Self.owner, chat: lone)
            try OpenWebUIFixture.addChat(connection, id: "c2", userID: Self.owner, chat: try simpleChat("bad byte"))
            try connection.run("UPDATE chat SET chat = CAST(replace(chat, 'bad byte', CAST(X'626164FF' AS TEXT)) AS BLOB) WHERE id = 'c2'")
        }

        #expect(sink.textRepairs.loneSurrogates == 1)
        #expect(sink.textRepairs.invalidUTF8 == 1)
        #expect(sink.turn("m1", in: "c1")?.text == "lone \u{FFFD} surrogate")
        #expect(sink.turn("m1", in: "c2")?.text == "bad\u{FFFD}")
    }

    // MARK: Source file

    @Test func walFileIsRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("webui.db")
        let writer = try Connection(path: path)
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute(OpenWebUIFixture.schema_0_6_41)
        try OpenWebUIFixture.addUser(writer, id: Self.owner, name: "Ada")
        try OpenWebUIFixture.addChat(writer, id: "c1", userID: Self.owner, chat: try simpleChat())
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let sink = try OpenWebUIImporter().recordedSink(reading: URL(fileURLWithPath: path))

        #expect(sink.conversations.map(\.sourceID) == ["c1"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(arguments: [
        (["chat", "user", "alembic_version"], true),
        (["chat", "user", "migratehistory"], true),
        (["chat", "user", "auth"], true),
        (["chat", "user"], false),
        (["chat", "alembic_version", "auth"], false),
        (["_llm_migrations", "responses", "conversations"], false),
    ])
    func detection(tables: [String], expected: Bool) {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/webui.db"), shape: .sqlite(tables: Set(tables)))
        #expect(OpenWebUIImporter.matches(probe) == expected)
    }
}
