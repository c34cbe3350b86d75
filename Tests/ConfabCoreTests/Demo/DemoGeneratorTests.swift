import Foundation
import Testing
@testable import ConfabCore

@Suite struct DemoGeneratorTests {
    private func generator(users: Int = 12, conversations: Int = 60, seed: UInt64 = 1) -> DemoGenerator {
        DemoGenerator(options: .init(users: users, conversations: conversations, seed: seed))
    }

    private func all(_ generator: DemoGenerator) -> [ImportedConversation] {
        var conversations: [ImportedConversation] = []
        generator.forEachConversation { conversations.append($0) }
        return conversations
    }

    // MARK: Determinism

    @Test func sameOptionsGiveEqualRuns() {
        let first = all(generator())
        let second = all(generator())
        #expect(first.count == 60)
        #expect(first == second)
    }

    @Test func randomAccessMatchesSequentialRun() {
        let demo = generator()
        let sequential = all(demo)
        for index in [0, 1, 17, 59] {
            #expect(demo.conversation(at: index) == sequential[index])
        }
        #expect(Array(demo) == sequential)
    }

    @Test func differentSeedsDiffer() {
        let first = all(generator(seed: 1))
        let second = all(generator(seed: 2))
        let sameText = zip(first, second).filter { $0.turns.map(\.text) == $1.turns.map(\.text) }.count
        #expect(sameText == 0)
        #expect(Set(first.map(\.sourceID)).isDisjoint(with: second.map(\.sourceID)))
    }

    /// A digest of a small run, pinned so that a change of platform, Swift version or library
    /// that alters the output fails here. Changing the generator on purpose changes it too:
    /// update the value then, and say so in the commit.
    @Test func smallRunMatchesPinnedDigest() {
        var hasher = ContentHasher()

        for conversation in all(generator(users: 4, conversations: 12, seed: 42)) {
            hasher.combine(conversation.sourceID)
            hasher.combine(conversation.user?.externalID)
            hasher.combine(conversation.user?.name)
            hasher.combine(conversation.title)
            hasher.combine(conversation.model)
            hasher.combine(conversation.persona?.name)
            hasher.combine(conversation.createdAt)
            hasher.combine(conversation.updatedAt)
            hasher.combine(conversation.tags.joined(separator: ","))
            hasher.combine(conversation.metadataJSON)
            hasher.combine(conversation.defaultLeafSourceID)

            for turn in conversation.turns {
                hasher.combine(turn.sourceID)
                hasher.combine(turn.parentSourceID)
                hasher.combine(turn.role.rawValue)
                hasher.combine(turn.kind.rawValue)
                hasher.combine(turn.author)
                hasher.combine(turn.model)
                hasher.combine(turn.text)
                hasher.combine(turn.createdAt)
                hasher.combine(turn.rawPayloadJSON)
                hasher.combine(turn.inputTokens)
                hasher.combine(turn.outputTokens)
                hasher.combine(turn.generationSeconds)

                for attachment in turn.attachments {
                    hasher.combine(attachment.name)
                    hasher.combine(attachment.sizeBytes)
                    hasher.combine(attachment.reference)
                }
            }
        }

        #expect(String(hasher.value, radix: 16) == "1b132d19135e3b2e")
    }

    // MARK: Counts and owners

    @Test(arguments: [(1, 0), (1, 1), (3, 2), (12, 400), (50, 20), (7, 7)])
    func producesExactlyTheRequestedConversations(users: Int, conversations: Int) {
        let conversationsMade = all(generator(users: users, conversations: conversations))
        #expect(conversationsMade.count == conversations)

        let owners = Set(conversationsMade.compactMap { $0.user?.externalID })
        #expect(owners.count == min(users, conversations))
        #expect(conversationsMade.allSatisfy { $0.user != nil })
    }

    @Test func everyUserOwnsAtLeastOneConversation() {
        let demo = generator(users: 40, conversations: 41)
        let owners = Set(all(demo).compactMap { $0.user?.externalID })
        let users = Set((0..<40).map { demo.user(at: $0).externalID })
        #expect(owners == users)
    }

    @Test func ownershipIsUnevenAcrossUsers() {
        var counts: [String: Int] = [:]
        generator(users: 100, conversations: 3_000).forEachConversation {
            counts[$0.user!.externalID, default: 0] += 1
        }
        let sorted = counts.values.sorted()
        #expect(counts.count == 100)
        #expect(sorted.last! >= sorted[50] * 5, "heaviest user \(sorted.last!) vs median \(sorted[50])")
        #expect(sorted[0] >= 1)
    }

    @Test func externalIDsArePaddedAndStable() {
        let demo = generator(users: 12_345, conversations: 0)
        #expect(demo.user(at: 0).externalID == "demo-user-0001")
        #expect(demo.user(at: 6).externalID == "demo-user-0007")
        #expect(demo.user(at: 12_344).externalID == "demo-user-12345")
        #expect(demo.user(at: 6) == generator(users: 12_345, conversations: 0).user(at: 6))
    }

    @Test func firstUsersCoverManyScripts() {
        let demo = generator()
        let names = (0..<12).compactMap { demo.user(at: $0).name }
        let joined = names.joined(separator: " ")
        #expect(Set(names).count == 12)
        #expect(joined.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "CJK")
        #expect(joined.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "Arabic")
        #expect(joined.unicodeScalars.contains { (0x0590...0x05FF).contains($0.value) }, "Hebrew")
        #expect(joined.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "Cyrillic")
        #expect(joined.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }, "Devanagari")
        #expect(joined.unicodeScalars.contains { (0xAC00...0xD7AF).contains($0.value) }, "Hangul")
    }

    @Test func turnCountIsExactAndEstimateClose() {
        let demo = generator(users: 20, conversations: 300)
        let actual = all(demo).reduce(0) { $0 + $1.turns.count }
        #expect(demo.countTurns() == actual)
        #expect(demo.estimatedTurnCount > actual * 7 / 10)
        #expect(demo.estimatedTurnCount < actual * 13 / 10)
    }

    // MARK: Options

    @Test(arguments: [(0, 10), (-1, 10), (1_000_001, 10), (5, -1), (5, 100_000_001)])
    func invalidOptionsAreRejected(users: Int, conversations: Int) {
        let options = DemoGenerator.Options(users: users, conversations: conversations)
        #expect(throws: DemoGenerator.InvalidOptions.self) { try options.validate() }
    }

    @Test(arguments: [(1, 0), (1_000_000, 0), (1, 100_000_000)])
    func boundaryOptionsAreAccepted(users: Int, conversations: Int) throws {
        try DemoGenerator.Options(users: users, conversations: conversations).validate()
    }

    @Test func invalidOptionMessageNamesTheValue() {
        let options = DemoGenerator.Options(users: 0, conversations: 10)
        #expect(throws: DemoGenerator.InvalidOptions(description: "invalid user count 0: must be between 1 and 1000000")) {
            try options.validate()
        }
    }

    // MARK: Import sink

    private final class RecordingSink: ImportSink {
        var conversations: [String] = []
        var lastProgress: (done: Int64, total: Int64)?

        func accept(_ conversation: ImportedConversation) throws {
            conversations.append(conversation.sourceID)
        }

        func skip(_ problem: ImportProblem) {}

        func progress(done: Int64, total: Int64) {
            lastProgress = (done, total)
        }

        func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int) {}
    }

    @Test func writesEveryConversationIntoSink() throws {
        let demo = generator(users: 5, conversations: 250)
        let sink = RecordingSink()
        try demo.write(into: sink)
        #expect(sink.conversations == all(demo).map(\.sourceID))
        #expect(sink.lastProgress?.done == 250)
        #expect(sink.lastProgress?.total == 250)
    }
}
