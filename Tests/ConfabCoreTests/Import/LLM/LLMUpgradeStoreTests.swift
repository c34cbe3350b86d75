import Foundation
import Testing
@testable import ConfabCore

/// A logs.db imported before and after llm 0.36 continued its legacy conversations, through a real
/// `SQLiteStore`: the second import must keep every old turn and add only the new ones.
@Suite struct LLMUpgradeStoreTests {
    private static let continuedLegacy = "01m91dxv2hd2egwb5apcjstk38"

    /// Tables of the legacy store whose rows llm 0.27.1 wrote before the upgrade.
    private static let legacyTables = [
        "conversations", "responses", "attachments", "prompt_attachments", "tools", "tool_responses", "tool_calls",
        "tool_results",
    ]

    /// The captured file as it was before llm 0.36 touched it: the legacy rows of `upgradedRows`.
    /// Those rows carry the `reasoning` value that 0.36 adds to `responses`, so the column is added
    /// here too and stays NULL.
    private static var capturedLegacySQL: [String] {
        let rows = LLMRealToolSQL.upgradedRows
            .split(separator: "\n")
            .filter { line in legacyTables.contains { line.hasPrefix("INSERT INTO \($0) VALUES") } }
            .joined(separator: "\n")
        return [LLMRealToolSQL.legacySchema, #"ALTER TABLE "responses" ADD COLUMN "reasoning" TEXT;"#, rows]
    }

    private static let capturedUpgradedSQL = [
        LLMRealToolSQL.legacySchema, LLMRealToolSQL.messageStoreSchema, LLMRealToolSQL.upgradedRows,
    ]

    /// A legacy tool call and its answer, continued under 0.36 with one more question.
    private static let toolLegacyRows = """
        INSERT INTO conversations VALUES ('c1', 'add two numbers', 'gpt-4o');
        INSERT INTO responses (id, model, prompt, system, response, conversation_id, duration_ms, datetime_utc)
        VALUES ('r1', 'gpt-4o', 'add two numbers', NULL, '', 'c1', 100, '2026-01-02T03:04:05+00:00'),
               ('r2', 'gpt-4o', '', NULL, 'The sum is 5.', 'c1', 100, '2026-01-02T03:04:06+00:00');
        INSERT INTO tool_calls VALUES (1, 'r1', NULL, 'add', '{"a": 2, "b": 3}', 'call_1');
        INSERT INTO tool_results VALUES (1, 'r2', NULL, 'add', '5', 'call_1', NULL, NULL);
        """

    private static let toolContinuationRows = """
        INSERT INTO messages VALUES ('b2:u1', NULL, 'user', NULL), ('b2:a1', 'b2:u1', 'assistant', NULL),
                                    ('b2:t1', 'b2:a1', 'tool', NULL), ('b2:a2', 'b2:t1', 'assistant', NULL),
                                    ('b2:u2', 'b2:a2', 'user', NULL), ('b2:a3', 'b2:u2', 'assistant', NULL);
        INSERT INTO parts (message_hash, position, type, tool_name, text, payload) VALUES
          ('b2:u1', 0, 'text', NULL, 'add two numbers', NULL),
          ('b2:a1', 0, 'tool_call', 'add', NULL, '{"name": "add", "arguments": {"a": 2, "b": 3}, "tool_call_id": "call_1"}'),
          ('b2:t1', 0, 'tool_result', 'add', NULL, '{"name": "add", "output": "5", "tool_call_id": "call_1"}'),
          ('b2:a2', 0, 'text', NULL, 'The sum is 5.', NULL),
          ('b2:u2', 0, 'text', NULL, 'and times three?', NULL),
          ('b2:a3', 0, 'text', NULL, 'That is 15.', NULL);
        INSERT INTO threads VALUES ('c1', 'and times three?', 'b2:a3', NULL, '2026-02-01 10:00:00+00:00');
        INSERT INTO turns (id, thread_id, parent_message_hash, tip_message_hash, model, input_tokens, output_tokens,
                           duration_ms, datetime_utc)
        VALUES ('k1', 'c1', 'b2:u2', 'b2:a3', 'gpt-4o', 30, 4, 500, '2026-02-01T10:00:00+00:00');
        """

    /// One stored turn with its conversation, compared across imports.
    private struct StoredTurn: Equatable {
        var rowID: Int64
        var conversation: String
        var sourceID: String
        var parentSourceID: String?
        var role: String
        var kind: String
        var text: String
        var createdAt: Double?
        var model: String?
        var onDefaultThread: Int
    }

    private func storedTurns(_ store: SQLiteStore) throws -> [StoredTurn] {
        let sql = """
            SELECT t.id, c.source_id, t.source_id, p.source_id, t.role, t.kind, t.text, t.created_at, t.model,
                   t.on_default_thread
            FROM turns t JOIN conversations c ON c.id = t.conversation_id LEFT JOIN turns p ON p.id = t.parent_id
            ORDER BY t.id
            """
        return try store.connection.query(sql) { row in
            StoredTurn(rowID: row.int64(0), conversation: row.string(1), sourceID: row.string(2),
                       parentSourceID: row.optionalString(3), role: row.string(4), kind: row.string(5),
                       text: row.string(6), createdAt: row.optionalDouble(7), model: row.optionalString(8),
                       onDefaultThread: row.int(9))
        }
    }

    /// Turns without row ids, ordered by conversation and source id, to compare two stores.
    private func turnContents(_ store: SQLiteStore) throws -> [StoredTurn] {
        try storedTurns(store)
            .map { turn in
                var turn = turn
                turn.rowID = 0
                return turn
            }
            .sorted { ($0.conversation, $0.sourceID) < ($1.conversation, $1.sourceID) }
    }

    private func title(of conversation: String, in store: SQLiteStore) throws -> String? {
        try store.connection.queryFirst("SELECT title FROM conversations WHERE source_id = ?", [conversation]) {
            $0.optionalString(0)
        } ?? nil
    }

    private func importFile(_ sql: [String], named name: String, into store: SQLiteStore,
                            folder: TemporaryDirectory) throws -> ImportSummary {
        let file = try LLMFixture.database(sql, in: folder, name: name)
        return try ImportSession(store: store).run(file).summary
    }

    // MARK: Captured llm 0.27.1 file, continued by llm 0.36

    @Test func capturedUpgradeAddsOnlyNewTurns() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))

        let first = try importFile(Self.capturedLegacySQL, named: "old.db", into: store, folder: folder)
        #expect(first.newConversations == 4)
        #expect(first.newTurns == 14)
        let before = try storedTurns(store)

        let second = try importFile(Self.capturedUpgradedSQL, named: "upgraded.db", into: store, folder: folder)
        #expect(second.updatedConversations == 1)
        #expect(second.unchangedConversations == 3)
        #expect(second.newConversations == 6)
        #expect(second.newTurns == 23)

        let after = try storedTurns(store)
        #expect(after.count == 37)
        #expect(Array(after.prefix(before.count)) == before)

        let continued = after.filter { $0.conversation == Self.continuedLegacy }
        #expect(continued.count == 7)
        let added = continued.filter { turn in !before.contains { $0.rowID == turn.rowID } }
        #expect(added.map(\.sourceID) == ["b2:a2a3c7cdded4bb3a2ff7338b2826438b", "b2:9cb1e4eadf992b824511faa7561f5895"])
        #expect(added.first?.parentSourceID == "01m91dxvzk344z4yg1kpzhkwdj:response")
        #expect(continued.filter { $0.parentSourceID == nil }.count == 1)
        #expect(continued.allSatisfy { $0.onDefaultThread == 1 })
        #expect(try title(of: Self.continuedLegacy, in: store) == "Legacy hello")
    }

    @Test func capturedUpgradeAloneMatchesSequence() throws {
        let folder = try TemporaryDirectory()
        let sequence = try SQLiteStore(path: folder.path("sequence.db"))
        _ = try importFile(Self.capturedLegacySQL, named: "old.db", into: sequence, folder: folder)
        _ = try importFile(Self.capturedUpgradedSQL, named: "upgraded.db", into: sequence, folder: folder)

        let alone = try SQLiteStore(path: folder.path("alone.db"))
        let summary = try importFile(Self.capturedUpgradedSQL, named: "upgraded-only.db", into: alone, folder: folder)

        #expect(summary.newTurns == 37)
        #expect(try turnContents(alone) == turnContents(sequence))
        #expect(try title(of: Self.continuedLegacy, in: alone) == "Legacy hello")
    }

    @Test func capturedUpgradeReimportIsUnchanged() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        _ = try importFile(Self.capturedLegacySQL, named: "old.db", into: store, folder: folder)
        _ = try importFile(Self.capturedUpgradedSQL, named: "upgraded.db", into: store, folder: folder)
        let before = try storedTurns(store)

        let again = try importFile(Self.capturedUpgradedSQL, named: "upgraded-again.db", into: store, folder: folder)
        #expect(again.unchangedConversations == 10)
        #expect(again.updatedConversations == 0)
        #expect(again.newTurns == 0)
        #expect(try storedTurns(store) == before)
    }

    // MARK: Legacy tool call, continued by llm 0.36

    @Test func continuedToolChainKeepsLegacyIDs() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        _ = try importFile([LLMRealToolSQL.legacySchema, Self.toolLegacyRows], named: "old.db", into: store,
                           folder: folder)
        let before = try storedTurns(store)
        #expect(before.map(\.sourceID) == ["r1:prompt", "r1:tool-call:0", "r2:tool-result:0", "r2:response"])

        let upgradedSQL = [LLMRealToolSQL.legacySchema, LLMRealToolSQL.messageStoreSchema, Self.toolLegacyRows,
                           Self.toolContinuationRows]
        let second = try importFile(upgradedSQL, named: "upgraded.db", into: store, folder: folder)
        #expect(second.updatedConversations == 1)
        #expect(second.newConversations == 0)
        #expect(second.newTurns == 2)

        let after = try storedTurns(store)
        #expect(Array(after.prefix(before.count)) == before)
        #expect(after.map(\.sourceID) == ["r1:prompt", "r1:tool-call:0", "r2:tool-result:0", "r2:response",
                                          "b2:u2", "b2:a3"])
        #expect(after.map(\.parentSourceID) == [nil, "r1:prompt", "r1:tool-call:0", "r2:tool-result:0",
                                                "r2:response", "b2:u2"])
        #expect(try title(of: "c1", in: store) == "add two numbers")
    }

    @Test func continuedToolChainAloneMatchesSequence() throws {
        let folder = try TemporaryDirectory()
        let upgradedSQL = [LLMRealToolSQL.legacySchema, LLMRealToolSQL.messageStoreSchema, Self.toolLegacyRows,
                           Self.toolContinuationRows]

        let sequence = try SQLiteStore(path: folder.path("sequence.db"))
        _ = try importFile([LLMRealToolSQL.legacySchema, Self.toolLegacyRows], named: "old.db", into: sequence,
                           folder: folder)
        _ = try importFile(upgradedSQL, named: "upgraded.db", into: sequence, folder: folder)

        let alone = try SQLiteStore(path: folder.path("alone.db"))
        _ = try importFile(upgradedSQL, named: "upgraded-only.db", into: alone, folder: folder)

        #expect(try turnContents(alone) == turnContents(sequence))
    }
}
