import Foundation
import Testing
@testable import ConfabCore

/// Demo data written through the same import path as real exports.
@Suite struct DemoImportTests {
    @Test func importStoresEveryUserConversationAndTurn() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("demo.db"))
        let generator = DemoGenerator(options: .init(users: 6, conversations: 80, seed: 3))

        let report = try ImportSession(store: store).run(format: .demo, label: "demo test") { sink in
            try generator.write(into: sink)
        }
        let statistics = try store.statistics()

        #expect(report.summary.newConversations == 80)
        #expect(report.summary.skipped.isEmpty)
        #expect(statistics.users == 6)
        #expect(statistics.conversations == 80)
        #expect(statistics.turns == generator.countTurns())
        #expect(statistics.conversationsBySource["demo"] == 80)
    }

    @Test func secondImportChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("demo.db"))
        let generator = DemoGenerator(options: .init(users: 4, conversations: 40, seed: 9))
        let session = ImportSession(store: store)

        _ = try session.run(format: .demo, label: "first") { try generator.write(into: $0) }
        let second = try session.run(format: .demo, label: "second") { try generator.write(into: $0) }

        #expect(second.summary.unchangedConversations == 40)
        #expect(second.summary.newConversations == 0)
        #expect(second.summary.updatedConversations == 0)
        #expect(try store.statistics().conversations == 40)
    }
}
