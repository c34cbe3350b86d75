extension JSONValue {
    /// Returns the value as compact JSON text, with no whitespace between tokens.
    ///
    /// Object members keep their order. Strings escape `"`, `\` and the control characters below
    /// U+0020 and keep all other characters as they are. Integral numbers within ±2^53 print
    /// without a fraction (`3`, `-0`), other finite numbers in the shortest form that parses back
    /// to the same `Double`, and infinities and NaN as `null`, which JSON has in their place.
    public func serialized() -> String {
        var output: [UInt8] = []
        JSONValue.write(self, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Returns `text` as a JSON string literal, quotes included.
    public static func stringLiteral(_ text: String) -> String {
        var output: [UInt8] = []
        writeString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case let .bool(flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .number(number):
            writeNumber(number, to: &output)
        case let .string(text):
            writeString(text, to: &output)
        case let .array(elements):
            output.append(ASCII.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 {
                    output.append(ASCII.comma)
                }
                write(element, to: &output)
            }
            output.append(ASCII.closeBracket)
        case let .object(object):
            output.append(ASCII.openBrace)
            for (index, member) in object.members.enumerated() {
                if index > 0 {
                    output.append(ASCII.comma)
                }
                writeString(member.key, to: &output)
                output.append(ASCII.colon)
                write(member.value, to: &output)
            }
            output.append(ASCII.closeBrace)
        }
    }

    private static let exactIntegerLimit = 9_007_199_254_740_992.0

    private static func writeNumber(_ number: Double, to output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        if number == 0 {
            output.append(contentsOf: (number.sign == .minus ? "-0" : "0").utf8)
        } else if number.rounded(.towardZero) == number, abs(number) <= exactIntegerLimit {
            output.append(contentsOf: String(Int64(number)).utf8)
        } else {
            // Swift prints the shortest digits that round-trip, in a form JSON accepts
            // ("0.1", "1e-07", "1.5e+300").
            output.append(contentsOf: number.description.utf8)
        }
    }

    /// Writes `text` as a JSON string. Besides what JSON requires, DEL and the C1 controls
    /// (U+0080–U+009F) are escaped too, so that JSON printed to a terminal never carries an 8-bit
    /// CSI or OSC from the data; parsers read the escapes back as the same characters.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(ASCII.quote)
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isC1 = byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
                guard byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash || byte == 0x7F || isC1 else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                // DEL and the C1 code points fall through to the `\u00XX` form.
                appendEscape(for: isC1 ? bytes[index + 1] : byte, to: &output)
                index += isC1 ? 2 : 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(ASCII.quote)
    }

    private static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        output.append(ASCII.backslash)
        switch byte {
        case ASCII.quote, ASCII.backslash:
            output.append(byte)
        case 0x08:
            output.append(ASCII.letterB)
        case 0x0C:
            output.append(ASCII.letterF)
        case ASCII.lineFeed:
            output.append(ASCII.letterN)
        case ASCII.carriageReturn:
            output.append(ASCII.letterR)
        case ASCII.tab:
            output.append(ASCII.letterT)
        default:
            output.append(contentsOf: "u00".utf8)
            output.append(contentsOf: hexDigits(byte).lowercased().utf8)
        }
    }
}

