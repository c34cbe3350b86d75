import ConfabCore
import Foundation
import Testing

/// `retention run` killed with SIGKILL at random points, then resumed, ends where an uninterrupted
/// run ends. Real processes on real files.
@Suite(.serialized) struct RetentionKillTests {
    static let policy = """
        [rule archive-oldest]
        match = idle:300d
        action = archive
        archive = ARCHIVE

        [rule delete-old]
        match = idle:200d
        action = delete

        [rule anonymise-recent]
        match = idle:100d
        action = anonymise
        """

    /// The logical contents of a store and its archive, as comparable rows.
    private func contents(store: String, archive: String) throws -> [String] {
        let connection = try Connection(path: store, mode: .readOnly)
        var rows = try connection.query("SELECT uid, name, legal_hold FROM users ORDER BY uid") { "user \($0.string(0)) \($0.string(1)) \($0.int(2))" }
        rows += try connection.query(
            """
            SELECT c.uid, u.uid, coalesce(c.title, ''), c.anonymised_at IS NOT NULL, c.deleting_since IS NULL, coalesce(c.metadata, '')
            FROM conversations c JOIN users u ON u.id = c.user_id ORDER BY c.uid
            """) { "conversation \($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.int(3)) \($0.int(4)) \($0.string(5))" }
        rows += try connection.query(
            """
            SELECT t.uid, c.uid, t.text, coalesce(t.raw_payload, ''), coalesce(t.author, '')
            FROM turns t JOIN conversations c ON c.id = t.conversation_id ORDER BY t.uid
            """) { "turn \($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.string(3)) \($0.string(4))" }
        rows += try connection.query("SELECT hash, kind FROM erased_ledger ORDER BY hash") { "ledger \($0.string(0)) \($0.string(1))" }

        let archived = try Connection(path: archive, mode: .readOnly)
        rows += try archived.query(
            "SELECT c.uid, t.uid, t.text FROM turns t JOIN conversations c ON c.id = t.conversation_id ORDER BY t.uid") {
            "archived \($0.string(0)) \($0.string(1)) \($0.string(2))"
        }
        return rows
    }

    private func jobBatches(_ store: String) -> Int {
        guard let connection = try? Connection(path: store, mode: .readOnly) else { return 0 }
        let batches = try? connection.scalarInt("SELECT coalesce(max(batches), 0) FROM retention_jobs")
        return Int((batches ?? 0) ?? 0)
    }

    @Test(.enabled(if: ConfabProcess.unavailableReason == nil, "needs the confab executable"))
    func killedRunsResumeToSameContents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confab-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "HOME": folder.path, "LANG": "C.UTF-8", "CONFAB_KEY_FILE": folder.appendingPathComponent("retention.key").path,
        ]
        let straight = folder.appendingPathComponent("straight.db").path
        let killed = folder.appendingPathComponent("killed.db").path

        try #require(try ConfabProcess.run(
            ["demo", "--no-tui", "--quiet", "--db", straight, "--users", "16", "--conversations", "240", "--seed", "5"],
            environment: environment, folder: folder) == 0)
        try FileManager.default.copyItem(atPath: straight, toPath: killed)
        for (store, archive) in [(straight, "straight-archive.db"), (killed, "killed-archive.db")] {
            let text = Self.policy.replacingOccurrences(of: "ARCHIVE", with: folder.appendingPathComponent(archive).path)
            try text.write(toFile: store + ".policy", atomically: true, encoding: .utf8)
        }
        let runArguments = { (store: String) in ["--db", store, "retention", "run", "--policy", store + ".policy", "--batch-turns", "12", "--quiet"] }

        #expect(try ConfabProcess.run(runArguments(straight), environment: environment, folder: folder) == 0)

        // Kill at random points: right after start, after some batches, and during the end steps.
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for round in 0..<12 {
            let process = try ConfabProcess.start(runArguments(killed), environment: environment, folder: folder)
            let startBatches = jobBatches(killed)
            let extraBatches = Int.random(in: 0...12, using: &generator)
            let deadline = Date().addingTimeInterval(20)
            if round % 3 == 0 {
                usleep(UInt32.random(in: 1_000...150_000, using: &generator))
            } else {
                while process.isRunning && jobBatches(killed) < startBatches + extraBatches && Date() < deadline {
                    usleep(1_000)
                }
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        #expect(kills >= 6, "most runs must be killed before they finish")
        #expect(try ConfabProcess.run(runArguments(killed), environment: environment, folder: folder) == 0)

        let expected = try contents(store: straight, archive: folder.appendingPathComponent("straight-archive.db").path)
        let actual = try contents(store: killed, archive: folder.appendingPathComponent("killed-archive.db").path)
        #expect(expected.count > 100)
        #expect(actual.count == expected.count)
        #expect(actual == expected)
        #expect(expected.contains { $0.hasPrefix("archived ") })
        #expect(expected.contains { $0.hasPrefix("ledger ") })

        let store = try SQLiteStore(path: killed)
        #expect(try store.check(thorough: true).isSound)
        let jobs = try Connection(path: killed, mode: .readOnly).query("SELECT status FROM retention_jobs") { $0.string(0) }
        #expect(jobs == ["finished"])
    }
}
