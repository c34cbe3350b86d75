import Foundation
import Testing
@testable import ConfabCore

/// `forget`: nothing of the user is left in any file, index or search, and a re-import stays out.
@Suite struct ForgetTests {
    /// A word that occurs only in alice's turns, typed in several letter cases.
    static let marker = "Qzvmarker7731"

    /// Alice's export, with the marker in every letter case and enough text to span many pages.
    private func aliceExport(_ fixture: RetentionFixture) throws -> URL {
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 200)
        return try fixture.writeShareGPT((0..<12).map { index in
            (id: "alice-\(index)", turns: [
                "Remember \(Self.marker) and \(Self.marker.uppercased()) please \(index). \(filler)",
                "Noted \(Self.marker.lowercased()); reach alice@example.com.",
                "And qZVMARKER7731 once more \(filler)",
            ])
        }, to: "alice.json")
    }

    private func vocabularyCount(_ store: SQLiteStore, table: String) throws -> Int64 {
        try store.connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_\(table) USING fts5vocab(main, \(table), row)")
        return try store.connection.scalarInt(
            "SELECT count(*) FROM temp.vocab_\(table) WHERE term = ?", [Self.marker.lowercased()]) ?? -1
    }

    private func searchTotal(_ store: SQLiteStore, _ text: String) throws -> Int {
        try store.search(SearchRequest(query: SearchQuery.parse(text), order: .recent, limit: 10), cancellation: nil).total
    }

    @Test func forgetLeavesNoTraceOfUser() throws {
        let fixture = try RetentionFixture()
        let alice = try aliceExport(fixture)
        let bob = try fixture.writeShareGPT((0..<20).map { index in
            (id: "bob-\(index)", turns: ["Bob asks about parsers \(index)", "An answer about parsers"])
        }, to: "bob.json")

        var store: SQLiteStore? = try fixture.openStore()
        try fixture.importFile(alice, user: "alice", into: store!)
        try fixture.importFile(bob, user: "bob", into: store!)
        try fixture.importDemo(users: 3, conversations: 30, into: store!)
        #expect(try searchTotal(store!, Self.marker) == 36)
        #expect(try vocabularyCount(store!, table: "turns_fts") == 1)
        store = nil
        #expect(try fixture.rawBytes().containsIgnoringCase(Self.marker), "the marker must be in the file before forget")
        let sizeBefore = fixture.fileBytes()

        store = try fixture.openStore()
        let aliceID = try #require(try store!.connection.scalarInt("SELECT id FROM users WHERE name = 'alice'"))
        #expect(try store!.connection.scalarInt("SELECT count(*) FROM changes WHERE user_id = ?", [aliceID]) == 12,
                "each imported conversation has its change-feed row")
        let receipt = try store!.forget(user: "alice", context: fixture.context, waitSeconds: 1)
        #expect(receipt.changeFeedRows == 12)
        #expect(try store!.connection.scalarInt("SELECT count(*) FROM changes WHERE user_id = ?", [aliceID]) == 0)
        #expect(receipt.conversations == 12)
        #expect(receipt.turns == 36)
        #expect(receipt.ledgerEntries == 12)
        #expect(receipt.scrub == .complete)
        #expect(receipt.bytesReclaimed > 0)
        #expect(try store!.findUsers(matching: "alice").isEmpty)
        #expect(try searchTotal(store!, Self.marker) == 0)
        #expect(try searchTotal(store!, "parsers") == 40)
        #expect(try vocabularyCount(store!, table: "turns_fts") == 0)
        #expect(try store!.check(thorough: true).isSound)

        // Every shadow table of every FTS5 index, read as raw bytes.
        let shadowTables = try store!.connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '*_fts_*'") { $0.string(0) }
        #expect(shadowTables.count >= 12)
        for table in shadowTables {
            let columns = try store!.connection.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.string(0) }
            let blobs = try store!.connection.query(
                "SELECT " + columns.map { "CAST(\"\($0)\" AS BLOB)" }.joined(separator: " || x'00' || ") + " FROM \"\(table)\""
            ) { $0.blob(0) }
            #expect(!blobs.joined().map { $0 }.containsIgnoringCase(Self.marker), "\(table) still holds the marker")
        }

        let audit = try #require(try store!.auditEntries(limit: 1).first)
        #expect(audit.action == "forget")
        #expect(audit.outcome == "erased")
        #expect(audit.selection?.contains("alice") == false)
        store = nil

        let bytes = try fixture.rawBytes()
        #expect(!bytes.containsIgnoringCase(Self.marker), "the marker survived in the database file or its WAL")
        #expect(!bytes.containsIgnoringCase("alice@example.com"))
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath + "-wal") || fixture.fileBytes() == StoreFiles.size(of: fixture.storePath))
        #expect(sizeBefore - fixture.fileBytes() > 0)

        // A re-import of the original export brings nothing back.
        store = try fixture.openStore()
        let again = try fixture.importFile(alice, user: "alice", into: store!)
        #expect(again.erasedConversations == 12)
        #expect(again.newConversations == 0)
        #expect(try searchTotal(store!, Self.marker) == 0)
        #expect(try store!.findUsers(matching: "alice").isEmpty)
    }

    @Test func pendingWhileReaderHoldsSnapshot() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importFile(try aliceExport(fixture), user: "alice", into: store)
        try fixture.importDemo(users: 2, conversations: 10, into: store)

        let reader = try Connection(path: fixture.storePath, mode: .readOnly)
        try reader.execute("BEGIN")
        _ = try reader.scalarInt("SELECT count(*) FROM turns")

        let receipt = try store.forget(user: "alice", context: fixture.context, waitSeconds: 0.3)
        guard case let .pending(blocker) = receipt.scrub else {
            Issue.record("expected a pending WAL truncation, got \(receipt.scrub)")
            return
        }
        #expect(blocker.contains("read snapshot"))
        #expect(try store.connection.scalarInt("SELECT count(*) FROM pending_scrubs") == 1)

        try reader.execute("COMMIT")
        let completed = try store.completePendingScrubs(context: fixture.context)
        #expect(completed == [.complete])
        #expect(try store.connection.scalarInt("SELECT count(*) FROM pending_scrubs") == 0)
        #expect(try store.auditEntries(limit: 1).first?.action == "scrub")
        #expect(!(try fixture.rawBytes().containsIgnoringCase(Self.marker)))
    }

    @Test func unknownAndAmbiguousUsersRejected() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importFile(try fixture.writeShareGPT([(id: "x", turns: ["hi"])], to: "a.json"), user: "sam", into: store)
        try store.connection.run("INSERT INTO users (uid, name, created_at) VALUES ('second-sam', 'sam', 0)")
        #expect(throws: RetentionError.userNotFound("nobody")) {
            _ = try store.forget(user: "nobody", context: fixture.context, waitSeconds: 0)
        }
        #expect {
            _ = try store.forget(user: "sam", context: fixture.context, waitSeconds: 0)
        } throws: { error in
            guard case .ambiguousUser = error as? RetentionError else { return false }
            return true
        }
    }

    @Test func otherKeyRejected() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importFile(try fixture.writeShareGPT([(id: "x", turns: ["hi"])], to: "a.json"), user: "sam", into: store)
        try fixture.importFile(try fixture.writeShareGPT([(id: "y", turns: ["hi"])], to: "b.json"), user: "kim", into: store)
        _ = try store.forget(user: "sam", context: fixture.context, waitSeconds: 0)

        let otherKey = RetentionContext(key: RetentionKey(bytes: [UInt8](repeating: 1, count: 32)), keyPath: "/elsewhere.key", actor: "tester")
        #expect(throws: RetentionError.keyMismatch(path: "/elsewhere.key")) {
            _ = try store.forget(user: "kim", context: otherKey, waitSeconds: 0)
        }
    }
}
