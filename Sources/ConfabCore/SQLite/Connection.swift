import CSQLite
import Foundation

/// One SQLite database connection.
///
/// A connection is not `Sendable`: exactly one owner uses it, on one thread at a time. The only
/// member that may be called from elsewhere is the `InterruptHandle`, because `sqlite3_interrupt`
/// is documented as safe to call from any thread while the connection is open.
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]

    public enum OpenMode: Sendable {
        /// Read and write, creating the file when it does not exist.
        case readWriteCreate
        case readWrite
        /// Read only: another process may be writing the file (an `llm` logs.db, a webui.db).
        case readOnly
    }

    public init(path: String, mode: OpenMode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }

        var databaseHandle: OpaquePointer?
        let code = sqlite3_open_v2(Connection.uri(for: path), &databaseHandle, flags, nil)
        guard code == SQLITE_OK, let databaseHandle else {
            let message = databaseHandle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(databaseHandle)
            throw SQLiteError(extendedCode: code, message: "cannot open \(path): \(message)")
        }

        self.handle = databaseHandle
        self.path = path
        sqlite3_extended_result_codes(databaseHandle, 1)
        sqlite3_busy_timeout(databaseHandle, busyTimeoutMilliseconds)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Builds a `file:` URI so that names with `?` or `#` are not read as URI parameters.
    private static func uri(for path: String) -> String {
        if path == ":memory:" || path.isEmpty {
            return path
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:" + escaped
    }

    func error(code: Int32, sql: String? = nil) -> SQLiteError {
        SQLiteError(
            extendedCode: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)),
            sql: sql
        )
    }

    // MARK: Running statements

    /// Runs one or more statements that take no parameters and return no rows worth reading.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(errorMessage)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Prepares a statement that the caller owns.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Returns a reset statement from this connection's cache, preparing it on first use.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(connection: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a cached statement to completion.
    public func run(_ sql: String, _ values: any SQLiteBindable...) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Runs a cached query and maps every row. The statement is reset before returning, so it
    /// holds no read snapshot afterwards.
    public func query<T>(_ sql: String, _ values: [any SQLiteBindable] = [], row transform: (Statement) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        var rows: [T] = []
        while try statement.step() {
            rows.append(try transform(statement))
        }
        return rows
    }

    /// Runs a cached query and maps its first row, if any.
    public func queryFirst<T>(_ sql: String, _ values: [any SQLiteBindable] = [], row transform: (Statement) throws -> T) throws -> T? {
        let statement = try cachedStatement(sql)
        try statement.bind(values)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return try transform(statement)
    }

    /// The first column of the first row as an integer; nil when there is no row or it is NULL.
    public func scalarInt(_ sql: String, _ values: [any SQLiteBindable] = []) throws -> Int64? {
        try queryFirst(sql, values) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    }

    public func scalarString(_ sql: String, _ values: [any SQLiteBindable] = []) throws -> String? {
        try queryFirst(sql, values) { $0.optionalString(0) } ?? nil
    }

    // MARK: Transactions

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// Every write goes through here: a deferred `BEGIN` that reads and then writes can fail with
    /// SQLITE_BUSY at once, while `BEGIN IMMEDIATE` takes the write lock up front and so waits
    /// under the busy timeout.
    public func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
    }

    /// Runs `body` inside a savepoint, so a failure undoes only its own changes.
    public func savepoint<T>(_ name: String = "confab_step", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Rolls back the open transaction, if any. A failed rollback leaves nothing more to undo.
    public func rollbackIgnoringErrors() {
        if isInTransaction {
            try? execute("ROLLBACK")
        }
    }

    // MARK: Settings and control

    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Sets an integer `sqlite3_db_config` option and returns the value now in force.
    @discardableResult
    public func configure(_ option: Int32, _ value: Int32) throws -> Int32 {
        var result: Int32 = 0
        let code = confab_sqlite_db_config_int(handle, option, value, &result)
        guard code == SQLITE_OK else { throw error(code: code) }
        return result
    }

    /// A handle that can stop this connection's running statement from another thread.
    public func makeInterruptHandle() -> InterruptHandle {
        InterruptHandle(handle: handle)
    }
}

/// Stops the statement running on a connection, from any thread.
///
/// `@unchecked Sendable`: it holds only the connection pointer and calls nothing but
/// `sqlite3_interrupt`, which SQLite documents as thread-safe. The owner must keep the connection
/// open for as long as the handle may be used.
public struct InterruptHandle: @unchecked Sendable {
    fileprivate let handle: OpaquePointer

    public func interrupt() {
        sqlite3_interrupt(handle)
    }
}
