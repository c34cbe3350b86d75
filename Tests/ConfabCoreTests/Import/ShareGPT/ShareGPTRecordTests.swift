import Foundation
import Testing
@testable import ConfabCore

@Suite("ShareGPT records and turns")
struct ShareGPTRecordTests {
    @Test("speaker mapping", arguments: [
        ("human", Role.user, TurnKind.message, nil as String?, true),
        ("user", .user, .message, nil, true),
        ("Human", .user, .message, nil, true),
        ("gpt", .assistant, .message, nil, true),
        ("assistant", .assistant, .message, nil, true),
        ("chatgpt", .assistant, .message, "chatgpt", true),
        ("bing", .assistant, .message, "bing", true),
        ("bard", .assistant, .message, "bard", true),
        ("system", .system, .message, nil, true),
        ("function_call", .assistant, .toolCall, "function_call", true),
        ("observation", .tool, .toolResult, "observation", true),
        ("function", .tool, .toolResult, "function", true),
        ("tool", .tool, .toolResult, "tool", true),
        ("narrator", .user, .message, "narrator", false),
        ("", .user, .message, nil, false),
    ])
    func speakerMapping(from: String, role: Role, kind: TurnKind, author: String?, isKnown: Bool) {
        let speaker = ShareGPTSpeaker(from: from)
        #expect(speaker.role == role)
        #expect(speaker.kind == kind)
        #expect(speaker.author == author)
        #expect(speaker.isKnown == isKnown)
    }

    @Test("turns keep text, order and roles")
    func turnsKeepText() throws {
        let record = ShareGPTFixture.record("abc", [
            ("gpt", "starts with the model"),
            ("gpt", "twice in a row"),
            ("human", ""),
            ("system", "a system turn"),
            ("bing", "from Bing"),
        ], model: "gpt-4")
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array([record]))
        let conversation = try #require(outcome.conversations.first)

        #expect(conversation.turns.map(\.text) == ["starts with the model", "twice in a row", "", "a system turn", "from Bing"])
        #expect(conversation.turns.map(\.role) == [.assistant, .assistant, .user, .system, .assistant])
        #expect(conversation.turns.map(\.author) == [nil, nil, nil, nil, "bing"])
        #expect(conversation.turns.map(\.model) == ["gpt-4", "gpt-4", nil, nil, "gpt-4"])
        #expect(conversation.model == "gpt-4")
        #expect(conversation.user == nil)
        #expect(conversation.createdAt == nil)
        #expect(conversation.turns.allSatisfy { $0.createdAt == nil })
        #expect(conversation.persona == nil)
    }

    @Test("empty model is no model")
    func emptyModel() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array([ShareGPTFixture.record("abc", [("human", "hi")], model: "")]))
        #expect(outcome.conversations.first?.model == nil)
    }

    @Test("opening system turn becomes the persona")
    func systemPersona() throws {
        let records = [
            ShareGPTFixture.record("a", [("system", "You are terse."), ("human", "hi")]),
            #"{"id": "b", "system": "Answer in French.", "tools": "[]", "conversations": [{"from": "human", "value": "hi"}]}"#,
        ]
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(records))

        #expect(outcome.conversations[0].persona == ImportedPersona(kind: .systemPrompt, prompt: "You are terse."))
        #expect(outcome.conversations[1].persona == ImportedPersona(kind: .systemPrompt, prompt: "Answer in French."))
        #expect(outcome.conversations[1].turns.map(\.sourceID) == ["system", "0"])
        #expect(outcome.conversations[1].turns.first?.role == .system)
        #expect(outcome.conversations[1].metadataJSON == #"{"fields":{"tools":"[]"}}"#)
    }

    @Test("unknown speaker is kept with a warning")
    func unknownSpeaker() throws {
        let record = ShareGPTFixture.record("abc", [("narrator", "Once upon a time"), ("narrator", "The end"), ("gpt", "Nice")])
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array([record]))
        let conversation = try #require(outcome.conversations.first)

        #expect(conversation.turns.count == 3)
        #expect(conversation.turns[0].role == .user)
        #expect(conversation.turns[0].author == "narrator")
        #expect(conversation.warnings == [#"turns from the unknown speaker "narrator" were read as user turns"#])
        #expect(outcome.problems.isEmpty)
    }

    @Test("tool results name the called function")
    func toolResultAuthor() throws {
        let record = ShareGPTFixture.record("abc", [
            ("human", "Weather in Paris?"),
            ("function_call", #"{"name": "get_weather", "arguments": {"city": "Paris"}}"#),
            ("observation", #"{"temperature": 21}"#),
            ("gpt", "It is 21 degrees."),
        ])
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array([record]))
        let turns = try #require(outcome.conversations.first).turns

        #expect(turns[1].role == .assistant)
        #expect(turns[1].kind == .toolCall)
        #expect(turns[2].role == .tool)
        #expect(turns[2].kind == .toolResult)
        #expect(turns[2].author == "get_weather")
    }

    @Test("extra turn fields are kept raw")
    func extraTurnFields() throws {
        let text = #"[{"id": "a", "conversations": [{"from": "gpt", "value": "hi", "weight": 0}]}]"#
        let outcome = try ShareGPTFixture.run(text)
        #expect(outcome.conversations.first?.turns.first?.rawPayloadJSON == #"{"weight":0}"#)
    }

    @Test("invalid record is skipped", arguments: [
        (#"{"id": "bad", "items": []}"#, "conversations", "the field is missing"),
        (#"{"id": "bad", "conversations": {"from": "human"}}"#, "conversations", "the field is not an array"),
        (#"{"id": "bad", "conversations": [{"from": "human", "value": "a"}, "text"]}"#, "conversations[1]", "the turn is not a JSON object"),
        (#"{"id": "bad", "conversations": [{"value": "a"}]}"#, "conversations[0].from", "the field is missing"),
        (#"{"id": "bad", "conversations": [{"from": 1, "value": "a"}]}"#, "conversations[0].from", "the field is not a string"),
        (#"{"id": "bad", "conversations": [{"from": "gpt", "value": "a"}, {"from": "human"}]}"#, "conversations[1].value", "the field is missing"),
        (#"{"id": "bad", "conversations": [{"from": "gpt", "value": null}]}"#, "conversations[0].value", "the field is not a string"),
        (#"{"id": "bad", "conversations": [{"from": "gpt", "value": ["a"]}]}"#, "conversations[0].value", "the field is not a string"),
    ])
    func invalidRecord(record: String, field: String, reason: String) throws {
        let before = ShareGPTFixture.part("before")
        let after = ShareGPTFixture.part("after")
        let text = "[" + before + ",\n" + record + ",\n" + after + "]"
        let outcome = try ShareGPTFixture.run(text)

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["before", "after"])
        #expect(outcome.problems.count == 1)
        let problem = try #require(outcome.problems.first)
        #expect(problem.conversationID == "bad")
        #expect(problem.field == field)
        #expect(problem.reason == reason)
        #expect(problem.location == "line 2, byte \(before.utf8.count + 3)")
        #expect(problem.file.hasSuffix("sample.json"))
    }

    @Test("record that is not an object is skipped")
    func recordNotObject() throws {
        let text = "[" + ShareGPTFixture.part("X_0") + ", 42, " + ShareGPTFixture.part("X_1") + "]"
        let outcome = try ShareGPTFixture.run(text)

        #expect(outcome.conversationIDs == ["X"])
        #expect(outcome.conversations.first?.warnings.isEmpty == true)
        #expect(outcome.problems.map(\.reason) == ["the record is not a JSON object"])
        #expect(outcome.problems.first?.conversationID == nil)
    }

    @Test("numeric id is read as text")
    func numericID() throws {
        let outcome = try ShareGPTFixture.run(#"[{"id": 17, "conversations": [{"from": "human", "value": "hi"}]}]"#)
        #expect(outcome.conversationIDs == ["17"])
    }

    @Test("JSON Lines with a bad line")
    func jsonLinesWithBadLine() throws {
        let text = ShareGPTFixture.part("X_0") + "\n{\"id\": \"X_1\", oops\n" + ShareGPTFixture.part("X_2") + "\n"
        let outcome = try ShareGPTFixture.run(text, name: "dump.jsonl")

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["X"])
        #expect(outcome.conversations.first?.turns.map(\.sourceID) == ["0:0", "0:1", "missing:1-1", "2:0", "2:1"])
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.location.hasPrefix("line 2, byte ") == true)
    }

    @Test("broken first line of JSON Lines")
    func brokenFirstLine() throws {
        let text = "{\"id\": \"X_0\", \n" + ShareGPTFixture.part("Y_0") + "\n" + ShareGPTFixture.part("Z_0") + "\n"
        let outcome = try ShareGPTFixture.run(text, name: "dump.jsonl")

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["Y", "Z"])
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.location.hasPrefix("line 1, byte ") == true)
    }

    @Test("single record object")
    func singleRecord() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.part("solo"))
        #expect(outcome.conversationIDs == ["solo"])
    }

    @Test("invalid UTF-8 is repaired and counted")
    func invalidUTF8() throws {
        var bytes = Array(#"[{"id": "u", "conversations": [{"from": "human", "value": "caf"#.utf8)
        bytes += [0xE9]
        bytes += Array(#""}]}]"#.utf8)
        let outcome = try ShareGPTFixture.run(bytes: bytes)

        #expect(outcome.conversations.first?.turns.first?.text == "caf\u{FFFD}")
        #expect(outcome.sink.textRepairs == TextRepairs(invalidUTF8: 1, loneSurrogates: 0))
    }

    @Test("re-reading gives identical conversations")
    func deterministic() throws {
        let text = ShareGPTFixture.array(["X_3", "X_1", "Y_0", "my_id", "X_0"].map(ShareGPTFixture.part))
        let first = try ShareGPTFixture.run(text)
        let second = try ShareGPTFixture.run(text)
        #expect(first.conversations == second.conversations)
    }
}
