import Foundation

/// The result of `confab check`: problems found, none when the store is sound.
public struct StoreCheckReport: Sendable, Equatable {
    /// Lines of `PRAGMA quick_check` (or `integrity_check`) other than "ok".
    public var databaseProblems: [String]
    /// FTS5 tables whose integrity-check failed, with SQLite's message.
    public var indexProblems: [String]

    public var isSound: Bool { databaseProblems.isEmpty && indexProblems.isEmpty }
}

extension SQLiteStore {
    /// Runs `PRAGMA quick_check` (or the slower `integrity_check` with `thorough`) and the FTS5
    /// integrity-check of every index, which also compares each index with its content table.
    public func check(thorough: Bool = false) throws -> StoreCheckReport {
        try StoreChecker.check(connection, thorough: thorough)
    }
}

enum StoreChecker {
    static func check(_ connection: Connection, thorough: Bool) throws -> StoreCheckReport {
        let pragma = thorough ? "integrity_check" : "quick_check"
        let lines = try connection.query("PRAGMA \(pragma)") { $0.string(0) }
        var indexProblems: [String] = []
        for table in StoreScrubber.ftsTables where try connection.tableExists(table) {
            do {
                try connection.execute("INSERT INTO \(table) (\(table), rank) VALUES ('integrity-check', 1)")
            } catch let error as SQLiteError {
                indexProblems.append("\(table): \(error.message)")
            }
        }
        return StoreCheckReport(databaseProblems: lines.filter { $0 != "ok" }, indexProblems: indexProblems)
    }
}
