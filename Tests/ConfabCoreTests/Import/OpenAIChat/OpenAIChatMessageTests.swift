import Foundation
import Testing
@testable import ConfabCore

@Suite("OpenAI chat messages")
struct OpenAIChatMessageTests {
    /// A 1x1 PNG, base64-encoded (68 bytes decoded).
    private static let pngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNkAAIAAAoAAv/lxKUAAAAASUVORK5CYII="

    @Test("roles map to Confab roles", arguments: [
        ("system", Role.system, TurnKind.message, nil as String?),
        ("developer", .system, .message, "developer"),
        ("user", .user, .message, nil),
        ("assistant", .assistant, .message, nil),
        ("tool", .tool, .toolResult, nil),
        ("function", .tool, .toolResult, nil),
        ("critic", .user, .message, "critic"),
    ])
    func roles(role: String, expectedRole: Role, kind: TurnKind, author: String?) throws {
        let line = #"{"messages": [{"role": "\#(role)", "content": "text"}]}"#
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.role == expectedRole)
        #expect(turn.kind == kind)
        #expect(turn.author == author)
        #expect(turn.text == "text")
    }

    @Test("unknown role adds a warning")
    func unknownRoleWarning() throws {
        let line = #"{"messages": [{"role": "critic", "content": "a"}, {"role": "critic", "content": "b"}]}"#
        let conversation = try OpenAIChatFixture.conversation(line)

        #expect(conversation.warnings == [#"messages with the unknown role "critic" were read as user turns"#])
    }

    @Test("developer message becomes the persona")
    func developerPersona() throws {
        let line = #"{"messages": [{"role": "developer", "content": "Be brief."}, {"role": "user", "content": "hi"}]}"#
        let conversation = try OpenAIChatFixture.conversation(line)

        #expect(conversation.persona == ImportedPersona(kind: .systemPrompt, prompt: "Be brief."))
    }

    @Test("content parts become text and placeholders")
    func contentParts() throws {
        let line = #"""
        {"messages": [{"role": "user", "content": [
          {"type": "text", "text": "What is in these?"},
          {"type": "image_url", "image_url": {"url": "https://example.com/pics/cat.png", "detail": "low"}},
          {"type": "input_audio", "input_audio": {"data": "UklGRiQAAABXQVZF", "format": "wav"}},
          {"type": "file", "file": {"filename": "notes.pdf", "file_id": "file-abc"}},
          {"type": "computer_screenshot", "id": 4},
          {"type": "text", "text": "Thanks."}
        ]}]}
        """#.replacingOccurrences(of: "\n", with: "")
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.text == "What is in these?\n[image: cat.png]\n[audio]\n[file: notes.pdf]\n[unsupported content: computer_screenshot]\nThanks.")
        #expect(turn.attachments == [
            ImportedAttachment(name: "cat.png", reference: "https://example.com/pics/cat.png"),
            ImportedAttachment(mimeType: "audio/wav", sizeBytes: 12),
            ImportedAttachment(name: "notes.pdf", reference: "file-abc"),
        ])
        let raw = try #require(turn.rawPayloadJSON)
        #expect(raw.contains("computer_screenshot"))
        #expect(!raw.contains("UklGRiQAAABXQVZF"))
        #expect(raw.contains(#""input_audio":{"data":"…","format":"wav"}"#))
    }

    @Test("text-only parts need no raw payload")
    func textOnlyParts() throws {
        let line = #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]}]}"#
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.text == "one\ntwo")
        #expect(turn.rawPayloadJSON == nil)
        #expect(turn.attachments.isEmpty)
    }

    @Test("data URI payload is never stored")
    func dataURINeverStored() throws {
        let dataURI = "data:image/png;base64," + OpenAIChatMessageTests.pngBase64
        let line = #"""
        {"messages": [{"role": "user", "content": [
          {"type": "image_url", "image_url": {"url": "\#(dataURI)"}},
          {"type": "file", "file": {"filename": "scan.pdf", "file_data": "data:application/pdf;base64,JVBERi0xLjQK"}}
        ]}], "metadata": {"preview": "\#(dataURI)"}}
        """#.replacingOccurrences(of: "\n", with: "")
        let conversation = try OpenAIChatFixture.conversation(line)
        let turn = try #require(conversation.turns.first)

        #expect(turn.text == "[image]\n[file: scan.pdf]")
        #expect(turn.attachments == [
            ImportedAttachment(mimeType: "image/png", sizeBytes: 68, reference: "image/png"),
            ImportedAttachment(name: "scan.pdf", mimeType: "application/pdf", sizeBytes: 9, reference: "application/pdf"),
        ])

        let stored = [turn.text, turn.rawPayloadJSON ?? "", conversation.metadataJSON ?? ""]
            + turn.attachments.flatMap { [$0.name ?? "", $0.reference ?? "", $0.mimeType ?? ""] }
        for text in stored {
            #expect(!text.contains("iVBORw0KGgo"), "\(text)")
            #expect(!text.contains("JVBERi0xLjQK"), "\(text)")
        }
        #expect(turn.rawPayloadJSON?.contains(#""url":"data:image/png;base64,…""#) == true)
        #expect(conversation.metadataJSON == #"{"metadata":{"preview":"data:image/png;base64,…"}}"#)
    }

    @Test("data URI header parsing", arguments: [
        ("data:image/png;base64,AAAA", "image/png", true, 3),
        ("data:image/jpeg;base64,AAA=", "image/jpeg", true, 2),
        ("data:image/jpeg;base64,AA==", "image/jpeg", true, 1),
        ("data:image/jpeg;base64,AAAAAA", "image/jpeg", true, 4),
        ("DATA:Image/GIF;BASE64,", "image/gif", true, 0),
        ("data:,Hello%2C%20World", "text/plain", false, 16),
        ("data:text/plain;charset=utf-8,hi", "text/plain", false, 2),
    ])
    func dataURIHeader(text: String, mimeType: String, isBase64: Bool, decodedSize: Int) throws {
        let dataURI = try #require(DataURI(text))
        #expect(dataURI.mimeType == mimeType)
        #expect(dataURI.isBase64 == isBase64)
        #expect(dataURI.decodedSize == decodedSize)
        #expect(dataURI.redacted.hasSuffix(",…"))
    }

    @Test("not data URIs", arguments: ["https://example.com/a.png", "data:image/png;base64", "dat", ""])
    func notDataURIs(text: String) {
        #expect(DataURI(text) == nil)
    }

    @Test("tool calls and their results")
    func toolCalls() throws {
        let line = #"""
        {"messages": [
          {"role": "user", "content": "Weather in Paris and Oslo?"},
          {"role": "assistant", "content": null, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}},
            {"id": "call_2", "type": "function", "function": {"name": "get_time", "arguments": "\"{\\\"city\\\": \\\"Oslo\\\"}\""}}
          ]},
          {"role": "tool", "tool_call_id": "call_1", "content": "21 C"},
          {"role": "tool", "tool_call_id": "call_2", "content": "14:00"},
          {"role": "tool", "tool_call_id": "call_9", "content": "orphan"},
          {"role": "assistant", "content": "Paris is warm."}
        ]}
        """#.replacingOccurrences(of: "\n", with: "")
        let turns = try OpenAIChatFixture.conversation(line).turns

        #expect(turns[1].role == .assistant)
        #expect(turns[1].kind == .toolCall)
        #expect(turns[1].text == "get_weather({\"city\":\"Paris\"})\nget_time({\"city\":\"Oslo\"})")
        #expect(turns[1].rawPayloadJSON?.contains("call_1") == true)

        #expect(turns[2].kind == .toolResult)
        #expect(turns[2].author == "get_weather")
        #expect(turns[3].author == "get_time")
        #expect(turns[4].author == nil)
        #expect(turns[5].kind == .message)
    }

    @Test("argument decoding", arguments: [
        (#""{\"a\": 1}""#, #"{"a":1}"#),
        (#""\"{\\\"a\\\": 1}\"""#, #"{"a":1}"#),
        (#""not json""#, "not json"),
        (#"{"a": [1, 2]}"#, #"{"a":[1,2]}"#),
        (#""""#, ""),
        ("null", "null"),
    ])
    func argumentDecoding(arguments: String, display: String) throws {
        let value = try JSONValue.parse(arguments)
        #expect(OpenAIChatToolCall.decodedArguments(value) == display)
    }

    @Test("prose before tool calls is kept")
    func proseWithToolCalls() throws {
        let line = #"{"messages": [{"role": "assistant", "content": "Let me check.", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}]}]}"#
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.kind == .toolCall)
        #expect(turn.text == "Let me check.\nlookup({})")
    }

    @Test("legacy function call and function result")
    func legacyFunctionCall() throws {
        let line = #"{"messages": [{"role": "assistant", "content": null, "function_call": {"name": "lookup", "arguments": "{\"q\": \"x\"}"}}, {"role": "function", "name": "lookup", "content": "found"}]}"#
        let turns = try OpenAIChatFixture.conversation(line).turns

        #expect(turns[0].kind == .toolCall)
        #expect(turns[0].text == #"lookup({"q":"x"})"#)
        #expect(turns[1].role == .tool)
        #expect(turns[1].author == "lookup")
        #expect(turns[1].text == "found")
    }

    @Test("refusal text is shown")
    func refusal() throws {
        let line = #"{"messages": [{"role": "assistant", "content": null, "refusal": "I can't help with that."}]}"#
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.text == "I can't help with that.")
        #expect(turn.kind == .message)
    }

    @Test("weight and name are kept raw")
    func weightKept() throws {
        let line = #"{"messages": [{"role": "user", "name": "ana", "content": "hi"}, {"role": "assistant", "content": "old answer", "weight": 0}]}"#
        let turns = try OpenAIChatFixture.conversation(line).turns

        #expect(turns[0].author == "ana")
        #expect(turns[0].rawPayloadJSON == #"{"name":"ana"}"#)
        #expect(turns[1].rawPayloadJSON == #"{"weight":0}"#)
        #expect(turns[1].text == "old answer")
    }

    @Test("assistant audio shows its transcript")
    func assistantAudio() throws {
        let line = #"{"messages": [{"role": "assistant", "content": null, "audio": {"id": "audio_1", "data": "UklGRg==", "transcript": "Hello there"}}]}"#
        let turn = try #require(try OpenAIChatFixture.conversation(line).turns.first)

        #expect(turn.text == "[audio]\nHello there")
        #expect(turn.rawPayloadJSON == #"{"audio":{"id":"audio_1","data":"…","transcript":"Hello there"}}"#)
    }
}
