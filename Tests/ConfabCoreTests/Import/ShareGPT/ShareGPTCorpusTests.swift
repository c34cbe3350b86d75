import Foundation
import Testing
@testable import ConfabCore

/// The folder of real export files, or nil when CONFAB_CORPUS is not set.
private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

/// The expected numbers were counted independently of this importer, with a short Python script
/// that applies the same grouping rules to `sharegpt-sample.json` (1,500 records): 1,310 groups
/// of consecutive records, 5 of them without any turn.
@Suite("ShareGPT corpus sample", .enabled(if: corpusFolder != nil, "set CONFAB_CORPUS to the folder holding sharegpt-sample.json"))
struct ShareGPTCorpusTests {
    private var sampleFile: URL {
        get throws { try #require(corpusFolder).appendingPathComponent("sharegpt-sample.json") }
    }

    @Test("sample conversations and turns")
    func sampleCounts() throws {
        let outcome = try ShareGPTImporter().outcome(reading: try sampleFile)
        let turns = outcome.conversations.flatMap(\.turns)
        let sourceTurns = turns.filter { $0.kind != .hidden }
        let gapTurns = turns.filter { $0.kind == .hidden }

        #expect(outcome.failure == nil)
        #expect(outcome.conversations.count == 1_305)
        #expect(sourceTurns.count == 11_224)
        #expect(gapTurns.count == 667)
        #expect(outcome.conversations.filter { !$0.warnings.isEmpty }.count == 527)
        let mergedCount = outcome.conversations.filter { conversation in
            let metadata = conversation.metadataJSON.flatMap { try? JSONValue.parse($0) }
            return (metadata?["parts"]?.arrayValue?.count ?? 0) > 1
        }.count
        #expect(mergedCount == 126)

        #expect(sourceTurns.filter { $0.role == .user }.count == 5_357)
        #expect(sourceTurns.filter { $0.role == .assistant }.count == 5_864)
        #expect(sourceTurns.filter { $0.role == .system }.count == 3)
        #expect(sourceTurns.filter { $0.author == "bing" }.count == 1)
        #expect(sourceTurns.filter { $0.text.isEmpty }.count == 12)
        #expect(gapTurns.allSatisfy { $0.role == .system })
        #expect(gapTurns.allSatisfy { $0.text.hasPrefix("[part") })
    }

    @Test("sample empty records are reported")
    func sampleEmptyRecords() throws {
        let outcome = try ShareGPTImporter().outcome(reading: try sampleFile)

        #expect(outcome.problems.count == 5)
        #expect(outcome.problems.allSatisfy { $0.reason == "the conversation has no turns" })
        #expect(Set(outcome.problems.compactMap(\.conversationID)) == ["GkdVvCF", "uzwG36E", "6EpHoo8", "101i5OR", "QUbl4i7"])
    }

    @Test("sample ids are unique and stable")
    func sampleIDs() throws {
        let first = try ShareGPTImporter().outcome(reading: try sampleFile)
        let second = try ShareGPTImporter().outcome(reading: try sampleFile)

        #expect(Set(first.conversations.map(\.sourceID)).count == 1_305)
        for conversation in first.conversations {
            #expect(Set(conversation.turns.map(\.sourceID)).count == conversation.turns.count, "\(conversation.sourceID)")
        }
        #expect(first.conversations == second.conversations)
        #expect(first.sink.textRepairs == TextRepairs())
        #expect(first.sink.progressReports.last.map { $0.done == $0.total } == true)
    }

    @Test("sample imports into a store once")
    func sampleStoreImport() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let file = try sampleFile
        let session = ImportSession(store: store)

        let first = try session.run(format: .sharegpt, label: file.path) { sink in
            try ShareGPTImporter().read(file, into: sink)
        }
        #expect(first.summary.newConversations == 1_305)
        #expect(first.summary.newTurns == 11_224 + 667)
        #expect(first.summary.skipped.count == 5)

        let second = try session.run(format: .sharegpt, label: file.path) { sink in
            try ShareGPTImporter().read(file, into: sink)
        }
        #expect(second.summary.newConversations == 0)
        #expect(second.summary.unchangedConversations == 1_305)
    }
}
