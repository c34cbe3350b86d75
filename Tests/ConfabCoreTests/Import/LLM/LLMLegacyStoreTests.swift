import Foundation
import Testing
@testable import ConfabCore

/// Edge cases of the legacy store, on llm 0.27.1's schema with rows written by hand.
@Suite struct LLMLegacyStoreTests {
    private func importRows(_ rows: String, messageStore: Bool = false) throws -> RecordingSink {
        let directory = try TemporaryDirectory()
        var sql = [LLMRealToolSQL.legacySchema]
        if messageStore {
            sql.append(LLMRealToolSQL.messageStoreSchema)
        }
        sql.append(rows)
        return try LLMImporter().recordedSink(reading: try LLMFixture.database(sql, in: directory))
    }

    private static let insertResponse = """
        INSERT INTO responses (id, model, prompt, system, response, conversation_id, duration_ms, datetime_utc,
                               input_tokens, output_tokens, resolved_model)
        """

    @Test func orphanResponsesBecomeOwnConversations() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Kept', 'echo');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'in a conversation', NULL, 'a1', 'c1', 0, '2026-01-02T03:04:05+00:00', NULL, NULL, NULL),
              ('r2', 'echo', 'no conversation id', NULL, 'a2', NULL, 0, '2026-01-02T03:05:00+00:00', NULL, NULL, NULL),
              ('r3', 'echo', 'deleted conversation', NULL, 'a3', 'gone', 0, '2026-01-02T03:06:00+00:00', NULL, NULL, NULL),
              ('r4', 'echo', 'same deleted conversation', NULL, 'a4', 'gone', 0, '2026-01-02T03:07:00+00:00', NULL, NULL, NULL);
            """)

        #expect(sink.conversations.map(\.sourceID).sorted() == ["c1", "r2", "r3", "r4"])
        #expect(sink.conversation("r2")?.turns.map(\.sourceID) == ["r2:prompt", "r2:response"])
        #expect(sink.conversation("r3")?.title == nil)
        #expect(sink.conversation("c1")?.title == "Kept")
    }

    @Test func usageAndResolvedModel() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Usage', 'gpt-4o');
            \(Self.insertResponse) VALUES
              ('r1', 'gpt-4o', 'count', NULL, 'one two', 'c1', 1500, '2026-01-02T03:04:05.250000+00:00', 12, 34,
               'gpt-4o-2024-08-06');
            """)

        let answer = try #require(sink.turn("r1:response", in: "c1"))
        #expect(answer.inputTokens == 12)
        #expect(answer.outputTokens == 34)
        #expect(answer.generationSeconds == 1.5)
        #expect(answer.model == "gpt-4o-2024-08-06")
        #expect(answer.author == "gpt-4o-2024-08-06")
        #expect(answer.createdAt == LLMFixture.date("2026-01-02T03:04:06.750+00:00"))

        let prompt = try #require(sink.turn("r1:prompt", in: "c1"))
        #expect(prompt.createdAt == LLMFixture.date("2026-01-02T03:04:05.250+00:00"))
        #expect(prompt.inputTokens == nil)
        #expect(sink.conversation("c1")?.model == "gpt-4o")
    }

    @Test func systemTurnOnlyWhenPromptChanges() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Systems', 'echo');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'one', 'Be terse.', 'a', 'c1', 0, '2026-01-02T03:04:01+00:00', NULL, NULL, NULL),
              ('r2', 'echo', 'two', 'Be terse.', 'b', 'c1', 0, '2026-01-02T03:04:02+00:00', NULL, NULL, NULL),
              ('r3', 'echo', 'three', '', 'c', 'c1', 0, '2026-01-02T03:04:03+00:00', NULL, NULL, NULL),
              ('r4', 'echo', 'four', 'Be verbose.', 'd', 'c1', 0, '2026-01-02T03:04:04+00:00', NULL, NULL, NULL);
            """)

        let conversation = try #require(sink.conversation("c1"))
        let systemTurns = conversation.turns.filter { $0.role == .system }
        #expect(systemTurns.map(\.sourceID) == ["r1:system", "r4:system"])
        #expect(systemTurns.map(\.text) == ["Be terse.", "Be verbose."])
        #expect(conversation.persona?.prompt == "Be terse.")
        #expect(conversation.turns.count == 10)
    }

    @Test func systemFragmentsJoinSystemPrompt() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Fragments', 'echo');
            INSERT INTO fragments VALUES (1, 'h1', 'Style guide.
            ', '2026-01-02 03:04:05', '/notes/style.md');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'write', 'Be brief.', 'ok', 'c1', 0, '2026-01-02T03:04:05+00:00', NULL, NULL, NULL);
            INSERT INTO system_fragments VALUES ('r1', 1, 0);
            """)

        #expect(sink.turn("r1:system", in: "c1")?.text == "Style guide.\n\nBe brief.")
    }

    @Test func missingFragmentRowShowsPlaceholder() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Fragments', 'echo');
            INSERT INTO fragments VALUES (1, 'h1', 'First file.', '2026-01-02 03:04:05', '/notes/a.txt');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'compare them', NULL, 'ok', 'c1', 0, '2026-01-02T03:04:05+00:00', NULL, NULL, NULL);
            INSERT INTO prompt_fragments VALUES ('r1', 1, 0), ('r1', 7, 1);
            """)

        #expect(sink.turn("r1:prompt", in: "c1")?.text == "First file.\n[file: fragment 7]\ncompare them")
    }

    @Test func toolResultExceptionAndAttachment() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Tools', 'echo');
            INSERT INTO attachments VALUES ('sha1', 'image/jpeg', NULL, 'https://example.com/img/cat.jpg', NULL);
            INSERT INTO attachments VALUES ('sha2', 'application/pdf', NULL, NULL, X'25504446');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'look it up', NULL, '', 'c1', 0, '2026-01-02T03:04:01+00:00', NULL, NULL, NULL),
              ('r2', 'echo', '', NULL, 'done', 'c1', 0, '2026-01-02T03:04:02+00:00', NULL, NULL, NULL);
            INSERT INTO tool_calls VALUES (1, 'r1', NULL, 'fetch', 'not json {', 'call-1');
            INSERT INTO tool_results VALUES (1, 'r2', NULL, 'fetch', '', 'call-1', NULL, 'TimeoutError: slow');
            INSERT INTO tool_results_attachments VALUES (1, 'sha1', 0), (1, 'sha2', 1);
            """)

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.map(\.sourceID) == [
            "r1:prompt", "r1:tool-call:0", "r2:tool-result:0", "r2:response",
        ])
        let call = try #require(conversation.turns.first { $0.kind == .toolCall })
        #expect(call.text == "not json {")
        let result = try #require(conversation.turns.first { $0.kind == .toolResult })
        #expect(result.text == "Exception: TimeoutError: slow\n[image: cat.jpg]\n[file]")
        #expect(result.attachments == [
            ImportedAttachment(name: "cat.jpg", mimeType: "image/jpeg", reference: "https://example.com/img/cat.jpg"),
            ImportedAttachment(name: nil, mimeType: "application/pdf", sizeBytes: 4, reference: "sha2"),
        ])
        #expect(result.rawPayloadJSON?.contains(#""exception":"TimeoutError: slow""#) == true)
    }

    @Test func emptyAnswerWithoutToolCallsIsKept() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Empty', 'echo');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'say nothing', NULL, '', 'c1', 0, '2026-01-02T03:04:01+00:00', NULL, NULL, NULL);
            """)

        #expect(sink.conversation("c1")?.turns.map(\.sourceID) == ["r1:prompt", "r1:response"])
    }

    @Test func conversationWithoutResponsesIsLeftOut() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Nothing here', 'echo');
            """)

        #expect(sink.conversations.isEmpty)
        #expect(sink.problems.isEmpty)
    }

    @Test func invalidUTF8IsRepairedAndCounted() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Bytes', 'echo');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', CAST(X'6361FF6665' AS TEXT), NULL, CAST(X'6F6BC3' AS TEXT), 'c1', 0,
               '2026-01-02T03:04:01+00:00', NULL, NULL, NULL);
            """)

        #expect(sink.turn("r1:prompt", in: "c1")?.text == "ca\u{FFFD}fe")
        #expect(sink.turn("r1:response", in: "c1")?.text == "ok\u{FFFD}")
        #expect(sink.textRepairs.invalidUTF8 == 2)
    }

    @Test func reasoningColumnOfUpgradedFile() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Reasoning', 'echo');
            INSERT INTO responses (id, model, prompt, response, conversation_id, datetime_utc, reasoning) VALUES
              ('r1', 'echo', 'think', 'answer', 'c1', '2026-01-02T03:04:01+00:00', 'first this, then that');
            """, messageStore: true)

        let conversation = try #require(sink.conversation("c1"))
        #expect(conversation.turns.map(\.kind) == [.message, .reasoning, .message])
        #expect(conversation.turns[1].text == "first this, then that")
    }

    @Test func emptyThreadFallsBackToLegacyConversation() throws {
        let sink = try importRows("""
            INSERT INTO conversations VALUES ('c1', 'Legacy', 'echo');
            \(Self.insertResponse) VALUES
              ('r1', 'echo', 'hello', NULL, 'hi', 'c1', 0, '2026-01-02T03:04:01+00:00', NULL, NULL, NULL);
            INSERT INTO threads VALUES ('c1', 'Legacy', NULL, NULL, '2026-01-03 00:00:00+00:00');
            """, messageStore: true)

        #expect(sink.conversations.map(\.sourceID) == ["c1"])
        #expect(sink.conversation("c1")?.turns.map(\.sourceID) == ["r1:prompt", "r1:response"])
    }

    @Test func pagingReadsEveryConversation() throws {
        let directory = try TemporaryDirectory()
        var rows = ""
        for index in 0..<7 {
            rows += "INSERT INTO conversations VALUES ('c\(index)', NULL, 'echo');\n"
            rows += "\(Self.insertResponse) VALUES ('r\(index)', 'echo', 'p\(index)', NULL, 'a\(index)', 'c\(index)', 0, "
                + "'2026-01-02T03:04:0\(index)+00:00', NULL, NULL, NULL);\n"
        }
        rows += "\(Self.insertResponse) VALUES ('r9', 'echo', 'loose', NULL, 'a', NULL, 0, NULL, NULL, NULL, NULL);\n"
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, rows], in: directory)

        let database = try SQLiteSourceDatabase(file: file)
        let schema = try LLMSchema(database: database)
        let sink = RecordingSink()
        var progress = RowProgress(total: 8, step: 1)
        try LLMLegacyReader(database: database, schema: schema, pageSize: 2).read(into: sink, progress: &progress)

        #expect(sink.conversations.map(\.sourceID) == ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "r9"])
        #expect(sink.progressReports.map(\.done) == [2, 4, 6, 7, 8])
        #expect(sink.conversation("r9")?.createdAt == nil)
    }
}
