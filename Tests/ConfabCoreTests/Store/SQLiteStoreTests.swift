import Foundation
import Testing
@testable import ConfabCore

@Suite struct SQLiteStoreTests {
    private func conversation(_ id: String, turns: Int, title: String? = "Title", at start: Double? = 1_700_000_000) -> ImportedConversation {
        let turnValues = (0..<turns).map { index in
            ImportedTurn(sourceID: "\(index)", parentSourceID: index == 0 ? nil : "\(index - 1)",
                         role: index % 2 == 0 ? .user : .assistant, text: "turn \(index) of \(id) marker\(id)",
                         createdAt: start.map { Date(timeIntervalSince1970: $0 + Double(index)) })
        }
        return ImportedConversation(sourceID: id, title: title, turns: turnValues)
    }

    private func importAll(_ conversations: [ImportedConversation], into store: SQLiteStore,
                           owner: Owner = .named("alice")) throws -> [WriteOutcome] {
        let writer = try store.beginImport(format: .sharegpt, filePath: "test.json", fileBytes: nil)
        let outcomes = try conversations.map { try writer.write($0, owner: owner).outcome }
        try writer.commit(ImportSummary())
        return outcomes
    }

    private func ftsIntegrity(_ store: SQLiteStore) throws {
        try store.connection.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('integrity-check', 1)")
        try store.connection.execute("INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try store.connection.scalarString("PRAGMA integrity_check") == "ok")
    }

    @Test func newStoreSettings() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("nested/dir/confab.db")
        let store = try SQLiteStore(path: path)

        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.connection.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try store.connection.scalarInt("PRAGMA auto_vacuum") == 2)
        #expect(try store.connection.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try store.connection.scalarInt("PRAGMA application_id") == Int64(SQLiteStore.applicationID))
    }

    @Test func reopenKeepsData() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("confab.db")
        do {
            let store = try SQLiteStore(path: path)
            _ = try importAll([conversation("a", turns: 3)], into: store)
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.statistics().turns == 3)
    }

    @Test func newerSchemaRejected() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("confab.db")
        do {
            let store = try SQLiteStore(path: path)
            try store.connection.run("INSERT INTO confab_migrations (name, applied_at) VALUES ('9999_future', 'x')")
        }
        #expect(throws: MigrationError.newerSchema(path: path, unknownSteps: ["9999_future"])) {
            _ = try SQLiteStore(path: path)
        }
    }

    @Test func foreignDatabaseRejected() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("other.db")
        do {
            let connection = try Connection(path: path)
            try connection.execute("CREATE TABLE chat (id TEXT)")
        }
        #expect(throws: MigrationError.foreignDatabase(path: path, applicationID: 0)) {
            _ = try SQLiteStore(path: path)
        }
    }

    @Test func reimportIsUnchanged() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let data = [conversation("a", turns: 4), conversation("b", turns: 2)]

        #expect(try importAll(data, into: store) == [.new, .new])
        let before = try store.connection.query("SELECT id, uid, text FROM turns ORDER BY id") { "\($0.int64(0)) \($0.string(1)) \($0.string(2))" }
        #expect(try importAll(data, into: store) == [.unchanged, .unchanged])
        let after = try store.connection.query("SELECT id, uid, text FROM turns ORDER BY id") { "\($0.int64(0)) \($0.string(1)) \($0.string(2))" }
        #expect(before == after)
        #expect(try store.statistics().conversations == 2)
    }

    @Test func newerExportAddsOnlyNewTurns() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        _ = try importAll([conversation("a", turns: 3)], into: store)
        let oldIDs = try store.connection.query("SELECT id FROM turns ORDER BY id") { $0.int64(0) }

        #expect(try importAll([conversation("a", turns: 5)], into: store) == [.updated])

        let rows = try store.connection.query("SELECT id, source_id, on_default_thread FROM turns ORDER BY position") {
            (id: $0.int64(0), source: $0.string(1), onThread: $0.int(2))
        }
        #expect(rows.count == 5)
        #expect(Array(rows.prefix(3).map(\.id)) == oldIDs)
        #expect(rows.allSatisfy { $0.onThread == 1 })
        let summary = try #require(try store.conversations(userID: nil, after: nil, limit: 10).first)
        #expect(summary.turnCount == 5)
        #expect(summary.updatedAt == Date(timeIntervalSince1970: 1_700_000_004))
        try ftsIntegrity(store)
    }

    @Test func updateCountsAddedTurns() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let first = try store.beginImport(format: .sharegpt, filePath: "x", fileBytes: nil)
        #expect(try first.write(conversation("a", turns: 3), owner: .named("ada")) == WriteResult(outcome: .new, turnsAdded: 3))
        try first.commit(ImportSummary())

        let second = try store.beginImport(format: .sharegpt, filePath: "x", fileBytes: nil)
        #expect(try second.write(conversation("a", turns: 5), owner: .named("ada")) == WriteResult(outcome: .updated, turnsAdded: 2))
        #expect(try second.write(conversation("a", turns: 5), owner: .named("ada")) == WriteResult(outcome: .unchanged, turnsAdded: 0))
        try second.commit(ImportSummary())
    }

    @Test func accountAdoptsDefaultUsersConversations() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let defaultOwner = Owner.account(source: "chatgpt", externalID: "default", name: "chatgpt user")
        let account = Owner.account(source: "chatgpt", externalID: "user-123", name: "ada@example.org")

        let first = try store.beginImport(format: .chatgpt, filePath: "x", fileBytes: nil)
        _ = try first.write(conversation("a", turns: 2), owner: defaultOwner)
        _ = try first.write(conversation("b", turns: 2), owner: .named("grace"))
        try first.commit(ImportSummary())

        let second = try store.beginImport(format: .chatgpt, filePath: "x", fileBytes: nil)
        #expect(try second.write(conversation("a", turns: 2), owner: account).outcome == .unchanged)
        #expect(try second.write(conversation("b", turns: 2), owner: account).outcome == .unchanged)
        try second.commit(ImportSummary())

        let owners = try store.connection.query(
            "SELECT c.source_id, u.name FROM conversations c JOIN users u ON u.id = c.user_id ORDER BY c.source_id") {
            "\($0.string(0)):\($0.string(1))"
        }
        #expect(owners == ["a:ada@example.org", "b:grace"])
    }

    @Test func reimportRenamesAccount() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let first = try store.beginImport(format: .claude, filePath: "x", fileBytes: nil)
        _ = try first.write(conversation("a", turns: 1), owner: .account(source: "claude", externalID: "acc-9", name: nil))
        try first.commit(ImportSummary())
        #expect(try store.users(after: nil, limit: 5).map(\.name) == ["acc-9"])

        let second = try store.beginImport(format: .claude, filePath: "x", fileBytes: nil)
        #expect(try second.write(conversation("a", turns: 1), owner: .account(source: "claude", externalID: "acc-9", name: "Ada Lovelace")).outcome == .unchanged)
        try second.commit(ImportSummary())
        #expect(try store.users(after: nil, limit: 5).map(\.name) == ["Ada Lovelace"])
    }

    @Test func changedTextIsRewrittenAndReindexed() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        var original = conversation("a", turns: 2)
        _ = try importAll([original], into: store)
        original.turns[1].text = "completely different wording zebra"
        #expect(try importAll([original], into: store) == [.updated])

        let hits = try store.connection.scalarInt("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'zebra'")
        #expect(hits == 1)
        let stale = try store.connection.scalarInt("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH '\"turn 1 of a\"'")
        #expect(stale == 0)
        try ftsIntegrity(store)
    }

    @Test func rollbackLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        _ = try importAll([conversation("kept", turns: 2)], into: store)

        let writer = try store.beginImport(format: .sharegpt, filePath: "x", fileBytes: nil)
        for index in 0..<20 {
            _ = try writer.write(conversation("c\(index)", turns: 400), owner: .named("bob"))
        }
        writer.rollback()

        let statistics = try store.statistics()
        #expect(statistics.conversations == 1)
        #expect(statistics.turns == 2)
        #expect(statistics.users == 1)
        try ftsIntegrity(store)
    }

    @Test func bulkImportAcrossIndexingBatches() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let data = (0..<30).map { conversation("c\($0)", turns: 400) }
        _ = try importAll(data, into: store)

        #expect(try store.statistics().turns == 12_000)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'markerc29'") == 400)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turns t JOIN turns p ON p.id = t.parent_id WHERE p.conversation_id != t.conversation_id") == 0)
        #expect(try store.connection.scalarInt("SELECT count(DISTINCT uid) FROM turns") == 12_000)
        try ftsIntegrity(store)
    }

    @Test func triggersSurviveImportAndRollback() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let triggerSQL = "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"
        let triggers = try store.connection.scalarString(triggerSQL)
        #expect(triggers?.contains("turns_fts_after_insert") == true)

        _ = try importAll([conversation("a", turns: 3)], into: store)
        #expect(try store.connection.scalarString(triggerSQL) == triggers)

        let writer = try store.beginImport(format: .sharegpt, filePath: "x", fileBytes: nil)
        _ = try writer.write(conversation("b", turns: 3), owner: .named("bob"))
        writer.rollback()
        #expect(try store.connection.scalarString(triggerSQL) == triggers)

        // A plain SQL client's insert is indexed by the restored trigger.
        let conversationID = try #require(try store.connection.scalarInt("SELECT id FROM conversations"))
        try store.connection.run(
            """
            INSERT INTO turns (uid, conversation_id, source_id, position, on_default_thread, role, kind, text, content_hash)
            VALUES ('x-uid', ?, 'manual', 9, 0, 'user', 'message', 'written by another client quokka', 0)
            """, conversationID)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'quokka'") == 1)
        try ftsIntegrity(store)
    }

    @Test func ownersResolveByAccountAndName() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let writer = try store.beginImport(format: .claude, filePath: "x", fileBytes: nil)
        _ = try writer.write(conversation("a", turns: 1), owner: .account(source: "claude", externalID: "acc-1", name: "Ada"))
        _ = try writer.write(conversation("b", turns: 1), owner: .account(source: "claude", externalID: "acc-1", name: "Ada"))
        _ = try writer.write(conversation("c", turns: 1), owner: .named("Grace"))
        try writer.commit(ImportSummary())

        let users = try store.users(after: nil, limit: 10)
        #expect(users.map(\.name) == ["Ada", "Grace"])
        #expect(users[0].conversationCount == 2)
        #expect(users[0].externalIDs == [ExternalAccount(source: "claude", externalID: "acc-1")])
        #expect(try store.findUsers(matching: "acc-1").map(\.name) == ["Ada"])
        #expect(try store.findUsers(matching: "Grace").map(\.name) == ["Grace"])
        #expect(try store.findUsers(matching: "\(users[1].id)").map(\.name) == ["Grace"])
        #expect(try store.findUsers(matching: "nobody").isEmpty)
    }

    @Test func conversationPagesCoverUntimedRows() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        var data: [ImportedConversation] = []
        for index in 0..<7 {
            data.append(conversation("timed\(index)", turns: 1, at: 1_700_000_000 + Double(index) * 100))
        }
        for index in 0..<5 {
            data.append(conversation("untimed\(index)", turns: 1, at: nil))
        }
        _ = try importAll(data, into: store)

        var seen: [String] = []
        var cursor: ConversationCursor?
        while true {
            let page = try store.conversations(userID: nil, after: cursor, limit: 3)
            if page.isEmpty { break }
            seen += page.map(\.sourceID)
            cursor = ConversationCursor(updatedAt: page.last!.updatedAt, id: page.last!.id)
        }
        #expect(seen.count == 12)
        #expect(Set(seen).count == 12)
        #expect(Array(seen.prefix(7)) == (0..<7).reversed().map { "timed\($0)" })
        #expect(seen.suffix(5).allSatisfy { $0.hasPrefix("untimed") })
    }

    @Test func turnsPageInThreadOrder() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        var branched = conversation("b", turns: 3)
        branched.turns.append(ImportedTurn(sourceID: "alt", parentSourceID: "0", role: .assistant, text: "alternative",
                                           createdAt: Date(timeIntervalSince1970: 1_600_000_000)))
        _ = try importAll([branched], into: store)
        let id = try #require(try store.conversations(userID: nil, after: nil, limit: 1).first?.id)

        let thread = try store.turns(conversationID: id, scope: .defaultThread, after: nil, limit: 100)
        #expect(thread.map(\.sourceID) == ["0", "1", "2"])
        let all = try store.turns(conversationID: id, scope: .allBranches, after: nil, limit: 100)
        #expect(all.map(\.sourceID) == ["0", "alt", "1", "2"])
        #expect(all[1].siblingCount == 2)
        #expect(all[1].onDefaultThread == false)

        let firstPage = try store.turns(conversationID: id, scope: .allBranches, after: nil, limit: 2)
        let last = try #require(firstPage.last)
        let secondPage = try store.turns(conversationID: id, scope: .allBranches,
                                         after: TurnCursor(position: last.position, branchIndex: last.branchIndex, id: last.id), limit: 2)
        #expect(secondPage.map(\.sourceID) == ["1", "2"])
    }

    @Test func repeatedTurnIDsKeptApart() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let turns = [ImportedTurn(sourceID: "x", role: .user, text: "one"),
                     ImportedTurn(sourceID: "x", parentSourceID: "x", role: .assistant, text: "two")]
        _ = try importAll([ImportedConversation(sourceID: "dup", turns: turns)], into: store)
        #expect(try store.statistics().turns == 2)
        #expect(try importAll([ImportedConversation(sourceID: "dup", turns: turns)], into: store) == [.unchanged])
    }
}
