import CSQLite

extension Statement {
    /// Returns the column as text, or nil for NULL. Each invalid UTF-8 sequence becomes one U+FFFD
    /// and is counted in `repairs`.
    func text(_ index: Int32, repairs: inout TextRepairs) -> String? {
        guard !isNull(index) else { return nil }
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index)))
        repairs.invalidUTF8 += UTF8Validation.countMaximalSubparts(buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Parses the column as a JSON text without copying it out of SQLite. Returns nil for NULL and
    /// throws the parser's error for invalid JSON; text repairs are added to `repairs`.
    func json(_ index: Int32, repairs: inout TextRepairs) throws(JSONReadError) -> JSONValue? {
        guard !isNull(index) else { return nil }
        let start = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let start else {
            throw JSONReadError.unexpectedEnd(byteOffset: 0, line: 1, elementIndex: 0)
        }
        return try JSONValue.parse(UnsafeRawBufferPointer(start: start, count: count), repairs: &repairs)
    }
}
