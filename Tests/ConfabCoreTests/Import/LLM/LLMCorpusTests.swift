import Foundation
import Testing
@testable import ConfabCore

/// The real llm 0.27.1 logs.db in the corpus folder named by CONFAB_CORPUS.
enum LLMCorpusSample {
    static var file: URL? {
        guard let corpus = ProcessInfo.processInfo.environment["CONFAB_CORPUS"], !corpus.isEmpty else { return nil }
        return URL(fileURLWithPath: corpus).appendingPathComponent("formats/llm-logs-db/logs-llm-0.27.1.db")
    }
}

/// The real llm 0.27.1 sample (6 conversations, 9 responses). Expected values were counted with
/// the sqlite3 shell on the file.
@Suite(.enabled(if: LLMCorpusSample.file != nil, "CONFAB_CORPUS is not set, so the real llm sample is unavailable"))
struct LLMCorpusTests {
    private func importSample() throws -> RecordingSink {
        try LLMImporter().recordedSink(reading: try #require(LLMCorpusSample.file))
    }

    @Test func sampleIsDetected() throws {
        let probe = try FormatProbe.read(try #require(LLMCorpusSample.file))
        #expect(LLMImporter.matches(probe))
        #expect(!OpenWebUIImporter.matches(probe))
    }

    @Test func sampleCounts() throws {
        let sink = try importSample()
        #expect(sink.conversations.count == 6)
        #expect(sink.turnCount == 20)
        #expect(sink.problems.isEmpty)
        #expect(sink.textRepairs.invalidUTF8 == 0)
        #expect(sink.progressReports.last.map { [$0.done, $0.total] } == [9, 9])
    }

    @Test func systemPromptAndContinuations() throws {
        let sink = try importSample()
        let conversation = try #require(sink.conversation("01m918trcdfbaaxtb5mswzrgsp"))

        #expect(conversation.title == "Hello from the Confab fixture")
        #expect(conversation.model == "echo")
        #expect(conversation.persona == ImportedPersona(kind: .systemPrompt, prompt: "You are terse."))
        #expect(conversation.turns.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user, .assistant])
        #expect(conversation.turns.first?.sourceID == "01m918trcdfbaaxtb5mswzrgsn:system")
        #expect(conversation.turns.first?.kind == .message)
        #expect(conversation.turns.first?.parentSourceID == nil)
        let mixedScripts = "Third turn: 日本語のテスト 🎉 naïve café — Ünïcödé ✓ 中文搜索 한국어"
        #expect(conversation.turns[5].text == mixedScripts)
        #expect(conversation.turns[5].createdAt == LLMFixture.date("2026-12-04T19:34:53.341651+00:00"))
        #expect(conversation.createdAt == LLMFixture.date("2026-12-04T19:34:51.533778+00:00"))

        for index in 1..<conversation.turns.count {
            #expect(conversation.turns[index].parentSourceID == conversation.turns[index - 1].sourceID)
        }
    }

    @Test func hostileTextKeptVerbatim() throws {
        let sink = try importSample()
        let quoted = try #require(sink.turn("01m918ttygn0ac93c25exyg0h6:prompt", in: "01m918ttygn0ac93c25exyg0h7"))
        #expect(quoted.text == #"state-of-the-art "quoted phrase" with an unmatched " quote and e-mail foo-bar"#)

        let tabbed = try #require(sink.turn("01m918tz2t70x33ne18dd063qz:prompt", in: "01m918tz2t70x33ne18dd063r0"))
        #expect(tabbed.text == "Line one\nline two with tab\tand null-ish \\u0000 text")
    }

    @Test func attachmentIsPlaceholderWithPath() throws {
        let sink = try importSample()
        let prompt = try #require(sink.turn("01m918tvp29y8x1bdx60pa3xw7:prompt", in: "01m918tvp36dbhxmc2ye2z87y1"))

        #expect(prompt.text == "Describe this image\n[image: red.png]")
        #expect(prompt.attachments == [ImportedAttachment(
            name: "red.png", mimeType: "image/png", reference: "/home/sam/notes/red.png")])
    }

    @Test func fragmentContentPrecedesPrompt() throws {
        let sink = try importSample()
        let prompt = try #require(sink.turn("01m918twn6mcayh28c94hmxwr6:prompt", in: "01m918twn6mcayh28c94hmxwr7"))
        #expect(prompt.text == "Fragment text: the quick brown fox.\n\nSummarize the fragment")
    }

    @Test func toolCallChain() throws {
        let sink = try importSample()
        let conversation = try #require(sink.conversation("01m918txyzmcd1g8fxrcwa69gv"))

        #expect(conversation.turns.map(\.sourceID) == [
            "01m918txz2kebhdaw2hms14jr5:prompt", "01m918txz2kebhdaw2hms14jr5:response",
            "01m918txz2kebhdaw2hms14jr5:tool-call:0", "01m918txz2kebhdaw2hms14jr6:tool-result:0",
            "01m918txz2kebhdaw2hms14jr6:response",
        ])
        #expect(conversation.turns.map(\.kind) == [.message, .message, .toolCall, .toolResult, .message])
        #expect(conversation.turns[2].author == "add")
        #expect(conversation.turns[2].text == #"{"a":2,"b":3}"#)
        #expect(conversation.turns[3].text == "5")
    }
}
