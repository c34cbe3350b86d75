import CSQLite
import Foundation

/// Figures of a finished backup or restore.
public struct BackupReport: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    public var copySeconds: Double
    public var verifySeconds: Double
}

extension SQLiteStore {
    /// Copies the store to `destination` with SQLite's online backup API, `pagesPerStep` pages at a
    /// time so that writers are not held up, then opens the copy and verifies it. The copy is
    /// created with mode 0600; an existing file is rejected rather than overwritten.
    public func backup(to destination: String, pagesPerStep: Int32 = 1_024, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw RetentionError.backupVerificationFailed(path: destination, problem: "the file already exists; choose a new path")
        }
        let descriptor = open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RetentionError.backupVerificationFailed(path: destination, problem: "cannot create it: \(String(cString: strerror(errno)))")
        }
        close(descriptor)

        let started = Date()
        do {
            let target = try Connection(path: destination, mode: .readWrite)
            try OnlineBackup.copy(from: connection, to: target, pagesPerStep: pagesPerStep, progress: progress)
            _ = try? target.checkpoint("TRUNCATE")
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
        let copied = Date()
        try BackupVerifier.verify(destination)
        return BackupReport(
            path: destination, bytes: StoreFiles.totalSize(of: destination), copySeconds: copied.timeIntervalSince(started),
            verifySeconds: Date().timeIntervalSince(copied))
    }

    /// Verifies the backup at `source`, then replaces this store's contents with it through the
    /// online backup API in one transaction, so other connections see the old or the new store and
    /// nothing in between. Nothing changes when verification fails.
    public func restore(from source: String, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> BackupReport {
        let started = Date()
        try BackupVerifier.verify(source)
        let verified = Date()
        let origin = try Connection(path: source, mode: .readOnly)
        try OnlineBackup.copy(from: origin, to: connection, pagesPerStep: -1, progress: progress)
        connection.checkpointWithoutWaiting()
        return BackupReport(
            path: source, bytes: StoreFiles.totalSize(of: path), copySeconds: Date().timeIntervalSince(verified),
            verifySeconds: verified.timeIntervalSince(started))
    }
}

/// Checks that a file is a sound Confab store this build can open.
enum BackupVerifier {
    static func verify(_ path: String) throws {
        do {
            try verifyStore(path)
        } catch let error as SQLiteError {
            throw RetentionError.backupVerificationFailed(path: path, problem: error.message)
        }
    }

    private static func verifyStore(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RetentionError.backupVerificationFailed(path: path, problem: "the file does not exist")
        }
        let connection: Connection
        do {
            connection = try Connection(path: path, mode: .readWrite)
            let applicationID = Int32(truncatingIfNeeded: try connection.scalarInt("PRAGMA application_id") ?? 0)
            guard applicationID == SQLiteStore.applicationID else {
                throw RetentionError.backupVerificationFailed(path: path, problem: "it is not a Confab store")
            }
        } catch let error as SQLiteError {
            throw RetentionError.backupVerificationFailed(path: path, problem: error.message)
        }
        let steps = Set(try connection.query("SELECT name FROM confab_migrations") { $0.string(0) })
        let unknown = steps.subtracting(Schema.migrator.migrations.map(\.name))
        guard unknown.isEmpty else {
            throw RetentionError.backupVerificationFailed(
                path: path, problem: "it was written by a newer Confab (schema steps \(unknown.sorted().joined(separator: ", ")))")
        }
        let report = try StoreChecker.check(connection, thorough: true)
        guard report.isSound else {
            throw RetentionError.backupVerificationFailed(
                path: path, problem: (report.databaseProblems + report.indexProblems).prefix(3).joined(separator: "; "))
        }
    }
}

/// SQLite's online backup API (`sqlite3_backup_*`).
enum OnlineBackup {
    /// Copies the main database of `source` over that of `target`. With a positive
    /// `pagesPerStep` the source is read in steps, between which other connections may write
    /// (the copy restarts from the changed pages); -1 copies everything in one step.
    static func copy(from source: Connection, to target: Connection, pagesPerStep: Int32, progress: (Int64, Int64) -> Void) throws {
        guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
            throw target.error(code: sqlite3_errcode(target.handle))
        }
        var code: Int32 = SQLITE_OK
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            let total = Int64(sqlite3_backup_pagecount(backup))
            progress(total - Int64(sqlite3_backup_remaining(backup)), total)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                usleep(10_000)
            }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(extendedCode: code == SQLITE_DONE ? finish : code,
                              message: String(cString: sqlite3_errmsg(target.handle)), sql: nil)
        }
    }
}
