/// A failure that stops parsing JSON.
///
/// Offsets count bytes from the start of the file or buffer, lines start at 1, and
/// `elementIndex` is the 0-based index of the top-level element being read, which is also the
/// number of elements completed before the failure. For an in-memory parse it is always 0.
public enum JSONReadError: Error, Equatable, CustomStringConvertible {
    /// The data is not valid JSON at `byteOffset`.
    case syntax(message: String, byteOffset: Int64, line: Int, elementIndex: Int)

    /// The data ends inside a value, or inside the top-level array before its `]`.
    /// `byteOffset` is where the data ran out.
    case unexpectedEnd(byteOffset: Int64, line: Int, elementIndex: Int)

    /// The file could not be opened or read.
    case unreadable(path: String, message: String)

    public var description: String {
        switch self {
        case let .syntax(message, byteOffset, line, _):
            return "invalid JSON at byte \(byteOffset), line \(line): \(message)"
        case let .unexpectedEnd(byteOffset, _, elementIndex):
            return "JSON ends early at byte \(byteOffset); \(elementIndex) complete element(s) precede it"
        case let .unreadable(path, message):
            return "cannot read \(path): \(message)"
        }
    }
}

/// A JSON Lines record that could not be parsed. Reading goes on at the next line.
public struct JSONLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int

    /// The file offset of the byte where the error was found.
    public var byteOffset: Int64

    public var message: String

    public init(line: Int, byteOffset: Int64, message: String) {
        self.line = line
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        "line \(line) (byte \(byteOffset)): \(message)"
    }
}

/// The position of a top-level element's first byte in its file.
public struct JSONElementLocation: Sendable, Equatable {
    /// The file offset of the element's first byte.
    public var byteOffset: Int64

    /// The 1-based line number of the element's first byte.
    public var line: Int

    /// The 0-based position of the element among the elements yielded so far.
    public var index: Int

    public init(byteOffset: Int64, line: Int, index: Int) {
        self.byteOffset = byteOffset
        self.line = line
        self.index = index
    }
}
