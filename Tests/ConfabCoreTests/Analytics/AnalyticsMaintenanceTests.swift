import Foundation
import Testing
@testable import ConfabCore

/// The summary tables stay equal to their turns through imports, re-imports, deletions and
/// writes by other SQLite clients.
@Suite struct AnalyticsMaintenanceTests {
    /// Compares every grouping of the whole store with the reference, and the consistency check.
    private func expectMatchesReference(_ store: SQLiteStore, _ context: String) throws {
        let reference = try AnalyticsReference(path: store.path)
        for grouping in [AnalyticsGrouping.month, .user, .model] {
            let report = try store.analytics(AnalyticsRequest(grouping: grouping), cancellation: nil)
            let expected = try reference.groups(grouping, where: "1")
            var actual: [String: AnalyticsReference.Figures] = [:]
            for row in report.rows {
                actual[AnalyticsReference.key(of: row, grouping: grouping)] = AnalyticsReference.figures(of: row)
            }
            #expect(Set(actual.keys) == Set(expected.keys), "\(context), by \(grouping)")
            for (key, figures) in expected {
                let found = actual[key]
                #expect(found.map { AnalyticsReference.agree($0, figures) } == true, "\(context), by \(grouping), \(key)")
            }
        }
    }

    private static func shareGPT(_ conversations: [(id: String, turns: [String])]) -> String {
        let records = conversations.map { conversation -> String in
            let turns = conversation.turns.enumerated().map { index, text in
                #"{"from": "\#(index % 2 == 0 ? "human" : "gpt")", "value": "\#(text)"}"#
            }
            return #"{"id": "\#(conversation.id)", "conversations": [\#(turns.joined(separator: ", "))]}"#
        }
        return "[" + records.joined(separator: ",\n") + "]"
    }

    @Test func importAndReimportKeepSummariesExact() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("store.db"))
        let session = ImportSession(store: store, options: .init(format: .sharegpt))
        let first = try directory.write(Self.shareGPT([
            (id: "a", turns: ["Hello there", "Hi! How can I help?"]),
            (id: "b", turns: ["Explain WAL mode", "Write-ahead logging keeps readers going.", "Thanks"]),
        ]), to: "first.json")
        _ = try session.run(first)
        try expectMatchesReference(store, "after the first import")
        #expect(try store.checkAggregates().isConsistent)

        _ = try session.run(first)
        try expectMatchesReference(store, "after importing the same file again")

        // A newer export: `a` gains turns, `b` has a rewritten answer, `c` is new.
        let second = try directory.write(Self.shareGPT([
            (id: "a", turns: ["Hello there", "Hi! How can I help?", "Count to three", "One, two, three."]),
            (id: "b", turns: ["Explain WAL mode", "Readers never block the writer in WAL mode.", "Thanks"]),
            (id: "c", turns: ["新しい会話", "はい"]),
        ]), to: "second.json")
        let report = try session.run(second)
        #expect(report.summary.updatedConversations == 2)
        #expect(report.summary.newConversations == 1)
        try expectMatchesReference(store, "after importing a newer export")
        let check = try store.checkAggregates()
        #expect(check.isConsistent)
        #expect(check.pendingConversations == 0)
    }

    @Test func importedRowsMirrorSQLForOddText() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("store.db"))
        let start = Date(timeIntervalSince1970: -86_400 * 3 + 0.5)
        let turns = [
            ImportedTurn(sourceID: "1", role: .user, kind: .message, text: "nul\u{0}after é 日本 👩‍💻", createdAt: start),
            ImportedTurn(sourceID: "2", parentSourceID: "1", role: .assistant, kind: .message, model: "m-1", text: "first",
                         createdAt: nil, inputTokens: 12, outputTokens: 3, generationSeconds: 0.1),
            ImportedTurn(sourceID: "3", parentSourceID: "1", role: .assistant, kind: .error, model: "m-1", text: "",
                         createdAt: start.addingTimeInterval(86_399.9), generationSeconds: 0.2),
            ImportedTurn(sourceID: "4", parentSourceID: "3", role: .tool, kind: .toolResult, text: "tool output",
                         createdAt: Date(timeIntervalSince1970: 1_790_000_000)),
        ]
        let writer = try store.beginImport(format: .demo, filePath: "odd", fileBytes: nil)
        _ = try writer.write(ImportedConversation(sourceID: "odd", model: "conversation-model", createdAt: start, turns: turns),
                             owner: .named("ada"))
        _ = try writer.write(ImportedConversation(sourceID: "undated", turns: [
            ImportedTurn(sourceID: "1", role: .user, kind: .message, text: "no time at all"),
        ]), owner: .named("ada"))
        try writer.commit(ImportSummary())

        #expect(try store.checkAggregates().isConsistent)
        try expectMatchesReference(store, "after importing odd text and times")
        let report = try store.analytics(AnalyticsRequest(grouping: .day), cancellation: nil)
        #expect(report.rows.contains { $0.key == .undated })
        #expect(report.total.figures.regenerations == 1)
    }

    @Test func deletedConversationLeavesFigures() throws {
        let fixture = try AnalyticsFixture.demo(users: 4, conversations: 40)
        let writer = try Connection(path: fixture.path, mode: .readWrite)
        try writer.execute("PRAGMA foreign_keys = ON")
        let victim = try #require(try writer.scalarInt("SELECT id FROM conversations ORDER BY turn_count DESC LIMIT 1"))

        try writer.run("DELETE FROM conversations WHERE id = ?", victim)

        #expect(try writer.scalarInt("SELECT count(*) FROM analytics_turn_days WHERE conversation_id = ?", [victim]) == 0)
        #expect(try writer.scalarInt("SELECT count(*) FROM analytics_turn_measures WHERE conversation_id = ?", [victim]) == 0)
        try expectMatchesReference(fixture.store, "after deleting a conversation")
        #expect(try fixture.store.checkAggregates().isConsistent)
    }

    @Test func outsideWritesAreCountedBeforeRefresh() throws {
        let fixture = try AnalyticsFixture.demo(users: 4, conversations: 40)
        let writer = try Connection(path: fixture.path, mode: .readWrite)
        let conversation = try #require(try writer.scalarInt("SELECT id FROM conversations ORDER BY id LIMIT 1"))
        let otherConversation = try #require(try writer.scalarInt("SELECT id FROM conversations ORDER BY id DESC LIMIT 1"))

        // Another client appends a turn, rewrites one and moves a conversation to another model.
        try writer.run("""
            INSERT INTO turns (uid, conversation_id, source_id, position, branch_index, on_default_thread, role, kind,
                               model, text, created_at, output_tokens, generation_seconds, content_hash)
            VALUES ('outside-1', ?, 'outside-1', 999, 0, 1, 'assistant', 'message', 'outside-model', 'appended by a script',
                    1790000000, 42, 1.5, 0)
            """, conversation)
        try writer.run("UPDATE turns SET text = text || ' and more' WHERE id = (SELECT min(id) FROM turns WHERE conversation_id = ?)",
                       otherConversation)
        try writer.run("UPDATE conversations SET model = 'renamed-model' WHERE id = ?", otherConversation)

        #expect(try writer.scalarInt("SELECT count(*) FROM analytics_pending") == 2)
        try expectMatchesReference(fixture.store, "with two conversations pending")
        let report = try fixture.store.analytics(AnalyticsRequest(query: SearchQuery.parse("model:outside-model"), grouping: .model),
                                                 cancellation: nil)
        #expect(report.total.figures.turns == 1)
        #expect(report.total.figures.outputTokens == 42)
        #expect(report.total.measures?.generationSeconds?.p50 == 1.5)

        try fixture.store.refreshPendingAggregates()
        #expect(try writer.scalarInt("SELECT count(*) FROM analytics_pending") == 0)
        #expect(try fixture.store.checkAggregates().isConsistent)
        try expectMatchesReference(fixture.store, "after the refresh")
    }

    @Test func refreshByIDRepairsStaleRows() throws {
        let fixture = try AnalyticsFixture.demo(users: 4, conversations: 30)
        let writer = try Connection(path: fixture.path, mode: .readWrite)
        let conversation = try #require(try writer.scalarInt("SELECT id FROM conversations ORDER BY id LIMIT 1"))
        // A damaged summary row, written behind the triggers' back.
        try writer.run("UPDATE analytics_turn_days SET turns = turns + 5 WHERE conversation_id = ?", conversation)

        let broken = try fixture.store.checkAggregates()
        #expect(broken.mismatchedConversationIDs == [conversation])

        try fixture.store.refreshAggregates(conversationIDs: [conversation])
        #expect(try fixture.store.checkAggregates().isConsistent)

        try writer.run("DELETE FROM analytics_turn_days")
        #expect(!(try fixture.store.checkAggregates().isConsistent))
        try fixture.store.rebuildAggregates()
        #expect(try fixture.store.checkAggregates().isConsistent)
        try expectMatchesReference(fixture.store, "after a rebuild")
    }

    @Test func ownerChangeMovesUserFigures() throws {
        let fixture = try AnalyticsFixture.demo(users: 4, conversations: 30)
        let writer = try Connection(path: fixture.path, mode: .readWrite)
        try writer.execute("UPDATE conversations SET user_id = (SELECT min(id) FROM users) WHERE id % 3 = 0")
        try expectMatchesReference(fixture.store, "after moving conversations to another user")
    }

    @Test func storeWithoutSummariesScans() throws {
        let fixture = try AnalyticsFixture.demo(users: 3, conversations: 20)
        let writer = try Connection(path: fixture.path, mode: .readWrite)
        try writer.execute("""
            DROP TABLE analytics_turn_days; DROP TABLE analytics_turn_measures; DROP TABLE analytics_pending;
            DROP TRIGGER IF EXISTS analytics_after_turn_insert;
            DELETE FROM confab_migrations WHERE name = '0005_analytics';
            """)
        let readOnly = try SQLiteStore(path: fixture.path, readOnly: true)
        let report = try readOnly.analytics(AnalyticsRequest(grouping: .model), cancellation: nil)
        guard case .scan(let reason) = report.method else {
            Issue.record("expected a scan, got \(report.method)")
            return
        }
        #expect(reason.contains("no summary tables"))
        try expectMatchesReference(readOnly, "read-only store without summary tables")
    }

    @Test func cancelledReportThrows() throws {
        let fixture = try AnalyticsFixture.demo(users: 3, conversations: 20)
        let cancellation = SearchCancellation()
        cancellation.cancel()
        #expect(throws: SearchError.cancelled) {
            try fixture.store.analytics(AnalyticsRequest(query: SearchQuery.parse("the")), cancellation: cancellation)
        }
    }
}
