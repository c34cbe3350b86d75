import Foundation
import Testing
@testable import ConfabCore

/// Online backup, verified restore and check.
@Suite struct BackupTests {
    @Test func backupIsVerifiedCopyWithPrivateMode() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 4, conversations: 50, into: store)
        let path = fixture.directory.path("backup.db")
        var steps = 0

        let report = try store.backup(to: path, pagesPerStep: 16) { _, _ in steps += 1 }
        #expect(steps > 1)
        #expect(report.bytes > 0)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let copy = try SQLiteStore(path: path)
        #expect(try copy.statistics().turns == store.statistics().turns)
        #expect(try copy.check(thorough: true).isSound)

        #expect(throws: RetentionError.self) {
            _ = try store.backup(to: path)
        }
    }

    @Test func restoreReplacesContents() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 3, conversations: 30, into: store)
        let path = fixture.directory.path("backup.db")
        _ = try store.backup(to: path)
        let turns = try store.statistics().turns

        _ = try fixture.runJob(RetentionPolicy(rules: [RetentionRule(name: "all", match: "source:demo", action: .delete)]), store: store)
        #expect(try store.statistics().turns == 0)

        _ = try store.restore(from: path)
        #expect(try store.statistics().turns == turns)
        #expect(try store.check().isSound)
    }

    @Test func damagedBackupRejectedBeforeAnythingChanges() throws {
        let fixture = try RetentionFixture()
        let store = try fixture.openStore()
        try fixture.importDemo(users: 3, conversations: 30, into: store)
        let path = fixture.directory.path("backup.db")
        _ = try store.backup(to: path)

        // Overwrite a page in the middle of the copy with garbage.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 4096 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()

        let turns = try store.statistics().turns
        #expect(throws: RetentionError.self) {
            _ = try store.restore(from: path)
        }
        #expect(try store.statistics().turns == turns)

        let foreign = fixture.directory.path("foreign.db")
        let other = try Connection(path: foreign)
        try other.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        #expect(throws: RetentionError.self) {
            _ = try store.restore(from: foreign)
        }
    }
}
