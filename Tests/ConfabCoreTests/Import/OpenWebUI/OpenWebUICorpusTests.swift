import Foundation
import Testing
@testable import ConfabCore

/// The real Open WebUI 0.6.41 webui.db in the corpus folder named by CONFAB_CORPUS.
enum OpenWebUICorpusSample {
    static var file: URL? {
        guard let corpus = ProcessInfo.processInfo.environment["CONFAB_CORPUS"], !corpus.isEmpty else { return nil }
        return URL(fileURLWithPath: corpus).appendingPathComponent("formats/open-webui-db/webui-v0.6.41-perly.db")
    }
}

/// The real Open WebUI 0.6.41 sample: 1 user, 4 chats, 20 messages. Expected values were read with
/// the sqlite3 shell and Python's json module from the file.
@Suite(.enabled(if: OpenWebUICorpusSample.file != nil, "CONFAB_CORPUS is not set, so the real Open WebUI sample is unavailable"))
struct OpenWebUICorpusTests {
    private static let user = ImportedUser(externalID: "3ab69208-81c5-4633-9bc0-27d81e141f57", name: "Jordan Blake")
    private static let financeChat = "6457f0f8-01d5-48d1-930f-2066cbb31b55"
    private static let failedChat = "5919f26f-3c43-42d1-a7c7-88c4462ae48c"
    private static let emojiChat = "c7bad5b4-6893-4249-be7b-8815a8829826"

    private func importSample() throws -> RecordingSink {
        try OpenWebUIImporter().recordedSink(reading: try #require(OpenWebUICorpusSample.file))
    }

    @Test func sampleIsDetected() throws {
        let probe = try FormatProbe.read(try #require(OpenWebUICorpusSample.file))
        #expect(OpenWebUIImporter.matches(probe))
        #expect(!LLMImporter.matches(probe))
    }

    @Test func sampleCounts() throws {
        let sink = try importSample()
        #expect(sink.conversations.count == 4)
        #expect(sink.turnCount == 20)
        #expect(sink.problems.isEmpty)
        #expect(sink.conversations.allSatisfy { $0.user == Self.user })
        let turns = sink.conversations.flatMap(\.turns)
        #expect(turns.filter { $0.role == .user }.count == 10)
        #expect(turns.filter { $0.role == .assistant }.count == 10)
        #expect(turns.filter { $0.kind == .error }.count == 1)
        #expect(sink.progressReports.last.map { [$0.done, $0.total] } == [4, 4])
    }

    @Test func failedGenerationIsErrorTurn() throws {
        let sink = try importSample()
        let failed = try #require(sink.turn("f3ac4b69-1cd5-46a0-86a2-d49319a941c8", in: Self.failedChat))
        #expect(failed.kind == .error)
        #expect(failed.text == #"400: "nomic-embed-text:latest" does not support chat"#)
        #expect(failed.model == "nomic-embed-text:latest")
    }

    @Test func timesUsageAndThread() throws {
        let sink = try importSample()
        let chat = try #require(sink.conversation(Self.financeChat))

        #expect(chat.createdAt == Date(timeIntervalSince1970: 1_765_118_859))
        #expect(chat.updatedAt == Date(timeIntervalSince1970: 1_765_119_110))
        #expect(chat.model == "mistral:latest")
        #expect(chat.defaultLeafSourceID == "6d3a4007-9068-4768-bb09-a4363de66f6f")
        #expect(chat.turns.count == 12)

        let answer = try #require(chat.turns.first { $0.sourceID == "5fab004c-2e1f-4f40-818d-95a7f026253b" })
        #expect(answer.inputTokens == 618)
        #expect(answer.outputTokens == 210)
        #expect(answer.generationSeconds == 6.194186471)
        #expect(answer.createdAt == Date(timeIntervalSince1970: 1_765_118_859))
        #expect(answer.rawPayloadJSON?.contains("rag_retrieval_tool/query_rag_api") == true)
        #expect(answer.author == "mistral:latest")
    }

    @Test func tagsTitleAndMetadata() throws {
        let sink = try importSample()
        #expect(sink.conversation(Self.financeChat)?.tags == ["Accounting", "Business", "Finance"])
        #expect(sink.conversation(Self.emojiChat)?.title == "Goldman Legal Proceedings '24 🏛️⚖️")
        #expect(sink.conversation(Self.emojiChat)?.tags == ["Legal Proceedings", "Business", "Finance"])
        #expect(sink.conversation(Self.failedChat)?.tags == [])
        #expect(sink.conversation(Self.financeChat)?.metadataJSON == #"{"archived":false,"pinned":false}"#)
    }

    @Test func accountSecretsStayOut() throws {
        let sink = try importSample()
        #expect(!sink.everything.contains("jordan.blake@example.org"))
        #expect(!sink.everything.contains("$2b$12$"))
    }
}
