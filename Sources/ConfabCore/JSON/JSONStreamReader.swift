import Foundation

/// Reads the top-level elements of a JSON or JSON Lines file one at a time, in bounded memory.
///
/// - A file whose top level is an array yields each element of the array.
/// - A file that contains one other value yields that value once.
/// - A JSON Lines file yields the value of each non-blank line. In automatic mode a file is read
///   as JSON Lines when more data follows the first value on a later line, so a file of
///   top-level arrays, one per line, needs `.lines`.
///
/// The reader keeps a window of the file (1 MiB by default) that grows only while one element is
/// larger than it, and re-parses an element from its first byte when the element runs past the
/// end of the window. A file is read once: call `forEachElement` one time.
public final class JSONStreamReader {
    public enum Mode: Sendable {
        /// Detects the layout from the data.
        case automatic
        /// Reads one value per line and reports the lines that fail to parse.
        case lines
    }

    public enum Layout: Sendable, Equatable {
        case array
        case single
        case lines
    }

    public let mode: Mode

    /// The layout of the file, known once the first element is yielded.
    public internal(set) var layout: Layout?

    /// The number of bytes read and parsed so far, for progress reports.
    public internal(set) var bytesConsumed: Int64 = 0

    /// Text repairs made in the elements yielded so far.
    public internal(set) var repairs = TextRepairs()

    public var fileSize: Int64 { buffer.fileSize }

    let buffer: JSONFileBuffer
    var line = 1
    var elementCount = 0
    private var scratch: [UInt8] = []
    private var hasStarted = false

    /// Opens the file at `url`. Throws `JSONReadError.unreadable` when it cannot be opened.
    public convenience init(url: URL, mode: Mode = .automatic) throws(JSONReadError) {
        try self.init(url: url, mode: mode, bufferCapacity: 1 << 20)
    }

    /// Opens the file with a window of `bufferCapacity` bytes; tests use tiny windows.
    init(url: URL, mode: Mode, bufferCapacity: Int) throws(JSONReadError) {
        self.mode = mode
        buffer = try JSONFileBuffer(url: url, capacity: bufferCapacity)
    }

    /// Calls `body` with each top-level element and its location, in file order.
    ///
    /// `body` may throw to stop reading, and that error is rethrown. In JSON Lines layout a line
    /// that fails to parse goes to `onLineError` and reading continues with the next line. Any
    /// other failure throws `JSONReadError` after every element before it has reached `body`.
    /// An empty file, or one with only whitespace, throws `unexpectedEnd` unless the mode is
    /// `.lines`, where it has no elements. In automatic mode the first value decides the layout,
    /// so a JSON Lines file whose first line is broken throws. Pass `.lines` for such files.
    public func forEachElement(
        onLineError: (JSONLineError) -> Void = { _ in },
        _ body: (JSONValue, JSONElementLocation) throws -> Void
    ) throws {
        precondition(!hasStarted, "JSONStreamReader.forEachElement can be called only once")
        hasStarted = true

        try buffer.readMore()
        try attempt { parser in parser.skipByteOrderMark() }

        if mode == .lines {
            layout = .lines
            try readLines(onLineError: onLineError, body)
            return
        }

        guard let firstByte = try nextByte(crossingLines: true) else {
            throw JSONReadError.unexpectedEnd(byteOffset: buffer.offset(of: buffer.end), line: line, elementIndex: 0)
        }
        if firstByte == ASCII.openBracket {
            layout = .array
            try readArray(body)
        } else {
            try readFirstValue(onLineError: onLineError, body)
        }
    }

    private func readArray(_ body: (JSONValue, JSONElementLocation) throws -> Void) throws {
        try attempt { parser in parser.position += 1 }

        while let (value, location) = try attempt(readArrayElement) {
            elementCount += 1
            try body(value, location)
        }

        if try nextByte(crossingLines: true) != nil {
            throw unexpectedData("unexpected data after the top-level array")
        }
    }

    /// Reads the separator before the next element of the top-level array and the element itself.
    /// Returns nil after the closing bracket.
    private func readArrayElement(_ parser: inout JSONParser) throws(JSONParseFailure) -> (JSONValue, JSONElementLocation)? {
        parser.skipWhitespace()
        guard !parser.isAtEnd else { throw .endOfInput }

        let byte = parser.bytes[parser.position]
        if byte == ASCII.closeBracket {
            parser.position += 1
            return nil
        }
        if elementCount > 0 {
            guard byte == ASCII.comma else {
                let found = parser.describeByte(at: parser.position)
                throw parser.syntaxError("expected ',' or ']' after array element, found \(found)", at: parser.position)
            }
            parser.position += 1
            parser.skipWhitespace()
            guard !parser.isAtEnd else { throw .endOfInput }
        }

        let location = JSONElementLocation(byteOffset: buffer.offset(of: parser.position), line: parser.line, index: elementCount)
        let value = try parser.parseValue()

        // A number that meets the end of the file may have lost digits, so it counts as cut.
        if case .number = value, parser.isAtEnd {
            throw .endOfInput
        }
        return (value, location)
    }

    /// Reads the first value of a file that does not start with `[`, then decides from what
    /// follows it whether the file contains one value or JSON Lines.
    private func readFirstValue(
        onLineError: (JSONLineError) -> Void,
        _ body: (JSONValue, JSONElementLocation) throws -> Void
    ) throws {
        let (value, location) = try attempt { (parser: inout JSONParser) throws(JSONParseFailure) in
            let location = JSONElementLocation(byteOffset: buffer.offset(of: parser.position), line: parser.line, index: 0)
            return (try parser.parseValue(), location)
        }

        let byteOnSameLine = try nextByte(crossingLines: false)
        if byteOnSameLine == ASCII.lineFeed, try nextByte(crossingLines: true) != nil {
            layout = .lines
            elementCount = 1
            try body(value, location)
            try readLines(onLineError: onLineError, body)
            return
        }

        layout = .single
        elementCount = 1
        try body(value, location)
        if byteOnSameLine != nil && byteOnSameLine != ASCII.lineFeed {
            throw unexpectedData("unexpected data after the top-level value")
        }
    }

    /// Skips whitespace, or only spaces, tabs and carriage returns when `crossingLines` is false,
    /// and returns the next byte without consuming it, or nil at the end of the file.
    private func nextByte(crossingLines: Bool) throws(JSONReadError) -> UInt8? {
        while true {
            let next: UInt8? = try attempt { parser in
                if crossingLines {
                    parser.skipWhitespace()
                } else {
                    parser.skipSpacesWithinLine()
                }
                return parser.isAtEnd ? nil : parser.bytes[parser.position]
            }
            if next != nil || buffer.isAtEndOfFile {
                return next
            }
            try buffer.readMore()
        }
    }

    private func unexpectedData(_ message: String) -> JSONReadError {
        .syntax(message: message, byteOffset: buffer.offset(of: buffer.start), line: line, elementIndex: elementCount)
    }

    /// Runs `step` on a parser over the unconsumed bytes. While it runs out of bytes before the
    /// end of the file, reads more and runs it again from the same start. On success the bytes it
    /// parsed are consumed and its text repairs counted.
    func attempt<Output>(_ step: (inout JSONParser) throws(JSONParseFailure) -> Output) throws(JSONReadError) -> Output {
        while true {
            var parser = JSONParser(
                bytes: UnsafePointer(buffer.storage),
                position: buffer.start,
                end: buffer.end,
                isFinal: buffer.isAtEndOfFile,
                line: line
            )
            swap(&parser.scratch, &scratch)
            defer { swap(&parser.scratch, &scratch) }

            do throws(JSONParseFailure) {
                let result = try step(&parser)
                commit(parser)
                return result
            } catch .endOfInput where !buffer.isAtEndOfFile {
                try buffer.readMore()
            } catch {
                throw error.readError(elementIndex: elementCount, parser: parser, baseOffset: buffer.storageOffset)
            }
        }
    }

    func commit(_ parser: JSONParser) {
        buffer.start = parser.position
        line = parser.line
        repairs += parser.repairs
        bytesConsumed = buffer.offset(of: parser.position)
    }

    func withLineParser<Output>(
        from start: Int,
        to end: Int,
        _ step: (inout JSONParser) throws(JSONParseFailure) -> Output
    ) throws(JSONParseFailure) -> (Output, TextRepairs) {
        var parser = JSONParser(bytes: UnsafePointer(buffer.storage), position: start, end: end, isFinal: true, line: line)
        swap(&parser.scratch, &scratch)
        defer { swap(&parser.scratch, &scratch) }
        let result = try step(&parser)
        return (result, parser.repairs)
    }
}
