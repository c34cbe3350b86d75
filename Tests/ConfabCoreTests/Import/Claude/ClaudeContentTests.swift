import Foundation
import Testing
@testable import ConfabCore

@Suite("Claude content")
struct ClaudeContentTests {
    typealias F = ClaudeFixture

    /// Imports a conversation of the given messages and returns it.
    static func conversation(_ messages: [String]) throws -> ImportedConversation {
        let result = try ClaudeFixture.run("[\(F.conversation("c", messages: messages))]")
        #expect(result.problems.isEmpty)
        return try #require(result.single)
    }

    @Test("thinking glued into text stays out of the answer")
    func thinkingGlue() throws {
        let thinking = #"{"start_timestamp":"2025-07-06T03:10:15Z","type":"thinking","thinking":"Let me think.","summaries":[{"summary":"Thinking"}],"cut_off":false}"#
        let conversation = try Self.conversation([
            F.message("a", sender: "assistant", blocks: [thinking, F.textBlock("The answer.")], text: "Let me think.The answer."),
        ])

        #expect(conversation.turns.map(\.sourceID) == ["a#0", "a"])
        #expect(conversation.turns.map(\.text) == ["Let me think.", "The answer."])
        #expect(conversation.turns.map(\.kind) == [.reasoning, .message])
        #expect(conversation.importedTurn("a#0")?.createdAt == TimestampParser.parse("2025-07-06T03:10:15Z"))
        #expect(conversation.importedTurn("a")?.rawPayloadJSON == nil)
    }

    struct TextCase: CustomTestStringConvertible, Sendable {
        let name: String
        let message: String
        let text: String
        var testDescription: String { name }
    }

    @Test("text from blocks or the text field", arguments: [
        TextCase(name: "content missing", message: #"{"uuid":"m","sender":"human","text":"old export"}"#, text: "old export"),
        TextCase(name: "content empty", message: #"{"uuid":"m","sender":"human","text":"fallback","content":[]}"#, text: "fallback"),
        TextCase(name: "content null", message: #"{"uuid":"m","sender":"human","text":"fallback","content":null}"#, text: "fallback"),
        TextCase(name: "only empty text block", message: #"{"uuid":"m","sender":"assistant","text":"","content":[{"type":"text","text":""}]}"#, text: ""),
        TextCase(name: "content beats text", message: #"{"uuid":"m","sender":"human","text":"stale copy","content":[{"type":"text","text":"real"}]}"#, text: "real"),
        TextCase(name: "split text blocks joined", message: #"{"uuid":"m","sender":"assistant","content":[{"type":"text","text":"Tides are "},{"type":"text","text":"caused by the Moon."}]}"#, text: "Tides are caused by the Moon."),
        TextCase(name: "content as a string", message: #"{"uuid":"m","sender":"human","content":"plain string"}"#, text: "plain string"),
        TextCase(name: "unknown block", message: #"{"uuid":"m","sender":"assistant","content":[{"type":"text","text":"Look:"},{"type":"voice_note","title":"memo"},{"type":"text","text":"done"}]}"#, text: "Look:\n[unsupported content: voice_note]\ndone"),
        TextCase(name: "no text at all", message: #"{"uuid":"m","sender":"human"}"#, text: ""),
    ])
    func textSources(_ testCase: TextCase) throws {
        let conversation = try Self.conversation([testCase.message])

        #expect(conversation.turns.count == 1)
        #expect(conversation.importedTurn("m")?.text == testCase.text)
    }

    @Test("unknown block kept raw")
    func unknownBlockRaw() throws {
        let conversation = try Self.conversation([
            #"{"uuid":"m","sender":"assistant","content":[{"type":"voice_note","title":"memo","seconds":3.5}]}"#,
        ])
        let raw = try JSONValue.parse(try #require(conversation.importedTurn("m")?.rawPayloadJSON))

        #expect(raw["blocks"] == .array([try JSONValue.parse(#"{"type":"voice_note","title":"memo","seconds":3.5}"#)]))
    }

    @Test("citations kept raw")
    func citations() throws {
        let cited = #"{"type":"text","text":"The Moon.","citations":[{"uuid":"c1","start_index":0,"end_index":9,"details":{"type":"web_search_citation","url":"https://example.com/tides"}}]}"#
        let conversation = try Self.conversation([#"{"uuid":"m","sender":"assistant","content":[{"type":"text","text":"Tides: "},\#(cited)]}"#])
        let turn = try #require(conversation.importedTurn("m"))
        let raw = try JSONValue.parse(try #require(turn.rawPayloadJSON))

        #expect(turn.text == "Tides: The Moon.")
        #expect(raw["blocks"]?.arrayValue?.count == 1)
        #expect(raw["blocks"]?.arrayValue?.first?["citations"]?.arrayValue?.first?["details"]?["url"]?.stringValue == "https://example.com/tides")
    }

    @Test("tool use and result become their own turns")
    func toolTurns() throws {
        let toolUse = #"{"type":"tool_use","id":"toolu_1","name":"artifacts","input":{"id":"app","type":"application/vnd.ant.react","title":"Counter","command":"create","content":"export default () => 1"}}"#
        let toolResult = #"{"type":"tool_result","tool_use_id":"toolu_1","name":"artifacts","content":[{"type":"text","text":"OK"},{"type":"knowledge","title":"Doc","url":"https://example.com"},{"type":"local_resource","path":"x"}],"is_error":false}"#
        let conversation = try Self.conversation([
            F.message("a", sender: "assistant", blocks: [F.textBlock("Building it."), toolUse, toolResult, F.textBlock("Done.")]),
        ])

        #expect(conversation.turns.map(\.sourceID) == ["a#0", "a#1", "a#2", "a"])
        #expect(conversation.turns.map(\.kind) == [.message, .toolCall, .toolResult, .message])
        #expect(conversation.turns.map(\.role) == [.assistant, .assistant, .tool, .assistant])
        #expect(conversation.turns.map(\.author) == [nil, "artifacts", "artifacts", nil])
        #expect(conversation.importedTurn("a#1")?.text == "Counter\nexport default () => 1")
        #expect(conversation.importedTurn("a#2")?.text == "OK\nDoc\nhttps://example.com\n[unsupported content: local_resource]")

        let callRaw = try JSONValue.parse(try #require(conversation.importedTurn("a#1")?.rawPayloadJSON))
        #expect(callRaw["blocks"]?.arrayValue?.first == (try JSONValue.parse(toolUse)))
    }

    struct InputCase: Sendable {
        let input: String
        let text: String
    }

    @Test("tool input text", arguments: [
        InputCase(input: #"{"query":"tide tables"}"#, text: "tide tables"),
        InputCase(input: #"{"command":"update","title":"Counter","old_str":"1","new_str":"2"}"#, text: "Counter\n2"),
        InputCase(input: #"{"question":"Pick one","options":["a","b"]}"#, text: #"{"question":"Pick one","options":["a","b"]}"#),
        InputCase(input: "null", text: ""),
    ])
    func toolInput(_ testCase: InputCase) throws {
        #expect(ClaudeToolBlock.inputText(try JSONValue.parse(testCase.input)) == testCase.text)
    }

    @Test("attachments and files become placeholders")
    func attachments() throws {
        let attachments = #"[{"file_name":"notes.txt","file_size":120,"file_type":"txt","extracted_content":"line one"},{"file_name":"","file_size":5,"file_type":"application/pdf","extracted_content":""}]"#
        let files = #"[{"file_name":"notes.txt"},{"file_kind":"image","file_uuid":"f-1","file_name":"photo.png"},{"file_kind":"blob","file_uuid":"f-2"}]"#
        let conversation = try Self.conversation([
            F.message("m", sender: "human", blocks: [F.textBlock("Summarise these.")], attachments: attachments, files: files),
        ])
        let turn = try #require(conversation.importedTurn("m"))

        #expect(turn.text == "[file: notes.txt]\n[file]\n[image: photo.png]\n[file]\nSummarise these.")
        #expect(turn.attachments == [
            ImportedAttachment(name: "notes.txt", sizeBytes: 120),
            ImportedAttachment(mimeType: "application/pdf", sizeBytes: 5),
            ImportedAttachment(name: "photo.png", reference: "f-1"),
            ImportedAttachment(reference: "f-2"),
        ])
        let raw = try JSONValue.parse(try #require(turn.rawPayloadJSON))
        #expect(raw["attachments"]?.arrayValue?.count == 1)
        #expect(raw["attachments"]?.arrayValue?.first?["extracted_content"]?.stringValue == "line one")
    }

    struct SenderCase: Sendable {
        let sender: String
        let role: Role
        let author: String?
    }

    @Test("sender vocabulary", arguments: [
        SenderCase(sender: "human", role: .user, author: nil),
        SenderCase(sender: "assistant", role: .assistant, author: nil),
        SenderCase(sender: "user", role: .user, author: nil),
        SenderCase(sender: "system", role: .system, author: nil),
        SenderCase(sender: "moderator", role: .system, author: "moderator"),
    ])
    func senders(_ testCase: SenderCase) throws {
        let conversation = try Self.conversation([F.message("m", sender: testCase.sender, blocks: [F.textBlock("x")])])

        #expect(conversation.importedTurn("m")?.role == testCase.role)
        #expect(conversation.importedTurn("m")?.author == testCase.author)
    }

    @Test("ISO times with Z, offset and none")
    func isoTimes() throws {
        let conversation = try Self.conversation([
            F.message("z", sender: "human", blocks: [F.textBlock("a")], createdAt: "2025-07-06T03:10:13.609691Z"),
            F.message("offset", sender: "human", blocks: [F.textBlock("b")], createdAt: "2025-07-06T03:10:13.609691+00:00"),
            F.message("bare", sender: "human", blocks: [F.textBlock("c")], createdAt: "2025-07-06T03:10:13.609691"),
            F.message("bad", sender: "human", blocks: [#"{"type":"text","text":"d"}"#], createdAt: "yesterday"),
            F.message("block", sender: "human", blocks: [F.textBlock("e")], createdAt: "yesterday"),
        ])
        let expected = Date(timeIntervalSince1970: 1_751_771_413.609691)

        #expect(abs((conversation.importedTurn("z")?.createdAt ?? .distantPast).timeIntervalSince(expected)) < 1e-5)
        #expect(conversation.importedTurn("offset")?.createdAt == conversation.importedTurn("z")?.createdAt)
        #expect(conversation.importedTurn("bare")?.createdAt == conversation.importedTurn("z")?.createdAt)
        #expect(conversation.importedTurn("bad")?.createdAt == nil)
        // Without a message time, the turn takes the block's start_timestamp.
        #expect(conversation.importedTurn("block")?.createdAt == TimestampParser.parse("2025-07-06T03:10:13.605158Z"))
    }
}
