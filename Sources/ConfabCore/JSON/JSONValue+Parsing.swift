import Foundation

extension JSONValue {
    /// Parses a complete JSON text held in memory, such as a JSON column of a SQLite row.
    ///
    /// Whitespace and one UTF-8 byte order mark may surround the value; anything else after it
    /// is a syntax error. Text repairs are added to `repairs`.
    public static func parse(_ bytes: some ContiguousBytes, repairs: inout TextRepairs) throws(JSONReadError) -> JSONValue {
        let result: Result<(JSONValue, TextRepairs), JSONReadError> = bytes.withUnsafeBytes { buffer in
            parseResult(buffer.assumingMemoryBound(to: UInt8.self))
        }
        let (value, added) = try result.get()
        repairs += added
        return value
    }

    /// Parses a complete JSON text held in memory, discarding the count of text repairs.
    public static func parse(_ bytes: some ContiguousBytes) throws(JSONReadError) -> JSONValue {
        var repairs = TextRepairs()
        return try parse(bytes, repairs: &repairs)
    }

    /// Parses a complete JSON text. Text repairs (only lone surrogate escapes are possible in a
    /// `String`) are added to `repairs`.
    public static func parse(_ text: String, repairs: inout TextRepairs) throws(JSONReadError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { parseResult($0) }
        let (value, added) = try result.get()
        repairs += added
        return value
    }

    /// Parses a complete JSON text, discarding the count of text repairs.
    public static func parse(_ text: String) throws(JSONReadError) -> JSONValue {
        var repairs = TextRepairs()
        return try parse(text, repairs: &repairs)
    }

    private static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<(JSONValue, TextRepairs), JSONReadError> {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return .failure(.unexpectedEnd(byteOffset: 0, line: 1, elementIndex: 0))
        }

        var parser = JSONParser(bytes: base, position: 0, end: buffer.count, isFinal: true, line: 1)
        do throws(JSONParseFailure) {
            parser.skipByteOrderMark()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if !parser.isAtEnd {
                throw parser.syntaxError("unexpected data after the JSON value", at: parser.position)
            }
            return .success((value, parser.repairs))
        } catch {
            return .failure(error.readError(elementIndex: 0, parser: parser, baseOffset: 0))
        }
    }
}

extension JSONParseFailure {
    /// Converts a failure of a parse attempt that had all remaining data in its range.
    func readError(elementIndex: Int, parser: JSONParser, baseOffset: Int64) -> JSONReadError {
        switch self {
        case .endOfInput:
            return .unexpectedEnd(byteOffset: baseOffset + Int64(parser.end), line: parser.line, elementIndex: elementIndex)
        case let .syntax(message, position, line):
            return .syntax(message: message, byteOffset: baseOffset + Int64(position), line: line, elementIndex: elementIndex)
        }
    }
}
