/// A failure inside one parse attempt over a byte range.
enum JSONParseFailure: Error {
    /// The range ended before the value did.
    case endOfInput

    /// The bytes are not valid JSON at `position`, an index into the parser's bytes.
    case syntax(message: String, position: Int, line: Int)
}

/// A recursive-descent JSON parser over a range of bytes in memory.
///
/// The parser reads only `bytes[position..<end]`. When the range ends inside a value it throws
/// `endOfInput`, and its caller decides whether that means "read more" or "the data is cut off".
/// A number that reaches `end` also throws `endOfInput`, because its next digits could be in the
/// next block of the file, unless `isFinal` is true: then no bytes follow `end`.
///
/// Lines are counted while skipping whitespace, which is the only place a raw line feed may
/// appear in valid JSON.
struct JSONParser {
    static let maximumDepth = 512

    let bytes: UnsafePointer<UInt8>
    var position: Int
    let end: Int
    let isFinal: Bool
    var line: Int
    var depth = 0
    var repairs = TextRepairs()

    /// Reusable storage for strings that contain escapes.
    var scratch: [UInt8]

    init(bytes: UnsafePointer<UInt8>, position: Int, end: Int, isFinal: Bool, line: Int, scratch: [UInt8] = []) {
        self.bytes = bytes
        self.position = position
        self.end = end
        self.isFinal = isFinal
        self.line = line
        self.scratch = scratch
    }

    var isAtEnd: Bool { position >= end }

    /// Skips spaces, tabs, carriage returns and line feeds, counting line feeds.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn {
                position += 1
            } else if byte == ASCII.lineFeed {
                position += 1
                line += 1
            } else {
                return
            }
        }
    }

    /// Skips spaces, tabs and carriage returns, stopping at a line feed.
    mutating func skipSpacesWithinLine() {
        while position < end {
            let byte = bytes[position]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn else { return }
            position += 1
        }
    }

    /// Skips a UTF-8 byte order mark at the current position.
    mutating func skipByteOrderMark() {
        if end - position >= 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
            position += 3
        }
    }

    mutating func parseValue() throws(JSONParseFailure) -> JSONValue {
        skipWhitespace()
        guard position < end else { throw .endOfInput }

        switch bytes[position] {
        case ASCII.quote:
            return .string(try parseString())
        case ASCII.openBrace:
            return try parseObject()
        case ASCII.openBracket:
            return try parseArray()
        case ASCII.letterT:
            try parseLiteral(JSONParser.trueLiteral)
            return .bool(true)
        case ASCII.letterF:
            try parseLiteral(JSONParser.falseLiteral)
            return .bool(false)
        case ASCII.letterN:
            try parseLiteral(JSONParser.nullLiteral)
            return .null
        case ASCII.minus, ASCII.digit0...ASCII.digit9:
            return .number(try parseNumber())
        default:
            throw syntaxError("expected a value, found \(describeByte(at: position))", at: position)
        }
    }

    private mutating func parseArray() throws(JSONParseFailure) -> JSONValue {
        try enterContainer()
        position += 1

        var elements: [JSONValue] = []
        skipWhitespace()
        guard position < end else { throw .endOfInput }
        if bytes[position] == ASCII.closeBracket {
            position += 1
            depth -= 1
            return .array(elements)
        }

        while true {
            elements.append(try parseValue())

            skipWhitespace()
            guard position < end else { throw .endOfInput }
            let separator = bytes[position]
            if separator == ASCII.comma {
                position += 1
            } else if separator == ASCII.closeBracket {
                position += 1
                depth -= 1
                return .array(elements)
            } else {
                throw syntaxError("expected ',' or ']' after array element, found \(describeByte(at: position))", at: position)
            }
        }
    }

    private mutating func parseObject() throws(JSONParseFailure) -> JSONValue {
        try enterContainer()
        position += 1

        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        guard position < end else { throw .endOfInput }
        if bytes[position] == ASCII.closeBrace {
            position += 1
            depth -= 1
            return .object(JSONObject(members))
        }

        while true {
            skipWhitespace()
            guard position < end else { throw .endOfInput }
            guard bytes[position] == ASCII.quote else {
                throw syntaxError("expected a string as object key, found \(describeByte(at: position))", at: position)
            }
            let key = try parseString()

            skipWhitespace()
            guard position < end else { throw .endOfInput }
            guard bytes[position] == ASCII.colon else {
                throw syntaxError("expected ':' after object key, found \(describeByte(at: position))", at: position)
            }
            position += 1

            let value = try parseValue()
            members.append((key: key, value: value))

            skipWhitespace()
            guard position < end else { throw .endOfInput }
            let separator = bytes[position]
            if separator == ASCII.comma {
                position += 1
            } else if separator == ASCII.closeBrace {
                position += 1
                depth -= 1
                return .object(JSONObject(members))
            } else {
                throw syntaxError("expected ',' or '}' after object member, found \(describeByte(at: position))", at: position)
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseFailure) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw syntaxError("arrays and objects nested deeper than \(JSONParser.maximumDepth) levels", at: position)
        }
    }

    private static let trueLiteral: StaticString = "true"
    private static let falseLiteral: StaticString = "false"
    private static let nullLiteral: StaticString = "null"

    private mutating func parseLiteral(_ literal: StaticString) throws(JSONParseFailure) {
        let expected = literal.utf8Start
        let length = literal.utf8CodeUnitCount
        for offset in 0..<length {
            guard position + offset < end else { throw .endOfInput }
            if bytes[position + offset] != expected[offset] {
                throw syntaxError("invalid literal, expected '\(literal)'", at: position)
            }
        }
        position += length
    }

    func syntaxError(_ message: String, at errorPosition: Int) -> JSONParseFailure {
        .syntax(message: message, position: errorPosition, line: line)
    }

    /// Describes the byte at `index` for an error message: `'x'` when it is printable ASCII,
    /// otherwise its hexadecimal value.
    func describeByte(at index: Int) -> String {
        let byte = bytes[index]
        if byte > 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x" + hexDigits(byte)
    }
}

/// The bytes of the JSON grammar.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let digit0: UInt8 = 0x30
    static let digit9: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let letterE: UInt8 = 0x45
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let letterB: UInt8 = 0x62
    static let lowercaseE: UInt8 = 0x65
    static let letterF: UInt8 = 0x66
    static let letterN: UInt8 = 0x6E
    static let letterR: UInt8 = 0x72
    static let letterT: UInt8 = 0x74
    static let letterU: UInt8 = 0x75
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
}

/// Formats a byte as two uppercase hexadecimal digits.
func hexDigits(_ byte: UInt8) -> String {
    let text = String(byte, radix: 16, uppercase: true)
    return byte < 0x10 ? "0" + text : text
}
