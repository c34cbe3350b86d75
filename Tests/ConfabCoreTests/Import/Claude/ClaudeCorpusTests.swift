import Foundation
import Testing
@testable import ConfabCore

/// The folder of real export files, or nil when CONFAB_CORPUS is not set.
private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

private let corpusReason = "set CONFAB_CORPUS to the corpus folder (the one containing formats/claude-export/)"

private let sampleFile = "formats/claude-export/conversations-yaleman.json"

/// The real July 2025 export: one conversation, a human prompt and an answer with a thinking block.
@Suite("Claude corpus", .enabled(if: corpusFolder != nil, Comment(rawValue: corpusReason)))
struct ClaudeCorpusTests {
    let result: ImportOutcome
    let conversation: ImportedConversation

    init() throws {
        result = try ClaudeImporter().outcome(reading: try #require(corpusFolder).appendingPathComponent(sampleFile))
        conversation = try #require(result.single)
    }

    @Test("file imports without problems")
    func cleanImport() {
        #expect(result.failure == nil)
        #expect(result.problems.isEmpty)
        #expect(result.sink.textRepairs == TextRepairs())
    }

    @Test("conversation fields")
    func conversationFields() throws {
        #expect(conversation.sourceID == "b49c0fc0-85d8-475c-bd2d-ee89f31f592c")
        #expect(conversation.title == "Bleep bloop")
        #expect(conversation.user == ImportedUser(externalID: "3f6b1d28-9e47-4c0a-8b15-6d2e7a9c4f03"))
        #expect(conversation.createdAt == TimestampParser.parse("2025-07-06T03:10:13.076141Z"))
        #expect(conversation.updatedAt == TimestampParser.parse("2025-07-06T03:10:27.139200Z"))
        #expect(conversation.defaultLeafSourceID == nil)
        #expect(conversation.metadataJSON == nil)
        #expect(conversation.warnings.isEmpty)
    }

    @Test("thinking split from the glued answer")
    func thinkingSplit() throws {
        #expect(conversation.turns.map(\.sourceID) == [
            "f5885afd-1881-4093-9616-c296a8d71fa6",
            "0abf9869-20f7-4b45-99e3-4381e9d37317#0",
            "0abf9869-20f7-4b45-99e3-4381e9d37317",
        ])
        #expect(conversation.turns.map(\.kind) == [.message, .reasoning, .message])
        #expect(conversation.turns.map(\.role) == [.user, .assistant, .assistant])

        let thinking = conversation.turns[1]
        let answer = conversation.turns[2]
        #expect(thinking.text.hasPrefix("The user is asking about the belief that dog saliva"))
        #expect(thinking.text.hasSuffix("staying concise per their preferences."))
        #expect(answer.text.hasPrefix("Dog saliva does contain some antibacterial compounds"))
        #expect(answer.text.hasSuffix("It's mostly just spit full of germs."))
        #expect(!answer.text.contains("The user is asking"))
    }

    @Test("linear chain without parent fields")
    func linearChain() {
        #expect(conversation.turns.map(\.parentSourceID) == [
            nil,
            "f5885afd-1881-4093-9616-c296a8d71fa6",
            "0abf9869-20f7-4b45-99e3-4381e9d37317#0",
        ])
    }

    @Test("turn times from messages and blocks")
    func turnTimes() {
        #expect(conversation.turns[0].createdAt == TimestampParser.parse("2025-07-06T03:10:13.609691Z"))
        #expect(conversation.turns[1].createdAt == TimestampParser.parse("2025-07-06T03:10:15.073199Z"))
        #expect(conversation.turns[2].createdAt == TimestampParser.parse("2025-07-06T03:10:24.798798Z"))
    }

    @Test("users.json beside the sample names the account")
    func accountName() throws {
        let folder = try TemporaryDirectory()
        let sample = try String(contentsOf: try #require(corpusFolder).appendingPathComponent(sampleFile), encoding: .utf8)
        _ = try folder.write(#"[{"uuid":"3f6b1d28-9e47-4c0a-8b15-6d2e7a9c4f03","full_name":"Sample Person","email_address":"sample@example.com","verified_phone_number":"+15550100"}]"#, to: "users.json")
        let named = try ClaudeImporter().outcome(reading: try folder.write(sample, to: "conversations.json"))

        #expect(named.single?.user == ImportedUser(externalID: "3f6b1d28-9e47-4c0a-8b15-6d2e7a9c4f03", name: "Sample Person"))
    }
}
