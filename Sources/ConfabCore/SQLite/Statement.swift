import CSQLite

/// A prepared statement owned by one connection.
///
/// Not `Sendable`: a statement is used only on the thread of the connection that prepared it.
/// It is finalised in `deinit`, so a statement that goes out of scope never keeps the connection
/// from closing.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    private unowned let connection: Connection

    init(connection: Connection, sql: String) throws {
        var statementHandle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statementHandle, nil)
        guard code == SQLITE_OK, let statementHandle else {
            throw connection.error(code: code, sql: sql)
        }
        self.handle = statementHandle
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// Binds `values` to parameters 1…n, replacing earlier bindings.
    public func bind(_ values: [any SQLiteBindable]) throws {
        sqlite3_clear_bindings(handle)
        for (index, value) in values.enumerated() {
            try bind(value.sqliteValue, at: Int32(index + 1))
        }
    }

    public func bind(_ value: SQLiteValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case let .integer(number):
            code = sqlite3_bind_int64(handle, index, number)
        case let .real(number):
            code = sqlite3_bind_double(handle, index, number)
        case let .text(string):
            // An explicit byte length keeps text after a NUL character, which a length of -1
            // (read up to the first NUL) would silently cut off.
            var text = string
            code = text.withUTF8 { buffer in
                guard !buffer.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, confab_sqlite_transient())
                }
                return buffer.withMemoryRebound(to: CChar.self) { characters in
                    sqlite3_bind_text(handle, index, characters.baseAddress, Int32(characters.count), confab_sqlite_transient())
                }
            }
        case let .blob(bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), confab_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else {
            throw connection.error(code: code, sql: sql)
        }
    }

    // MARK: Stepping

    /// Advances to the next row. Returns false when the statement has finished.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let failure = connection.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw failure
        }
    }

    /// Resets the statement so it can run again and so it stops holding a read snapshot.
    public func reset() {
        sqlite3_reset(handle)
    }

    // MARK: Columns of the current row

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ index: Int32) -> String {
        String(cString: sqlite3_column_name(handle, index))
    }

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    public func optionalInt(_ index: Int32) -> Int? {
        isNull(index) ? nil : int(index)
    }

    public func double(_ index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    public func optionalDouble(_ index: Int32) -> Double? {
        isNull(index) ? nil : double(index)
    }

    /// The column as text; an empty string for NULL.
    public func string(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    public func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    public func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }
}
