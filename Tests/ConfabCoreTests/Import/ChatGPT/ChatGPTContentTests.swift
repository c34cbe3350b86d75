import Foundation
import Testing
@testable import ConfabCore

@Suite("ChatGPT content")
struct ChatGPTContentTests {
    typealias F = ChatGPTFixture

    /// Imports one user message with `content` (JSON) and returns its turn.
    static func turn(content: String, role: String = "user", metadata: String = "{}") throws -> ImportedTurn {
        let message = F.message("m", role: role, content: content, metadata: metadata)
        let result = try ChatGPTFixture.run("[\(F.simpleConversation("c", message: message))]")
        #expect(result.problems.isEmpty)
        return try #require(result.single?.importedTurn("m"))
    }

    struct PartsCase: CustomTestStringConvertible, Sendable {
        let name: String
        let content: String
        let text: String
        var testDescription: String { name }
    }

    static let partsCases: [PartsCase] = [
        PartsCase(name: "one empty part", content: #"{"content_type":"text","parts":[""]}"#, text: ""),
        PartsCase(name: "no parts", content: #"{"content_type":"text","parts":[]}"#, text: ""),
        PartsCase(name: "parts missing", content: #"{"content_type":"text"}"#, text: ""),
        PartsCase(name: "text instead of parts", content: #"{"content_type":"text","text":"plain"}"#, text: "plain"),
        PartsCase(name: "two parts", content: #"{"content_type":"text","parts":["a","b"]}"#, text: "a\nb"),
        PartsCase(name: "null and empty parts skipped", content: #"{"content_type":"text","parts":[null,"a","",null]}"#, text: "a"),
        PartsCase(name: "number and boolean parts", content: #"{"content_type":"text","parts":[42,true,"x"]}"#, text: "42\ntrue\nx"),
        PartsCase(name: "array part", content: #"{"content_type":"text","parts":[["x"]]}"#, text: "[unsupported content: array]"),
        PartsCase(name: "content null", content: "null", text: ""),
        PartsCase(name: "CRLF kept", content: #"{"content_type":"text","parts":["a\r\nb"]}"#, text: "a\r\nb"),
    ]

    @Test("parts shapes", arguments: partsCases)
    func partsShapes(_ testCase: PartsCase) throws {
        let turn = try Self.turn(content: testCase.content)
        #expect(turn.text == testCase.text)
    }

    @Test("lossy parts keep the content raw")
    func rawForUnrenderedParts() throws {
        let plain = try Self.turn(content: #"{"content_type":"text","parts":["a"]}"#)
        let withArray = try Self.turn(content: #"{"content_type":"text","parts":[["x"]]}"#)

        #expect(plain.rawPayloadJSON == nil)
        #expect(withArray.rawPayloadJSON == #"{"content_type":"text","parts":[["x"]]}"#)
    }

    @Test("multimodal image and audio pointers")
    func multimodal() throws {
        let content = """
            {"content_type":"multimodal_text","parts":[
              {"content_type":"image_asset_pointer","asset_pointer":"file-service://file-abc","size_bytes":1234,"width":10,"height":20},
              "what is this?",
              {"content_type":"audio_transcription","text":"spoken words","direction":"in"},
              {"content_type":"audio_asset_pointer","asset_pointer":"sediment://file_def","size_bytes":99,"format":"wav"},
              {"content_type":"real_time_user_audio_video_asset_pointer","audio_asset_pointer":{"content_type":"audio_asset_pointer","asset_pointer":"sediment://file_rt","format":"wav"},"frames_asset_pointers":[]}
            ]}
            """
        let turn = try Self.turn(content: content)

        #expect(turn.text == "[image]\nwhat is this?\nspoken words\n[audio]\n[audio]")
        #expect(turn.attachments == [
            ImportedAttachment(sizeBytes: 1234, reference: "file-service://file-abc"),
            ImportedAttachment(mimeType: "audio/wav", sizeBytes: 99, reference: "sediment://file_def"),
            ImportedAttachment(mimeType: "audio/wav", reference: "sediment://file_rt"),
        ])
        let raw = try JSONValue.parse(try #require(turn.rawPayloadJSON))
        #expect(raw["parts"]?.arrayValue?.count == 5)
        #expect(raw["content_type"]?.stringValue == "multimodal_text")
    }

    @Test("uploads named by metadata.attachments")
    func uploadedFiles() throws {
        let content = #"{"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"file-service://file-img"},"see both"]}"#
        let metadata = #"{"attachments":[{"id":"file-img","name":"photo.png","size":500,"mime_type":"image/png"},{"id":"file-doc","name":"notes.pdf","size":800,"mime_type":"application/pdf"}]}"#
        let turn = try Self.turn(content: content, metadata: metadata)

        #expect(turn.text == "[file: notes.pdf]\n[image]\nsee both")
        #expect(turn.attachments == [
            ImportedAttachment(name: "photo.png", mimeType: "image/png", sizeBytes: 500, reference: "file-service://file-img"),
            ImportedAttachment(name: "notes.pdf", mimeType: "application/pdf", sizeBytes: 800, reference: "file-doc"),
        ])
    }

    struct TypeCase: CustomTestStringConvertible, Sendable {
        let contentType: String
        let content: String
        let role: String
        let text: String
        let kind: TurnKind
        let keepsRaw: Bool
        var testDescription: String { contentType }
    }

    static let typeCases: [TypeCase] = [
        TypeCase(contentType: "execution_output", content: #"{"content_type":"execution_output","text":"1/3"}"#,
                 role: "tool", text: "1/3", kind: .toolResult, keepsRaw: false),
        TypeCase(contentType: "tether_browsing_display", content: #"{"content_type":"tether_browsing_display","result":"","summary":"page summary","assets":[]}"#,
                 role: "tool", text: "page summary", kind: .toolResult, keepsRaw: true),
        TypeCase(contentType: "tether_quote", content: #"{"content_type":"tether_quote","url":"https://example.com","domain":"example.com","title":"Example","text":"quoted"}"#,
                 role: "tool", text: "Example\nhttps://example.com\nquoted", kind: .toolResult, keepsRaw: false),
        TypeCase(contentType: "sonic_webpage", content: #"{"content_type":"sonic_webpage","url":"https://example.org","title":"Page","text":"body"}"#,
                 role: "tool", text: "Page\nhttps://example.org\nbody", kind: .toolResult, keepsRaw: true),
        TypeCase(contentType: "system_error from tool", content: #"{"content_type":"system_error","name":"TimeoutError","text":"took too long"}"#,
                 role: "tool", text: "TimeoutError: took too long", kind: .toolResult, keepsRaw: false),
        TypeCase(contentType: "system_error from assistant", content: #"{"content_type":"system_error","name":"","text":"generation failed"}"#,
                 role: "assistant", text: "generation failed", kind: .error, keepsRaw: false),
        TypeCase(contentType: "thoughts", content: #"{"content_type":"thoughts","thoughts":[{"summary":"Plan","content":"Check the units.","chunks":[],"finished":true},{"summary":"Answer","content":"","finished":true}],"source_analysis_msg_id":"x"}"#,
                 role: "assistant", text: "Plan\nCheck the units.\n\nAnswer", kind: .reasoning, keepsRaw: true),
        TypeCase(contentType: "reasoning_recap", content: #"{"content_type":"reasoning_recap","content":"Thought for 7s"}"#,
                 role: "assistant", text: "Thought for 7s", kind: .reasoning, keepsRaw: false),
        TypeCase(contentType: "user_editable_context", content: #"{"content_type":"user_editable_context","user_profile":"I teach maths.","user_instructions":"Be brief."}"#,
                 role: "user", text: "I teach maths.\n\nBe brief.", kind: .hidden, keepsRaw: false),
        TypeCase(contentType: "model_editable_context", content: #"{"content_type":"model_editable_context","model_set_context":"1. Likes tea.","repository":null,"repo_summary":null}"#,
                 role: "assistant", text: "1. Likes tea.", kind: .hidden, keepsRaw: false),
        TypeCase(contentType: "code to all", content: #"{"content_type":"code","language":"python","text":"print(1)"}"#,
                 role: "assistant", text: "print(1)", kind: .message, keepsRaw: false),
        TypeCase(contentType: "unknown type", content: #"{"content_type":"computer_output","computer_id":"c1","screenshot":{"asset_pointer":"sediment://s"},"state":{"n":1.5}}"#,
                 role: "tool", text: "[unsupported content: computer_output]", kind: .toolResult, keepsRaw: true),
        TypeCase(contentType: "content_type missing", content: #"{"parts":["x"]}"#,
                 role: "assistant", text: "[unsupported content]", kind: .message, keepsRaw: true),
    ]

    @Test("content types", arguments: typeCases)
    func contentTypes(_ testCase: TypeCase) throws {
        let turn = try Self.turn(content: testCase.content, role: testCase.role)

        #expect(turn.text == testCase.text)
        #expect(turn.kind == testCase.kind)
        #expect((turn.rawPayloadJSON != nil) == testCase.keepsRaw)
        if let raw = turn.rawPayloadJSON {
            #expect(try JSONValue.parse(raw) == JSONValue.parse(testCase.content))
        }
    }

    @Test("unknown type raw text parses back")
    func unknownTypeRoundTrip() throws {
        let content = #"{"content_type":"super_widget","widget":{"items":[1,2.5,"three",null,true],"label":"ünïcödé \"quoted\""}}"#
        let turn = try Self.turn(content: content, role: "assistant")
        let raw = try #require(turn.rawPayloadJSON)

        #expect(turn.text == Placeholder.unsupported("super_widget"))
        #expect(try JSONValue.parse(raw) == JSONValue.parse(content))
        #expect(try JSONValue.parse(raw)["widget"]?["label"]?.stringValue == "ünïcödé \"quoted\"")
    }

    @Test("citation markers stripped")
    func citationMarkers() throws {
        let text = "See the report\u{E200}filecite\u{E202}turn0file0\u{E201} and the page\u{E200}cite\u{E202}turn1search3\u{E201}."
        let turn = try Self.turn(content: "{\"content_type\":\"text\",\"parts\":[\(F.quoted(text))]}", role: "assistant")

        #expect(turn.text == "See the report and the page.")
    }

    struct MarkerCase: Sendable {
        let input: String
        let output: String
    }

    @Test("citation marker edge cases", arguments: [
        MarkerCase(input: "plain", output: "plain"),
        MarkerCase(input: "a\u{E200}open without end", output: "aopen without end"),
        MarkerCase(input: "stray\u{E201} end\u{E202} separator", output: "stray end separator"),
        MarkerCase(input: "\u{E200}x\u{E202}y\u{E201}", output: ""),
        MarkerCase(input: "emoji 👩‍👩‍👧\u{E200}c\u{E201} kept", output: "emoji 👩‍👩‍👧 kept"),
    ])
    func markerEdgeCases(_ testCase: MarkerCase) {
        #expect(ChatGPTCitationMarkers.strip(testCase.input) == testCase.output)
    }

    @Test("content of the wrong type skips the conversation")
    func contentWrongType() throws {
        let bad = F.simpleConversation("bad", message: F.message("m", role: "user", content: #""just a string""#))
        let good = F.simpleConversation("good", message: F.textMessage("m", role: "user", text: "fine"))
        let result = try ChatGPTFixture.run("[\(bad),\(good)]")

        #expect(result.conversations.map(\.sourceID) == ["good"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.field == "mapping.m.message.content")
        #expect(result.problems.first?.conversationID == "bad")
    }
}
