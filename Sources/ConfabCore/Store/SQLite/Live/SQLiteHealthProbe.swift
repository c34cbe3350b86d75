import CSQLite
import Foundation

/// The health figures of a SQLite store, read through a connection of the probe's own.
///
/// Not `Sendable`: one thread uses a probe at a time. Open one probe for the cheap figures and
/// another, on a worker, for `anatomy` and `checkIntegrity`.
public final class SQLiteHealthProbe: HealthProbe {
    let store: SQLiteStore
    var connection: Connection { store.connection }

    /// The FTS5 tables of the schema, whose indexes `anatomy` describes and the checks verify.
    static let fullTextTables = ["turns_fts", "conversations_fts", "turn_characters_fts"]

    /// Opens the store read-only. `checkIntegrity` and `perform` open a writable connection of
    /// their own for the statements that need one.
    public init(path: String) throws {
        store = try SQLiteStore(path: path, readOnly: true)
    }

    public func figures() throws -> StoreFigures {
        let pageSize = Int(try connection.scalarInt("PRAGMA page_size") ?? 0)
        let pageCount = Int(try connection.scalarInt("PRAGMA page_count") ?? 0)
        let freelist = Int(try connection.scalarInt("PRAGMA freelist_count") ?? 0)
        return StoreFigures(
            pageSize: pageSize, pageCount: pageCount, freelistCount: freelist,
            fileBytes: SQLiteHealthProbe.fileSize(store.path), walBytes: SQLiteHealthProbe.fileSize(store.path + "-wal"),
            wal: WALIndexReader.read(databasePath: store.path), latestChangeSequence: try store.latestChangeSequence())
    }

    static func fileSize(_ path: String) -> Int64 {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : 0
    }

    // MARK: Expensive figures

    public func anatomy() throws -> StoreAnatomy {
        let started = ContinuousClock.now
        // One read transaction, so every figure comes from the same snapshot.
        try connection.execute("BEGIN")
        defer { connection.rollbackIgnoringErrors() }

        let objects = try connection.query(
            """
            SELECT d.name, coalesce(s.tbl_name, d.name), coalesce(s.type, 'table') = 'index', d.pageno, d.pgsize, d.unused
            FROM dbstat AS d LEFT JOIN sqlite_schema AS s ON s.name = d.name
            WHERE d.aggregate = 1 ORDER BY d.pgsize DESC, d.name
            """
        ) { row in
            ObjectSize(name: row.string(0), tableName: row.string(1), isIndex: row.int(2) != 0, pages: row.int(3),
                       bytes: row.int64(4), unusedBytes: row.int64(5))
        }

        var fullText: [FullTextIndexStatistics] = []
        for table in SQLiteHealthProbe.fullTextTables {
            let documents = Int(try connection.scalarInt("SELECT count(*) FROM \(table)_docsize") ?? 0)
            let bytes = objects.filter { $0.name.hasPrefix(table + "_") }.reduce(Int64(0)) { $0 + $1.bytes }
            let record = try connection.queryFirst("SELECT block FROM \(table)_data WHERE id = 10") { $0.blob(0) } ?? []
            fullText.append(FullTextIndexStatistics(
                name: table, documents: documents, bytes: bytes, segmentsPerLevel: FTS5StructureRecord.segmentsPerLevel(record) ?? []))
        }

        let planner = try plannerStatistics()
        return StoreAnatomy(
            objects: objects, fullTextIndexes: fullText, plannerStatistics: planner, computedAt: Date(),
            seconds: Double((ContinuousClock.now - started) / .microseconds(1)) / 1e6)
    }

    /// Compares the row counts ANALYZE recorded for the main tables with their current counts.
    private func plannerStatistics() throws -> [PlannerStatistics] {
        let hasStat1 = try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") ?? 0 > 0
        var recorded: [String: Int] = [:]
        if hasStat1 {
            for (table, stat) in try connection.query("SELECT tbl, stat FROM sqlite_stat1", row: { ($0.string(0), $0.string(1)) }) {
                // The first number of every row of a table is its row count.
                if let rows = stat.split(separator: " ").first.flatMap({ Int($0) }) {
                    recorded[table] = max(recorded[table] ?? 0, rows)
                }
            }
        }
        return try ["users", "conversations", "turns", "changes"].map { table in
            PlannerStatistics(tableName: table, analysedRows: recorded[table],
                              currentRows: Int(try connection.scalarInt("SELECT count(*) FROM \(table)") ?? 0))
        }
    }

    // MARK: Checks and actions

    /// Opens a writable connection for one check or action: FTS5's integrity-check and every
    /// maintenance statement are INSERTs or need write access.
    private func withWritableStore<T>(_ body: (SQLiteStore) throws -> T) throws -> T {
        try body(try SQLiteStore(path: store.path))
    }

    /// Runs the checks. `quick_check` reads one snapshot; each FTS5 integrity-check runs in a
    /// write transaction, so writers wait while it runs.
    public func checkIntegrity(progress: (String, Int, Int) -> Void) throws -> [IntegrityStepResult] {
        let steps = ["quick_check"] + SQLiteHealthProbe.fullTextTables
        var results: [IntegrityStepResult] = []
        try withWritableStore { writable in
            for (index, step) in steps.enumerated() {
                progress(step, index, steps.count)
                let started = ContinuousClock.now
                var problems: [String] = []
                if step == "quick_check" {
                    problems = try writable.connection.query("PRAGMA quick_check") { $0.string(0) }.filter { $0 != "ok" }
                } else {
                    // TODO: FTS5 integrity-check keeps the write lock for its whole run. On a store of
                    // millions of turns writers then wait seconds, and may give up after their busy wait.
                    do {
                        try writable.connection.execute("INSERT INTO \(step) (\(step), rank) VALUES ('integrity-check', 1)")
                    } catch let error as SQLiteError where error.primaryCode == SQLITE_CORRUPT {
                        problems = [error.message]
                    }
                }
                results.append(IntegrityStepResult(
                    step: step, problems: problems, seconds: Double((ContinuousClock.now - started) / .microseconds(1)) / 1e6))
            }
        }
        return results
    }

    public func perform(_ action: MaintenanceAction) throws -> String {
        try withWritableStore { writable in
            let connection = writable.connection
            switch action {
            case .checkpoint:
                let result = try connection.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") {
                    CheckpointResult(wasBlocked: $0.int(0) != 0, walFrames: $0.int(1), checkpointedFrames: $0.int(2))
                } ?? CheckpointResult(wasBlocked: true, walFrames: 0, checkpointedFrames: 0)
                let blocked = result.checkpointedFrames < result.walFrames ? "; a reader or writer kept the rest in the WAL" : ""
                return "checkpoint copied \(result.checkpointedFrames) of \(result.walFrames) WAL frames\(blocked)"
            case .analyze:
                try connection.execute("ANALYZE")
                return "ANALYZE refreshed the planner statistics"
            case .mergeFullText:
                try connection.writeTransaction {
                    for table in SQLiteHealthProbe.fullTextTables {
                        try connection.execute("INSERT INTO \(table) (\(table), rank) VALUES ('merge', 500)")
                    }
                }
                return "merged up to 500 pages of segments in each full-text index"
            case .optimizeFullText:
                try connection.writeTransaction {
                    for table in SQLiteHealthProbe.fullTextTables {
                        try connection.execute("INSERT INTO \(table) (\(table)) VALUES ('optimize')")
                    }
                }
                return "optimized every full-text index into one segment"
            }
        }
    }

    /// Returns the sources that `confab follow` keeps in step with the store.
    public func followedSources() throws -> [FollowedSource] {
        try store.followedSources()
    }

    /// Returns a handle that stops this probe's running statement from another thread.
    public func makeInterruptHandle() -> InterruptHandle {
        store.makeInterruptHandle()
    }
}
