import CSQLite
import Foundation

/// The embedded store: one SQLite file in WAL mode.
///
/// Not `Sendable`: the store owns one connection, which one thread uses at a time.
public final class SQLiteStore: ConversationStore {
    public let path: String
    let connection: Connection
    /// The key file that imports use to check the erased-ids ledger; nil means
    /// `RetentionKeyFile.defaultPath` under the process environment.
    public var retentionKeyPath: String?

    /// Opens the store at `path`, creating it (mode 0600, parent folders 0700) when it does not exist,
    /// and brings its schema up to date.
    ///
    /// Throws `MigrationError` for a database of a newer Confab or of another application.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let isNew = !FileManager.default.fileExists(atPath: path)
        if isNew && !readOnly {
            try SQLiteStore.createFile(at: path)
        }

        connection = try Connection(path: path, mode: readOnly ? .readOnly : .readWrite)
        try configure(isNew: isNew, readOnly: readOnly)
        if !readOnly {
            try Schema.migrator.migrate(connection)
        }
    }

    /// Confab's `PRAGMA application_id`: the bytes "CFAB".
    static let applicationID: Int32 = 0x4346_4142

    private static func createFile(at path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SQLiteError(extendedCode: SQLITE_CANTOPEN, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
    }

    private func configure(isNew: Bool, readOnly: Bool) throws {
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.configure(SQLITE_DBCONFIG_DEFENSIVE, 1)

        let applicationID = Int32(truncatingIfNeeded: try connection.scalarInt("PRAGMA application_id") ?? 0)
        let tableCount = try connection.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
        if applicationID != SQLiteStore.applicationID && tableCount > 0 {
            throw MigrationError.foreignDatabase(path: path, applicationID: applicationID)
        }
        guard !readOnly else { return }

        if tableCount == 0 {
            // auto_vacuum takes effect only before the first table exists.
            try connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try connection.execute("PRAGMA application_id = \(SQLiteStore.applicationID)")
        }
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("PRAGMA synchronous = NORMAL")
        // A reader that pins the WAL lets it grow without bound. With this limit, SQLite
        // truncates the file back to 64 MiB once the pin ends and a checkpoint resets the log.
        try connection.execute("PRAGMA journal_size_limit = 67108864")
        try connection.execute("PRAGMA temp_store = MEMORY")
        // 32 MiB instead of the default 2 MiB: an import appends to the turns table, three of its
        // indexes and the FTS5 segments at once, and with a small cache their pages keep evicting
        // each other. SQLite fills the cache lazily, so small stores use less.
        try connection.execute("PRAGMA cache_size = -32768")
    }
}

extension SQLiteStore {
    public func beginImport(format: ImportFormat, filePath: String, fileBytes: Int64?) throws -> any ImportWriter {
        try SQLiteImportWriter(
            connection: connection, format: format, filePath: filePath, fileBytes: fileBytes,
            keyPath: retentionKeyPath ?? RetentionKeyFile.defaultPath(storePath: path, environment: ProcessInfo.processInfo.environment))
    }
}

extension SQLiteStore {
    /// SQLite's `PRAGMA data_version`: it changes only for commits made by other connections and
    /// costs about a microsecond, so views can poll it several times a second.
    public func changeCounter() throws -> Int64 {
        try connection.scalarInt("PRAGMA data_version") ?? 0
    }

    /// A handle that stops this store's running query from another thread (Ctrl-C in the console).
    public func makeInterruptHandle() -> InterruptHandle {
        connection.makeInterruptHandle()
    }
}
