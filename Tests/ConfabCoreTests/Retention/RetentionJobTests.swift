import Foundation
import Testing
@testable import ConfabCore

/// Retention jobs on real SQLite files: selection, batches, holds, re-checks, resume.
@Suite struct RetentionJobTests {
    private func count(_ sql: String, _ store: SQLiteStore, _ values: [any SQLiteBindable] = []) throws -> Int64 {
        try store.connection.scalarInt(sql, values) ?? -1
    }

    private func policy(_ match: String, _ action: RetentionAction = .delete, archive: String? = nil) -> RetentionPolicy {
        RetentionPolicy(rules: [RetentionRule(name: "r", match: match, action: action, archivePath: archive)])
    }

    @Test func deleteRemovesExactlyThePlan() throws {
        let fixture = try RetentionFixture()
        var store: SQLiteStore? = try fixture.openStore()
        try fixture.importDemo(users: 8, conversations: 120, into: store!)
        let policy = policy("idle:400d")
        let plan = try store!.retentionPlan(policy, now: Date())
        let before = try count("SELECT count(*) FROM conversations", store!)
        let selected = try store!.connection.query("SELECT id FROM conversations c WHERE \(RetentionSelection(try policy.rules[0].query(at: Date())).condition)",
                                                   RetentionSelection(try policy.rules[0].query(at: Date())).values) { $0.int64(0) }
        #expect(plan.conversations > 0)
        #expect(plan.conversations == selected.count)
        #expect(plan.conversations < before)
        store = nil
        let sizeBefore = fixture.fileBytes()

        store = try fixture.openStore()
        let status = try fixture.runJob(policy, store: store!, maxTurns: 50)
        #expect(status.status == "finished")
        #expect(status.conversations == plan.conversations)
        #expect(status.turns == plan.turns)
        #expect(status.batches > 1)
        #expect(try count("SELECT count(*) FROM conversations", store!) == before - Int64(plan.conversations))
        let survivors = try store!.connection.query(
            "SELECT count(*) FROM conversations WHERE id IN (SELECT value FROM json_each(?))",
            [JSONValue.array(selected.map { .number(Double($0)) }).serialized()]) { $0.int(0) }
        #expect(survivors == [0])
        #expect(try count("SELECT count(*) FROM turns WHERE conversation_id NOT IN (SELECT id FROM conversations)", store!) == 0)
        #expect(try store!.check(thorough: true).isSound)
        store = nil

        // The store closed cleanly, so the file holds every page and no WAL is left.
        #expect(status.bytesReclaimed == sizeBefore - fixture.fileBytes())
        #expect(status.bytesReclaimed ?? 0 > 0)
    }

    @Test func holdsExemptUsersAndConversations() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 5, conversations: 60, into: store)
        let heldUser = try #require(try store.users(after: nil, limit: 1).first)
        let otherConversation = try #require(try store.connection.scalarInt(
            "SELECT id FROM conversations WHERE user_id != ? ORDER BY id LIMIT 1", [heldUser.id]))
        _ = try store.setLegalHold(.user(String(heldUser.id)), held: true, context: fixture.context)
        _ = try store.setLegalHold(.conversation(String(otherConversation)), held: true, context: fixture.context)

        let plan = try store.retentionPlan(policy("source:demo"), now: Date())
        let heldCount = try count("SELECT count(*) FROM conversations WHERE user_id = ? OR id = ?", store, [heldUser.id, otherConversation])
        #expect(plan.rules[0].held == Int(heldCount))

        _ = try fixture.runJob(policy("source:demo"), store: store)
        #expect(try count("SELECT count(*) FROM conversations", store) == heldCount)
        #expect(try count("SELECT count(*) FROM conversations WHERE id = ?", store, [otherConversation]) == 1)

        do {
            _ = try store.forget(user: String(heldUser.id), context: fixture.context, waitSeconds: 0)
            Issue.record("forget of a held user must fail")
        } catch let error as RetentionError {
            #expect(error == .underLegalHold("user \(heldUser.id)"))
        }
        let released = try store.setLegalHold(.user(String(heldUser.id)), held: false, context: fixture.context)
        #expect(released.changed)
        let actions = try store.auditEntries(limit: 10).map(\.action)
        #expect(actions.contains("hold"))
        #expect(actions.contains("release"))
    }

    @Test func conversationWithNewTurnSurvivesIdleRule() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 6, conversations: 80, into: store)
        let policy = policy("idle:300d")
        let plan = try store.retentionPlan(policy, now: Date())
        let selected = try store.connection.query(
            "SELECT c.id FROM conversations c WHERE \(RetentionSelection(try policy.rules[0].query(at: Date())).condition) ORDER BY c.id",
            RetentionSelection(try policy.rules[0].query(at: Date())).values) { $0.int64(0) }
        let target = try #require(selected.last)
        #expect(selected.count >= 3)

        let job = try store.openRetentionJob(policy, context: fixture.context, abandonOther: false)
        _ = try store.runRetentionBatch(jobID: job.id, context: fixture.context, maxTurns: 5)

        // Another client adds a turn to the last selected conversation, without touching updated_at.
        let writer = try Connection(path: fixture.storePath, mode: .readWrite)
        try writer.writeTransaction {
            try writer.run(
                """
                INSERT INTO turns (uid, conversation_id, source_id, position, on_default_thread, role, kind, text, created_at, content_hash)
                VALUES ('late-turn', ?, 'late', 999, 0, 'user', 'message', 'a late question', ?, 1)
                """, target, Date().timeIntervalSince1970)
        }

        var finished = false
        while !finished {
            finished = try store.runRetentionBatch(jobID: job.id, context: fixture.context, maxTurns: 40).isFinished
        }
        let status = try store.closeRetentionJob(jobID: job.id, outcome: .finished, context: fixture.context)
        #expect(status.conversations == plan.conversations - 1)
        #expect(try count("SELECT count(*) FROM conversations WHERE id = ?", store, [target]) == 1)
        #expect(try store.check().isSound)
    }

    @Test func cancelledJobResumesToSameEnd() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 6, conversations: 80, into: store)
        let policy = policy("idle:200d")
        let plan = try store.retentionPlan(policy, now: Date())

        var batches = 0
        let first = try fixture.runJob(policy, store: store, maxTurns: 30) {
            batches += 1
            return batches > 3
        }
        #expect(first.status == "cancelled")
        #expect(first.conversations < plan.conversations)

        let second = try fixture.runJob(policy, store: store, maxTurns: 30)
        #expect(second.status == "finished")
        #expect(second.isResumed)
        #expect(second.id == first.id)
        #expect(second.conversations == plan.conversations)
        #expect(try store.retentionPlan(policy, now: Date()).conversations == 0)
        let automerge = try store.connection.scalarInt("SELECT v FROM turns_fts_config WHERE k = 'automerge'")
        #expect(automerge == 4)
    }

    @Test func otherUnfinishedJobBlocksNewPolicy() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 3, conversations: 30, into: store)
        let first = try store.openRetentionJob(policy("idle:100d"), context: fixture.context, abandonOther: false)
        #expect(throws: RetentionError.otherJobRunning(jobID: first.id)) {
            _ = try store.openRetentionJob(self.policy("tag:none"), context: fixture.context, abandonOther: false)
        }
        let second = try store.openRetentionJob(policy("tag:none"), context: fixture.context, abandonOther: true)
        #expect(second.id != first.id)
    }

    @Test func anonymiseRedactsAndPseudonymises() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        let export = try fixture.writeShareGPT([
            (id: "c1", turns: ["My mail is alice.smith@example.com and card 4111 1111 1111 1111", "Noted."]),
            (id: "c2", turns: ["Server 10.1.2.3 uses key sk-abcdefghijklmnopqrstuvwxyz", "Rotate that key."]),
        ], to: "alice.json")
        try fixture.importFile(export, user: "alice", into: store)
        let bobExport = try fixture.writeShareGPT([(id: "b1", turns: ["bob@example.org here", "hi"])], to: "bob.json")
        try fixture.importFile(bobExport, user: "bob", into: store)

        let status = try fixture.runJob(policy("user:alice", .anonymise), store: store)
        #expect(status.conversations == 2)

        let texts = try store.connection.query(
            "SELECT t.text FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE c.source_id IN ('c1', 'c2') ORDER BY t.id") { $0.string(0) }
        #expect(texts == ["My mail is [email] and card [card]", "Noted.", "Server [ip] uses key [secret]", "Rotate that key."])
        let owners = Set(try store.connection.query(
            "SELECT u.name FROM conversations c JOIN users u ON u.id = c.user_id WHERE c.source_id IN ('c1', 'c2')") { $0.string(0) })
        #expect(owners.count == 1)
        #expect(owners.first?.hasPrefix("anon-") == true)
        #expect(try store.findUsers(matching: "alice").isEmpty)
        #expect(try store.scan(SearchQuery.parse("conv:c1"), limit: 10, detector: PersonalDataDetector()).findings.isEmpty)
        #expect(try store.scan(nil, limit: 10, detector: PersonalDataDetector()).findings.map(\.kind) == [.email])

        let again = try fixture.importFile(export, user: "alice", into: store)
        #expect(again.erasedConversations == 2)
        #expect(again.newConversations == 0)
        #expect(try store.findUsers(matching: "alice").isEmpty)
        #expect(try store.check().isSound)
    }

    @Test func archiveCopiesVerifiesThenDeletes() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 4, conversations: 40, into: store)
        let archivePath = fixture.directory.path("archive.db")
        let policy = policy("idle:300d", .archive, archive: archivePath)
        let plan = try store.retentionPlan(policy, now: Date())
        let uids = Set(try store.connection.query(
            "SELECT c.uid FROM conversations c WHERE \(RetentionSelection(try policy.rules[0].query(at: Date())).condition)",
            RetentionSelection(try policy.rules[0].query(at: Date())).values) { $0.string(0) })
        #expect(plan.conversations > 0)

        let status = try fixture.runJob(policy, store: store)
        #expect(status.conversations == plan.conversations)
        #expect(try count("SELECT count(*) FROM conversations WHERE uid IN (SELECT value FROM json_each(?))", store,
                          [JSONValue.array(uids.map(JSONValue.string)).serialized()]) == 0)

        let archive = try SQLiteStore(path: archivePath)
        let archived = Set(try archive.connection.query("SELECT uid FROM conversations") { $0.string(0) })
        #expect(archived == uids)
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM turns") == Int64(plan.turns))
        #expect(try archive.check(thorough: true).isSound)
        let mode = try FileManager.default.attributesOfItem(atPath: archivePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func archiveGoesOnAcrossSmallBatches() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 4, conversations: 40, into: store)
        let archivePath = fixture.directory.path("archive.db")
        // A delete rule first, so one batch ends that rule and reaches the archive rule, and
        // batches of three turns, so archived conversations span several batches.
        let policy = try RetentionPolicyParser.parse("""
            [rule old]
            match = idle:600d
            action = delete

            [rule keep]
            match = idle:300d
            action = archive
            archive = \(archivePath)
            """, file: "policy.conf")
        let plan = try store.retentionPlan(policy, now: Date())
        #expect(plan.rules[1].conversations > 1)

        let status = try fixture.runJob(policy, store: store, maxTurns: 3)
        #expect(status.conversations == plan.conversations)
        let archive = try SQLiteStore(path: archivePath)
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM conversations") == Int64(plan.rules[1].conversations))
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM turns") == Int64(plan.rules[1].turns))
    }

    @Test func idleFilterWorksInSearch() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 4, conversations: 40, into: store)
        let query = SearchQuery.parse("idle:200d the")
        let selection = RetentionSelection(try RetentionRule(name: "r", match: "idle:200d", action: .delete).query(at: Date()))
        let expected = try store.connection.scalarInt(
            "SELECT count(*) FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE \(selection.condition) AND t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'the')",
            selection.values)
        let page = try store.search(SearchRequest(query: query, order: .recent, limit: 5), cancellation: nil)
        #expect(expected ?? 0 > 0)
        #expect(page.total == Int(expected ?? -1))
    }

    @Test func auditLogRejectsChanges() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 2, conversations: 5, into: store)
        let entry = try #require(try store.auditEntries(limit: 1).first)
        #expect(entry.action == "import")
        #expect(throws: SQLiteError.self) {
            try store.connection.run("UPDATE audit_log SET actor = 'someone else' WHERE id = ?", entry.id)
        }
        #expect(throws: SQLiteError.self) {
            try store.connection.run("DELETE FROM audit_log WHERE id = ?", entry.id)
        }
    }
}
