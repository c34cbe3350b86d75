import Foundation
import Testing
@testable import ConfabCore

/// The folder of real export files, or nil when CONFAB_CORPUS is not set.
private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

@Suite("OpenAI chat files")
struct OpenAIChatFileTests {
    private static let plainLine = #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}"#

    @Test(
        "OpenAI toy fine-tuning file",
        .enabled(if: corpusFolder != nil, "set CONFAB_CORPUS to the folder holding formats/openai-chat-jsonl")
    )
    func toyFile() throws {
        let file = try #require(corpusFolder).appendingPathComponent("formats/openai-chat-jsonl/toy_chat_fine_tuning.jsonl")
        let outcome = try OpenAIChatImporter().outcome(reading: file)
        let conversations = outcome.conversations

        #expect(outcome.failure == nil)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.conversationIDs == (1...5).map { "toy_chat_fine_tuning.jsonl:\($0)" })
        #expect(conversations.map(\.turns.count) == [3, 9, 2, 2, 3])

        #expect(conversations[2].turns.map(\.role) == [.user, .assistant])
        #expect(conversations[2].persona == nil)
        #expect(conversations[3].turns.map(\.role) == [.system, .assistant])
        #expect(conversations[3].turns.last?.text == "You're great!")
        #expect(conversations[0].persona?.prompt == "You are a happy assistant that puts a positive spin on everything.")

        let banana = try #require(conversations[4].turns.last)
        #expect(banana.text == String(repeating: "Eat a banana!", count: 2000))
        #expect(banana.text.utf8.count == 26_000)

        let turns = conversations.flatMap(\.turns)
        #expect(turns.allSatisfy { $0.createdAt == nil })
        #expect(turns.allSatisfy { $0.rawPayloadJSON == nil })
        #expect(turns.allSatisfy { $0.kind == .message })
        #expect(conversations.allSatisfy { $0.user == nil })
        #expect(conversations.allSatisfy { $0.createdAt == nil })
        #expect(conversations.allSatisfy { $0.metadataJSON == nil })
        #expect(conversations[1].turns.map(\.sourceID) == (0..<9).map(String.init))
        #expect(conversations[1].turns.map(\.parentSourceID) == [nil] + (0..<8).map(String.init))
        #expect(outcome.sink.progressReports.last?.done == 27_385)
        #expect(outcome.sink.progressReports.last?.total == 27_385)
    }

    @Test(
        "OpenAI toy file imports into a store once",
        .enabled(if: corpusFolder != nil, "set CONFAB_CORPUS to the folder holding formats/openai-chat-jsonl")
    )
    func toyFileStoreImport() throws {
        let file = try #require(corpusFolder).appendingPathComponent("formats/openai-chat-jsonl/toy_chat_fine_tuning.jsonl")
        let folder = try TemporaryDirectory()
        let session = ImportSession(store: try SQLiteStore(path: folder.path("confab.db")))

        let first = try session.run(format: .openaiJSONL, label: file.path) { sink in
            try OpenAIChatImporter().read(file, into: sink)
        }
        #expect(first.summary.newConversations == 5)
        #expect(first.summary.newTurns == 19)

        let second = try session.run(format: .openaiJSONL, label: file.path) { sink in
            try OpenAIChatImporter().read(file, into: sink)
        }
        #expect(second.summary.newConversations == 0)
        #expect(second.summary.unchangedConversations == 5)
    }

    @Test("bad lines, BOM and CRLF")
    func badLinesBOMAndCRLF() throws {
        let lines = [
            OpenAIChatFileTests.plainLine,
            "",
            "not json",
            #"{"messages": "hi"}"#,
            #"{"prompt": "hi", "completion": "there"}"#,
            #"{"messages": [{"content": "no role"}]}"#,
            OpenAIChatFileTests.plainLine,
        ]
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        let outcome = try OpenAIChatFixture.run(text)

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["train.jsonl:1", "train.jsonl:7"])
        #expect(outcome.conversations.first?.turns.map(\.text) == ["hi", "hello"])

        let problems = outcome.problems
        #expect(problems.count == 4)
        #expect(problems.map { $0.location.prefix(while: { $0 != "," }) } == ["line 3", "line 4", "line 5", "line 6"])
        #expect(problems.map(\.field) == [nil, "messages", "messages", "messages[0].role"])
        #expect(problems.map(\.reason).dropFirst() == ["the field is not an array", "the field is missing", "the field is missing"])
        #expect(problems.first?.reason.hasPrefix("invalid JSON: ") == true)

        let lineFourOffset = Array(text.utf8).count - (lines[3...].joined(separator: "\r\n") + "\r\n").utf8.count
        #expect(problems[1].location == "line 4, byte \(lineFourOffset)")
    }

    @Test("broken first line is skipped")
    func brokenFirstLine() throws {
        let text = "{\"messages\": [\n" + OpenAIChatFileTests.plainLine + "\n" + OpenAIChatFileTests.plainLine + "\n"
        let outcome = try OpenAIChatFixture.run(text)

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["train.jsonl:2", "train.jsonl:3"])
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.location.hasPrefix("line 1, byte ") == true)
    }

    @Test("cut last line ends the file early")
    func cutLastLine() throws {
        let text = OpenAIChatFileTests.plainLine + "\n" + OpenAIChatFileTests.plainLine + "\n" + #"{"messages": [{"role": "user", "con"#
        let outcome = try OpenAIChatFixture.run(text)

        #expect(outcome.conversations.count == 2)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.failure == .truncated(
            file: outcome.path, byteOffset: Int64(text.utf8.count), completeConversations: 2,
            detail: "line 3 is cut off: file ends inside a value"))
    }

    @Test("line id replaces the synthesised id")
    func lineID() throws {
        let text = [
            #"{"id": "chat-7", "messages": [{"role": "user", "content": "a"}]}"#,
            #"{"id": 12, "messages": [{"role": "user", "content": "b"}]}"#,
            #"{"id": "", "messages": [{"role": "user", "content": "c"}]}"#,
        ].joined(separator: "\n")
        let outcome = try OpenAIChatFixture.run(text)

        #expect(outcome.conversationIDs == ["chat-7", "12", "train.jsonl:3"])
    }

    @Test("single pretty-printed object")
    func prettyPrintedObject() throws {
        let text = """
        {
          "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "hello"}
          ]
        }
        """
        let outcome = try OpenAIChatFixture.run(text, name: "one.json")

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["one.json:1"])
        #expect(outcome.conversations.first?.turns.count == 2)
    }

    @Test("line-level fields go to metadata")
    func lineMetadata() throws {
        let line = #"{"messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function", "function": {"name": "f"}}], "parallel_tool_calls": false, "metadata": {"split": "train"}, "model": "gpt-4o"}"#
        let conversation = try OpenAIChatFixture.conversation(line)

        #expect(conversation.metadataJSON == #"{"tools":[{"type":"function","function":{"name":"f"}}],"parallel_tool_calls":false,"metadata":{"split":"train"},"model":"gpt-4o"}"#)
        #expect(conversation.model == "gpt-4o")
    }

    @Test("line without messages is skipped", arguments: [
        (#"{"messages": []}"#, "messages", "the line has no messages"),
        (#"[1, 2]"#, nil as String?, "the line is not a JSON object"),
        (#"{"messages": [null]}"#, "messages[0]", "the message is not a JSON object"),
        (#"{"messages": [{"role": 3, "content": "x"}]}"#, "messages[0].role", "the field is not a string"),
        (#"{"input": [], "preferred_output": []}"#, "input", "the field is not a JSON object"),
        (#"{"input": {"messages": [{"role": "user", "content": "x"}]}, "preferred_output": "yes"}"#, "preferred_output", "the field is not an array"),
    ])
    func lineWithoutMessages(line: String, field: String?, reason: String) throws {
        let outcome = try OpenAIChatFixture.run(line + "\n" + OpenAIChatFileTests.plainLine + "\n")

        #expect(outcome.conversationIDs == ["train.jsonl:2"])
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.field == field)
        #expect(outcome.problems.first?.reason == reason)
        #expect(outcome.problems.first?.location == "line 1, byte 0")
    }

    @Test("re-reading gives identical conversations")
    func deterministic() throws {
        let text = OpenAIChatFileTests.plainLine + "\n\n" + OpenAIChatFileTests.plainLine + "\n"
        let first = try OpenAIChatFixture.run(text)
        let second = try OpenAIChatFixture.run(text)

        #expect(first.conversations == second.conversations)
        #expect(first.conversationIDs == ["train.jsonl:1", "train.jsonl:3"])
    }
}
