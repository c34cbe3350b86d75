import Foundation

/// Another application's SQLite database (an `llm` logs.db, an Open WebUI webui.db), opened
/// read-only for an import.
///
/// The application may be writing the file while Confab reads it. The connection is read-only
/// with a busy timeout, so it never changes the file and waits out a writer's lock instead of
/// failing at once. Rollback-journal and WAL files both work: SQLite reads committed pages from
/// the `-wal` file when there is one. Callers read one page of conversations per `snapshot`, so a
/// conversation is read from one consistent state of the file. In rollback-journal mode the shared
/// lock that blocks a writer's commit is then held only while that page is read, never while the
/// store writes.
///
/// NOTE: opening a WAL file that no other process has open makes SQLite create its `-wal` and
/// `-shm` files beside it, as every reader does. The database file itself is never written.
final class SQLiteSourceDatabase {
    let file: URL
    let connection: Connection
    /// Table and view names.
    let tables: Set<String>
    /// Repairs made so far while decoding text and JSON columns.
    var textRepairs = TextRepairs()
    private var columnsByTable: [String: Set<String>] = [:]

    /// Opens `file` read-only. A file SQLite cannot open or read throws `ImportFailure.unreadable`.
    init(file: URL, busyTimeoutMilliseconds: Int32 = 5_000) throws(ImportFailure) {
        self.file = file
        do {
            connection = try Connection(path: file.path, mode: .readOnly,
                                        busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            let names = try connection.query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") {
                $0.string(0)
            }
            tables = Set(names)
        } catch {
            throw ImportFailure.unreadable(file: file.path, detail: "\(error)")
        }
    }

    func hasTable(_ name: String) -> Bool {
        tables.contains(name)
    }

    /// Returns the column names of `table` from `PRAGMA table_info`, or none when the table does not exist.
    func columns(of table: String) throws -> Set<String> {
        if let cached = columnsByTable[table] {
            return cached
        }
        do {
            let names = Set(try connection.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.string(0) })
            columnsByTable[table] = names
            return names
        } catch let error as SQLiteError {
            throw unreadable(error)
        }
    }

    func hasColumn(_ column: String, in table: String) throws -> Bool {
        try columns(of: table).contains(column)
    }

    /// The column quoted for a select list when `table` has it, else `NULL`, so one query shape
    /// serves every schema version.
    func columnOrNull(_ column: String, in table: String) throws -> String {
        try hasColumn(column, in: table) ? quotedIdentifier(column) : "NULL"
    }

    /// Runs `body` inside one read transaction and ends it before returning.
    ///
    /// Every read of the source goes through here, so a SQLite failure (a lock held past the busy
    /// timeout, a damaged file) becomes `ImportFailure.unreadable` for this file. Errors of the
    /// store keep their own type, because the sink throws them outside any snapshot.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        do {
            try connection.execute("BEGIN DEFERRED")
            let result = try body()
            try connection.execute("COMMIT")
            return result
        } catch let error as SQLiteError {
            connection.rollbackIgnoringErrors()
            throw unreadable(error)
        } catch {
            connection.rollbackIgnoringErrors()
            throw error
        }
    }

    private func unreadable(_ error: SQLiteError) -> ImportFailure {
        ImportFailure.unreadable(file: file.path, detail: error.description)
    }

    /// Reports the repairs counted so far to `sink` and resets the count, so totals stay exact
    /// when this is called more than once.
    func flushTextRepairs(to sink: any ImportSink) {
        guard !textRepairs.isEmpty else { return }
        sink.countTextRepairs(invalidUTF8: textRepairs.invalidUTF8, loneSurrogates: textRepairs.loneSurrogates)
        textRepairs = TextRepairs()
    }
}

/// `name` as a double-quoted SQL identifier.
func quotedIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Progress of an import measured in source rows, reported to the sink in steps rather than for
/// every row.
struct RowProgress {
    let total: Int64
    private(set) var done: Int64 = 0
    private var reported: Int64 = -1
    private let step: Int64

    init(total: Int64, step: Int64 = 100) {
        self.total = total
        self.step = step
    }

    /// Reports `0 of total`, so a progress bar can show the size before the first step.
    mutating func start(sink: any ImportSink) {
        report(to: sink)
    }

    mutating func advance(by rows: Int64, sink: any ImportSink) {
        done = min(total, done + rows)
        if done - reported >= step || done == total {
            report(to: sink)
        }
    }

    mutating func finish(sink: any ImportSink) {
        done = total
        if reported != done {
            report(to: sink)
        }
    }

    private mutating func report(to sink: any ImportSink) {
        reported = done
        sink.progress(done: done, total: total)
    }
}
