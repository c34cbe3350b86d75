import Foundation
import Testing
@testable import ConfabCore

/// The 0.36 message store and its overlap with the legacy store, on rows the real tool wrote.
@Suite struct LLMMessageStoreTests {
    private static let continuedLegacy = "01m91dxv2hd2egwb5apcjstk38"
    private static let thinking = "01m91dy01z1fca02prjnbdt1d0"
    private static let fragment = "01m91dy0prc3hkhwhtjat0k4pn"
    private static let image = "01m91dy1d0me4xcf64gcx2gyjn"
    private static let tools = "01m91dy25ej9xmtvj51qtnq70k"
    private static let questions = "01m91dy341v36f7hs3ve5m9eky"
    private static let fork = "01m91dy4prfxj5khtdqwxyv32y"

    private func importUpgraded() throws -> RecordingSink {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database(
            [LLMRealToolSQL.legacySchema, LLMRealToolSQL.messageStoreSchema, LLMRealToolSQL.upgradedRows], in: directory)
        return try LLMImporter().recordedSink(reading: file)
    }

    @Test func conversationsFromBothStores() throws {
        let sink = try importUpgraded()

        let ids = Set(sink.conversations.map(\.sourceID))
        let expected: Set<String> = [
            "01m91dxwpfe9pn1sp3tjn74wwx", "01m91dxxq5whbdvny2yges134r", "01m91dxygh1ssqm74107exmsh8",
            Self.continuedLegacy, Self.thinking, Self.fragment, Self.image, Self.tools, Self.questions, Self.fork,
        ]
        #expect(sink.conversations.count == 10)
        #expect(ids == expected)
        #expect(sink.turnCount == 37)
        #expect(sink.problems.isEmpty)
        #expect(sink.conversations.allSatisfy { $0.user == nil })
    }

    @Test func continuedLegacyConversationComesOnce() throws {
        let sink = try importUpgraded()
        let matching = sink.conversations.filter { $0.sourceID == Self.continuedLegacy }
        #expect(matching.count == 1)

        let conversation = try #require(matching.first)
        #expect(conversation.title == "Legacy hello")
        #expect(conversation.turns.map(\.sourceID) == [
            "01m91dxv2hd2egwb5apcjstk37:system", "01m91dxv2hd2egwb5apcjstk37:prompt",
            "01m91dxv2hd2egwb5apcjstk37:response", "01m91dxvzk344z4yg1kpzhkwdj:prompt",
            "01m91dxvzk344z4yg1kpzhkwdj:response", "b2:a2a3c7cdded4bb3a2ff7338b2826438b",
            "b2:9cb1e4eadf992b824511faa7561f5895",
        ])
        #expect(conversation.turns.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user, .assistant])
        for index in 1..<conversation.turns.count {
            #expect(conversation.turns[index].parentSourceID == conversation.turns[index - 1].sourceID)
        }
        #expect(conversation.defaultLeafSourceID == "b2:9cb1e4eadf992b824511faa7561f5895")
        #expect(conversation.persona == ImportedPersona(kind: .systemPrompt, prompt: "You are terse."))
        #expect(conversation.turns[3].text == "Legacy follow-up 日本語 🎉")
    }

    @Test func copiedLegacyHistoryTakesTimesFromResponses() throws {
        let sink = try importUpgraded()
        let id = Self.continuedLegacy

        let legacyPrompt = try #require(sink.turn("01m91dxv2hd2egwb5apcjstk37:prompt", in: id))
        #expect(legacyPrompt.createdAt == LLMFixture.date("2026-12-04T21:03:55.473466+00:00"))
        let legacyAnswer = try #require(sink.turn("01m91dxvzk344z4yg1kpzhkwdj:response", in: id))
        #expect(legacyAnswer.createdAt == LLMFixture.date("2026-12-04T21:03:56.403758+00:00"))
        #expect(legacyAnswer.model == "echo")
        let system = try #require(sink.turn("01m91dxv2hd2egwb5apcjstk37:system", in: id))
        #expect(system.createdAt == LLMFixture.date("2026-12-04T21:03:55.473466+00:00"))

        let newAnswer = try #require(sink.turn("b2:9cb1e4eadf992b824511faa7561f5895", in: id))
        #expect(newAnswer.createdAt == LLMFixture.date("2026-12-04T21:03:59.898464+00:00"))
        #expect(newAnswer.inputTokens == 2)
        #expect(newAnswer.outputTokens == 26)
        #expect(newAnswer.generationSeconds == 0)

        let conversation = try #require(sink.conversation(id))
        #expect(conversation.createdAt == LLMFixture.date("2026-12-04T21:03:55.473466+00:00"))
        #expect(conversation.updatedAt == LLMFixture.date("2026-12-04T21:03:59.898464+00:00"))
    }

    @Test func reasoningPartIsOwnTurn() throws {
        let sink = try importUpgraded()
        let conversation = try #require(sink.conversation(Self.thinking))

        #expect(conversation.turns.map(\.sourceID) == [
            "b2:8db4adda2f0620dfbaa00c8fed6a64f9", "b2:bd0375c6e2992e2399ef764d77966f8c:0",
            "b2:bd0375c6e2992e2399ef764d77966f8c",
        ])
        #expect(conversation.turns.map(\.kind) == [.message, .reasoning, .message])
        #expect(conversation.turns[1].text == "First I consider the prompt, then I decide what to say.")
        #expect(conversation.turns[1].parentSourceID == "b2:8db4adda2f0620dfbaa00c8fed6a64f9")
        #expect(conversation.turns[2].parentSourceID == "b2:bd0375c6e2992e2399ef764d77966f8c:0")
        #expect(conversation.turns[2].outputTokens == 24)
        #expect(conversation.turns[1].outputTokens == nil)
    }

    @Test func textReferencesRebuildFragmentText() throws {
        let sink = try importUpgraded()
        let conversation = try #require(sink.conversation(Self.fragment))

        #expect(conversation.turns.map(\.role) == [.system, .user, .assistant])
        #expect(conversation.turns[0].text == "Answer in English.\n\nBe brief.")
        #expect(conversation.turns[1].text == "Fragment text: the quick brown fox.\n\nSummarize the fragment")
        #expect(conversation.persona?.prompt == "Answer in English.\n\nBe brief.")
        #expect(conversation.turns[0].createdAt == LLMFixture.date("2026-12-04T21:04:01.242433+00:00"))
        #expect(conversation.turns[1].createdAt == LLMFixture.date("2026-12-04T21:04:01.242433+00:00"))
    }

    @Test func attachmentPartBecomesPlaceholder() throws {
        let sink = try importUpgraded()
        let prompt = try #require(sink.turn("b2:ce2e408b67ce28be9b7c35f2bf90d6bc", in: Self.image))

        #expect(prompt.text == "Describe this image\n[image: red.png]")
        #expect(prompt.attachments == [ImportedAttachment(
            name: "red.png", mimeType: "image/png", reference: "/home/sam/notes/red.png")])
        #expect(sink.conversation(Self.image)?.turns.count == 2)
    }

    @Test func toolCallAndResultParts() throws {
        let sink = try importUpgraded()
        let conversation = try #require(sink.conversation(Self.tools))

        #expect(conversation.turns.map(\.kind) == [.message, .message, .toolCall, .toolResult, .message])
        #expect(conversation.turns.map(\.role) == [.user, .assistant, .assistant, .tool, .assistant])
        let call = conversation.turns[2]
        #expect(call.sourceID == "b2:ac453ba6dbc6287309737b46d4e45e4a")
        #expect(call.author == "add")
        #expect(call.text == #"{"a":2,"b":3}"#)
        #expect(call.rawPayloadJSON?.contains("tc_01m91dy25g9em2nxb1hwvhacw5") == true)
        let result = conversation.turns[3]
        #expect(result.text == "5")
        #expect(result.parentSourceID == call.sourceID)
        #expect(conversation.turns[4].outputTokens == 38)
    }

    @Test func forkCopiesSharedMessages() throws {
        let sink = try importUpgraded()
        let fork = try #require(sink.conversation(Self.fork))
        let original = try #require(sink.conversation(Self.questions))

        #expect(fork.title == "Forked branch")
        #expect(fork.turns.map(\.sourceID) == [
            "b2:db191225498b3a800f9e608c8ceb13e0", "b2:70b70449d42780a8441eaf4c7bbdf295",
            "b2:e4ba31a749e02322e7aa1b0c7281a4fb", "b2:2b535b9582cbde314c6e4e40fb4fdd2d",
        ])
        #expect(fork.turns.last?.text == "An answer only the fork has")
        #expect(fork.defaultLeafSourceID == "b2:2b535b9582cbde314c6e4e40fb4fdd2d")
        #expect(fork.metadataJSON == #"{"forked_from":"01m91dy341v36f7hs3ve5m9eky"}"#)
        #expect(fork.turns[0].createdAt == LLMFixture.date("2026-12-04T21:04:03.714930+00:00"))
        #expect(fork.turns[3].createdAt == nil)

        #expect(original.turns.count == 4)
        #expect(!original.turns.contains { $0.sourceID == "b2:e4ba31a749e02322e7aa1b0c7281a4fb" })
        #expect(original.defaultLeafSourceID == "b2:016b56ee8c6bd300fafd16352dd89180")
    }

    @Test func legacyToolChainSkipsEmptyPrompt() throws {
        let sink = try importUpgraded()
        let conversation = try #require(sink.conversation("01m91dxygh1ssqm74107exmsh8"))

        #expect(conversation.turns.map(\.sourceID) == [
            "01m91dxygm8mhbger0y7p2qpat:prompt", "01m91dxygm8mhbger0y7p2qpat:response",
            "01m91dxygm8mhbger0y7p2qpat:tool-call:0", "01m91dxygn1zj5nxgtym7qykw9:tool-result:0",
            "01m91dxygn1zj5nxgtym7qykw9:response",
        ])
        #expect(conversation.turns[2].text == #"{"a":2,"b":3}"#)
        #expect(conversation.turns[3].text == "5")
        #expect(conversation.turns[3].role == .tool)
    }

    @Test func progressCountsResponsesAndThreads() throws {
        let sink = try importUpgraded()
        #expect(sink.progressReports.first?.total == 13)
        #expect(sink.progressReports.last?.done == 13)
    }

    @Test func reimportGivesSameIDs() throws {
        let first = try importUpgraded()
        let second = try importUpgraded()
        #expect(first.conversations == second.conversations)
    }
}

/// Message store shapes the `llm` CLI does not write but its Python API and damaged files can:
/// branches inside one thread, unknown part types, dangling hashes.
@Suite struct LLMMessageStoreShapeTests {
    private func importRows(_ rows: String) throws -> RecordingSink {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database(
            [LLMRealToolSQL.legacySchema, LLMRealToolSQL.messageStoreSchema, rows], in: directory)
        return try LLMImporter().recordedSink(reading: file)
    }

    private static let branchedThread = """
        INSERT INTO messages VALUES ('b2:q', NULL, 'user', NULL), ('b2:old', 'b2:q', 'assistant', NULL),
                                    ('b2:new', 'b2:q', 'assistant', NULL);
        INSERT INTO parts (message_hash, position, type, tool_name, text, payload) VALUES
          ('b2:q', 0, 'text', NULL, 'question', NULL),
          ('b2:old', 0, 'text', NULL, 'first answer', NULL),
          ('b2:new', 0, 'text', NULL, 'second answer', NULL),
          ('b2:new', 1, 'citation', NULL, NULL, '{"url": "https://example.com/a"}');
        INSERT INTO threads VALUES ('t1', 'Branched', 'b2:new', NULL, '2026-01-02 10:00:00+00:00');
        INSERT INTO turns (id, thread_id, parent_message_hash, tip_message_hash, model, resolved_model,
                           input_tokens, output_tokens, duration_ms, datetime_utc) VALUES
          ('k1', 't1', 'b2:q', 'b2:old', 'gpt-4o', NULL, 5, 7, 2000, '2026-01-02T10:00:00+00:00'),
          ('k2', 't1', 'b2:q', 'b2:new', 'gpt-4o', 'gpt-4o-2024-08-06', 5, 9, 500, '2026-01-02T10:05:00+00:00');
        """

    @Test func branchesInsideOneThread() throws {
        let sink = try importRows(Self.branchedThread)
        let conversation = try #require(sink.conversation("t1"))

        #expect(conversation.turns.map(\.sourceID).sorted() == ["b2:new", "b2:old", "b2:q"])
        #expect(conversation.defaultLeafSourceID == "b2:new")
        #expect(sink.turn("b2:old", in: "t1")?.parentSourceID == "b2:q")
        #expect(sink.turn("b2:new", in: "t1")?.parentSourceID == "b2:q")
        #expect(sink.turn("b2:q", in: "t1")?.createdAt == LLMFixture.date("2026-01-02T10:00:00+00:00"))
        #expect(sink.turn("b2:old", in: "t1")?.createdAt == LLMFixture.date("2026-01-02T10:00:02+00:00"))
        #expect(sink.turn("b2:old", in: "t1")?.generationSeconds == 2)
        #expect(sink.turn("b2:new", in: "t1")?.model == "gpt-4o-2024-08-06")
        #expect(sink.turn("b2:new", in: "t1")?.outputTokens == 9)
        #expect(conversation.model == "gpt-4o")
    }

    @Test func unknownPartTypeIsPlaceholder() throws {
        let sink = try importRows(Self.branchedThread)
        let answer = try #require(sink.turn("b2:new", in: "t1"))

        #expect(answer.text == "second answer\n[unsupported content: citation]")
        #expect(answer.rawPayloadJSON == #"[{"type":"citation","payload":{"url":"https://example.com/a"}}]"#)
    }

    @Test func danglingHashesAreReported() throws {
        let sink = try importRows("""
            INSERT INTO messages VALUES ('b2:child', 'b2:gone', 'user', NULL);
            INSERT INTO parts (message_hash, position, type, tool_name, text, payload) VALUES
              ('b2:child', 0, 'text', NULL, 'orphaned question', NULL);
            INSERT INTO threads VALUES ('t1', 'Damaged', 'b2:child', NULL, NULL), ('t2', 'Empty', 'b2:nowhere', NULL, NULL),
                                       ('t3', 'Never used', NULL, NULL, NULL);
            """)

        #expect(sink.conversations.map(\.sourceID) == ["t1"])
        let conversation = try #require(sink.conversation("t1"))
        #expect(conversation.turns.first?.parentSourceID == nil)
        #expect(conversation.warnings == ["message b2:gone (the parent of b2:child) is missing from the messages table"])
        #expect(conversation.createdAt == nil)
        #expect(sink.problems == [ImportProblem(
            file: sink.problems.first?.file ?? "", location: "thread t2", conversationID: "t2", field: "tip_message_hash",
            reason: "message b2:nowhere (the tip) is missing from the messages table")])
    }

    @Test func redactedReasoningIsDropped() throws {
        let sink = try importRows("""
            INSERT INTO messages VALUES ('b2:q', NULL, 'user', NULL), ('b2:a', 'b2:q', 'assistant', NULL);
            INSERT INTO parts (message_hash, position, type, tool_name, text, payload) VALUES
              ('b2:q', 0, 'text', NULL, 'question', NULL),
              ('b2:a', 0, 'reasoning', NULL, '', '{"redacted": true}'),
              ('b2:a', 1, 'text', NULL, 'answer', NULL);
            INSERT INTO threads VALUES ('t1', 'Opaque', 'b2:a', NULL, NULL);
            """)

        #expect(sink.conversation("t1")?.turns.map(\.sourceID) == ["b2:q", "b2:a"])
        #expect(sink.conversation("t1")?.turns.map(\.kind) == [.message, .message])
    }
}
