import Foundation
import Testing
@testable import ConfabCore

/// Real writer processes against one store: acknowledged turns survive, crashes lose nothing
/// that was acknowledged, and lock waits are bounded.
@Suite(.serialized, .enabled(if: ChildProcess.confabPath != nil, Comment(rawValue: ChildProcess.unavailableReason)))
struct ConcurrentWriterTests {
    let harness: ConfabHarness

    init() throws {
        harness = try ConfabHarness()
    }

    private func path(_ name: String) -> String {
        harness.folder.appendingPathComponent(name).path
    }

    /// Creates the store with `count` conversations and returns their ids.
    private func makePool(_ count: Int) throws -> [Int64] {
        let store = try SQLiteStore(path: harness.databasePath)
        let writer = store.makeLiveWriter()
        return try (0..<count).map { index in
            try writer.startConversation(NewConversation(userName: "pool", title: "Pool \(index)")).conversationID
        }
    }

    private func startWriter(_ index: Int, pool: [Int64], rate: Int, seconds: Int, extra: [String] = []) throws -> ChildProcess {
        try ChildProcess(
            confab: ["--db", harness.databasePath, "simulate-writer", "--index", "\(index)", "--rate", "\(rate)",
                     "--seconds", "\(seconds)", "--conversations", pool.map(String.init).joined(separator: ","),
                     "--ack-log", path("writer-\(index).ack")] + extra,
            outputPath: path("writer-\(index).out"), errorPath: path("writer-\(index).err"))
    }

    private func acknowledged(_ index: Int) -> [Int64] {
        ((try? String(contentsOfFile: path("writer-\(index).ack"), encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int64($0) }
    }

    private func assertIntact(_ store: SQLiteStore) throws {
        #expect(try store.connection.scalarString("PRAGMA integrity_check") == "ok")
        try store.connection.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('integrity-check', 1)")
        try store.connection.execute("INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1)")
    }

    @Test func simulateLosesNoTurns() throws {
        let run = try ChildProcess(
            confab: ["--db", harness.databasePath, "simulate", "--writers", "3", "--rate", "150", "--seconds", "2",
                     "--conversations", "4", "--edit-percent", "20", "--json"],
            outputPath: path("simulate.out"), errorPath: path("simulate.err"))
        let status = try run.wait()
        #expect(status == 0, "simulate failed: \(run.errors)")

        let object = try JSONValue.parse(run.output)
        let written = try #require(object["turns_written"]?.doubleValue)
        #expect(written > 300)
        #expect(object["lost_turns"]?.doubleValue == 0)
        #expect(object["turns_stored"]?.doubleValue == written)
        #expect(object["busy_retries"]?.doubleValue != nil)
        #expect(object["conflicts"]?.doubleValue != nil)
        #expect(object["failed_writers"] == .array([]))
        // With four conversations and a fifth of the operations editing, stale edits are certain.
        let merged = object["merged_edits"]?.doubleValue ?? 0
        let rejected = object["rejected_edits"]?.doubleValue ?? 0
        #expect(merged + rejected > 0)

        let store = try SQLiteStore(path: harness.databasePath)
        try assertIntact(store)
        let appended = try store.connection.scalarInt("SELECT count(*) FROM changes WHERE kind = 'turn_appended'")
        #expect(appended.map(Double.init) == written)
        let branchedRows = try store.connection.scalarInt("SELECT count(*) FROM changes WHERE conflict = 'branched'")
        #expect(branchedRows.map(Double.init) == object["branched_turns"]?.doubleValue)
        // Every conversation's default thread is one unbroken path.
        let brokenThreads = try store.connection.scalarInt("""
            SELECT count(*) FROM (SELECT conversation_id, position, count(*) AS n FROM turns
            WHERE on_default_thread = 1 GROUP BY conversation_id, position HAVING n != 1)
            """)
        #expect(brokenThreads == 0)

        // The analytics summaries were refreshed once the writers finished.
        let aggregates = try store.checkAggregates()
        #expect(aggregates.pendingConversations == 0)
        #expect(aggregates.isConsistent, "\(aggregates.mismatchedConversationIDs)")
    }

    @Test func killedWriterLosesNothingAcknowledged() throws {
        let pool = try makePool(3)
        let stalled = try startWriter(0, pool: pool, rate: 400, seconds: 60, extra: ["--stall-after-turns", "25", "--edit-percent", "0"])
        #expect(ChildProcess.waitUntil { stalled.errors.contains("stalled inside a write transaction") }, "writer never stalled: \(stalled.errors)")

        // The second writer finds the store locked by the stalled one until it is killed.
        let blocked = try startWriter(1, pool: pool, rate: 200, seconds: 2, extra: ["--edit-percent", "0"])
        usleep(300_000)
        stalled.signal(SIGKILL)
        #expect(try stalled.wait() == 128 + SIGKILL)
        #expect(try blocked.wait() == 0, "second writer failed: \(blocked.errors)")

        let report = try JSONValue.parse(blocked.output)
        #expect((report["busy_retries"]?.doubleValue ?? 0) > 0)
        #expect((report["append_latency_ms"]?["max"]?.doubleValue ?? 0) >= 200)

        let store = try SQLiteStore(path: harness.databasePath)
        try assertIntact(store)
        let first = acknowledged(0)
        let second = acknowledged(1)
        #expect(first.count == 25)
        #expect(second.count > 0)
        #expect(try store.storedTurnIDs(among: first + second).count == first.count + second.count)
        // The stalled transaction's turn was never acknowledged and must not be stored either.
        #expect(try store.turnCount(inConversations: pool) == first.count + second.count)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM changes WHERE kind = 'turn_appended'") == Int64(first.count + second.count))
    }

    @Test func lockWaitIsBounded() throws {
        let pool = try makePool(1)
        let stalled = try startWriter(0, pool: pool, rate: 100, seconds: 60, extra: ["--stall-after-turns", "1", "--edit-percent", "0"])
        #expect(ChildProcess.waitUntil { stalled.errors.contains("stalled inside a write transaction") })

        let store = try SQLiteStore(path: harness.databasePath)
        let writer = store.makeLiveWriter(maximumBusyWait: .milliseconds(300))
        let started = ContinuousClock.now
        var thrown: LiveWriteError?
        do {
            _ = try writer.appendTurn(TurnAppend(conversationID: pool[0], parent: .currentTip, role: .user, text: "waits"))
        } catch let error as LiveWriteError {
            thrown = error
        }
        let waited = ContinuousClock.now - started
        stalled.signal(SIGKILL)
        try stalled.wait()

        guard case .busyTimeout(let retries, let milliseconds)? = thrown else {
            Issue.record("expected a busy timeout, got \(String(describing: thrown))")
            return
        }
        #expect(retries > 5)
        #expect(milliseconds >= 300)
        #expect(waited < .seconds(5))
        #expect(writer.writeStatistics.busyRetries == retries)

        // Once the holder is gone the same writer succeeds.
        let appended = try writer.appendTurn(TurnAppend(conversationID: pool[0], parent: .currentTip, role: .user, text: "now"))
        #expect(appended.position == 1)
    }
}

@Suite(.enabled(if: ChildProcess.confabPath != nil, Comment(rawValue: ChildProcess.unavailableReason)))
struct SimulateTextsTests {
    @Test func storeTextsAreReused() throws {
        let harness = try ConfabHarness()
        let export = try harness.write("""
            [{"id": "a", "conversations": [{"from": "human", "value": "How do tides work?"}, {"from": "gpt", "value": "The moon pulls the oceans."}]},
             {"id": "b", "conversations": [{"from": "human", "value": "Name a prime."}, {"from": "gpt", "value": "Seven."}]}]
            """, to: "corpus.json")
        #expect(harness.run(["import", export, "--user", "corpus", "--quiet"]).status == 0)

        let folder = harness.folder.path
        let run = try ChildProcess(
            confab: ["--db", harness.databasePath, "simulate", "--writers", "2", "--rate", "50", "--seconds", "1",
                     "--texts", "store", "--edit-percent", "0", "--json"],
            outputPath: folder + "/texts.out", errorPath: folder + "/texts.err")
        #expect(try run.wait() == 0, "simulate failed: \(run.errors)")

        let store = try SQLiteStore(path: harness.databasePath, readOnly: true)
        let texts = Set(try store.connection.query("SELECT DISTINCT text FROM turns WHERE conversation_id IN (SELECT id FROM conversations WHERE source = 'simulate')") { $0.string(0) })
        #expect(!texts.isEmpty)
        #expect(texts.isSubset(of: ["How do tides work?", "The moon pulls the oceans.", "Name a prime.", "Seven."]))
    }

    @Test func emptyStoreTextsRejected() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["simulate", "--texts", "store", "--writers", "1", "--seconds", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--texts store: the store has no user or assistant messages"))
    }
}
