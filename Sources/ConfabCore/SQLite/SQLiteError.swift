import CSQLite

/// A failed SQLite call, with everything needed to understand it.
///
/// Bound values are never part of the description: they may be transcript text or personal data.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    public let extendedCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`) at the time of the failure.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code: the low byte of the extended one.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var isInterrupted: Bool { primaryCode == SQLITE_INTERRUPT }

    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(String(cString: sqlite3_errstr(extendedCode)))): \(message)"
        if let sql {
            text += " [SQL: \(sql)]"
        }
        return text
    }
}
