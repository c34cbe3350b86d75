import Foundation
import Testing
@testable import ConfabCore

@Suite(.serialized, .enabled(if: ChildProcess.confabPath != nil, Comment(rawValue: ChildProcess.unavailableReason)))
struct HealthCommandTests {
    let harness: ConfabHarness

    init() throws {
        harness = try ConfabHarness()
    }

    private func path(_ name: String) -> String {
        harness.folder.appendingPathComponent(name).path
    }

    private func runConfab(_ arguments: [String], name: String) throws -> ChildProcess {
        try ChildProcess(confab: ["--db", harness.databasePath] + arguments, outputPath: path(name + ".out"), errorPath: path(name + ".err"))
    }

    @Test func jsonHasRequiredFields() throws {
        let writers = try runConfab(["simulate", "--writers", "2", "--rate", "100", "--seconds", "4", "--json"], name: "simulate")
        #expect(ChildProcess.waitUntil { FileManager.default.fileExists(atPath: harness.databasePath) })
        #expect(ChildProcess.waitUntil { (try? SQLiteStore(path: harness.databasePath, readOnly: true).latestChangeSequence()) ?? 0 > 20 })

        let health = try runConfab(["health", "--json", "--seconds", "2", "--sizes"], name: "health")
        #expect(try health.wait() == 0, "health failed: \(health.errors)")
        #expect(try writers.wait() == 0, "simulate failed: \(writers.errors)")

        let object = try JSONValue.parse(health.output)
        let latency = try #require(object["sync_latency_ms"])
        for key in ["p50", "p95", "p99", "max", "samples"] {
            #expect(latency[key]?.doubleValue != nil, "sync_latency_ms.\(key) missing")
        }
        #expect((latency["samples"]?.doubleValue ?? 0) > 50)
        #expect((latency["p50"]?.doubleValue ?? -1) >= 0)
        #expect((latency["max"]?.doubleValue ?? 0) >= (latency["p99"]?.doubleValue ?? 0))
        #expect((object["commits_per_second"]?.doubleValue ?? 0) > 20)
        for key in ["wal_bytes", "page_count", "freelist_count", "busy_retries", "conflicts", "file_bytes"] {
            #expect(object[key]?.doubleValue != nil, "\(key) missing")
        }
        #expect((object["page_count"]?.doubleValue ?? 0) > 10)
        #expect(object["wal_pinned"] == .bool(false))

        let sizes = try #require(object["sizes"])
        guard case .array(let indexes)? = sizes["full_text_indexes"] else {
            Issue.record("sizes.full_text_indexes missing")
            return
        }
        let turnsIndex = try #require(indexes.first { $0["name"]?.stringValue == "turns_fts" })
        #expect((turnsIndex["documents"]?.doubleValue ?? 0) > 50)
        #expect((turnsIndex["segments"]?.doubleValue ?? 0) >= 1)
    }

    @Test func pinnedReaderIsReported() throws {
        let store = try SQLiteStore(path: harness.databasePath)
        let pool = try (0..<4).map { _ in try store.makeLiveWriter().startConversation(NewConversation(userName: "u")).conversationID }

        // This test process keeps a read snapshot open, as a forgotten statement would.
        let reader = try Connection(path: harness.databasePath, mode: .readOnly)
        try reader.execute("BEGIN")
        #expect(try reader.scalarInt("SELECT count(*) FROM turns") == 0)

        let writer = try runConfab(["simulate-writer", "--rate", "400", "--seconds", "3", "--edit-percent", "0",
                                    "--conversations", pool.map(String.init).joined(separator: ",")], name: "writer")
        #expect(try writer.wait() == 0, "writer failed: \(writer.errors)")

        let health = try runConfab(["health", "--json", "--seconds", "3"], name: "health")
        #expect(try health.wait() == 0, "health failed: \(health.errors)")
        let object = try JSONValue.parse(health.output)
        #expect(object["wal_pinned"] == .bool(true), "health output: \(health.output)")
        guard case .array(let readers)? = object["wal_pinning_readers"] else {
            Issue.record("wal_pinning_readers missing")
            return
        }
        #expect(readers.contains { $0["pid"]?.doubleValue == Double(getpid()) })
        #expect((object["wal_frames_since_checkpoint"]?.doubleValue ?? 0) >= 1_000)

        // Once the reader lets go, a checkpoint empties the WAL and the warning clears.
        try reader.execute("COMMIT")
        let after = try runConfab(["health", "--json", "--seconds", "3", "--run", "checkpoint"], name: "after")
        #expect(try after.wait() == 0)
        let cleared = try JSONValue.parse(after.output)
        #expect(cleared["wal_pinned"] == .bool(false))
        #expect(cleared["wal_frames_since_checkpoint"]?.doubleValue == 0)
    }

    @Test func checkReportsIntactStore() throws {
        let store = try SQLiteStore(path: harness.databasePath)
        let writer = store.makeLiveWriter()
        let id = try writer.startConversation(NewConversation(userName: "u")).conversationID
        _ = try writer.appendTurn(TurnAppend(conversationID: id, parent: .currentTip, role: .user, text: "hello 世界"))

        let result = harness.run(["health", "--json", "--seconds", "0", "--check"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try result.json()
        guard case .array(let steps)? = object["integrity"] else {
            Issue.record("integrity missing")
            return
        }
        #expect(steps.map { $0["step"]?.stringValue } == ["quick_check", "turns_fts", "conversations_fts", "turn_characters_fts"])
        #expect(steps.allSatisfy { $0["ok"] == .bool(true) })
    }

    @Test func corruptIndexFailsCheck() throws {
        let store = try SQLiteStore(path: harness.databasePath)
        let writer = store.makeLiveWriter()
        let id = try writer.startConversation(NewConversation(userName: "u")).conversationID
        _ = try writer.appendTurn(TurnAppend(conversationID: id, parent: .currentTip, role: .user, text: "indexed words here"))
        // Change the text behind the external-content index's back, as a careless tool could.
        try store.connection.execute("DROP TRIGGER turns_fts_after_update")
        try store.connection.execute("UPDATE turns SET text = 'something else entirely'")

        let result = harness.run(["health", "--json", "--seconds", "0", "--check"])
        #expect(result.status == 1)
        let object = try result.json()
        guard case .array(let steps)? = object["integrity"] else {
            Issue.record("integrity missing")
            return
        }
        let turnsStep = try #require(steps.first { $0["step"]?.stringValue == "turns_fts" })
        #expect(turnsStep["ok"] == .bool(false))
    }
}
