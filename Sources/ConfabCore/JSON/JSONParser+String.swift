extension JSONParser {
    /// Parses the string that starts at the quote at `position`.
    ///
    /// A string without escapes is decoded straight from the input with one
    /// `String(decoding:as:)` call. Invalid UTF-8 becomes U+FFFD and lone surrogate escapes become
    /// U+FFFD; both are counted in `repairs`. Valid text is kept byte for byte.
    mutating func parseString() throws(JSONParseFailure) -> String {
        position += 1
        let start = position
        let hasNonASCII = skipUnescapedBytes()
        guard position < end else { throw .endOfInput }

        let byte = bytes[position]
        if byte == ASCII.quote {
            let text = UnsafeBufferPointer(start: bytes + start, count: position - start)
            position += 1
            if hasNonASCII {
                repairs.invalidUTF8 += UTF8Validation.countMaximalSubparts(text)
            }
            return String(decoding: text, as: UTF8.self)
        }
        if byte == ASCII.backslash {
            return try parseEscapedString(from: start, hasNonASCII: hasNonASCII)
        }
        throw controlCharacterError()
    }

    /// Advances `position` to the first quote, backslash or control character at or after it,
    /// or to `end`. Returns whether any skipped byte was not ASCII.
    @inline(__always)
    private mutating func skipUnescapedBytes() -> Bool {
        var seenBits: UInt64 = 0
        while position + 8 <= end {
            let word = ByteScanning.loadWord(bytes + position)
            let stops = ByteScanning.bytes(of: word, equalTo: ASCII.quote)
                | ByteScanning.bytes(of: word, equalTo: ASCII.backslash)
                | ByteScanning.bytes(of: word, below: 0x20)
            if stops != 0 {
                let skippedCount = stops.trailingZeroBitCount >> 3
                position += skippedCount
                seenBits |= word & ((1 << UInt64(skippedCount * 8)) &- 1)
                return seenBits & ByteScanning.highBits != 0
            }
            seenBits |= word
            position += 8
        }

        var seenTail: UInt8 = 0
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 {
                break
            }
            seenTail |= byte
            position += 1
        }
        return seenBits & ByteScanning.highBits != 0 || seenTail >= 0x80
    }

    /// Decodes a string whose first escape is at `position`, building it in `scratch`.
    ///
    /// Counting invalid UTF-8 over the whole built string gives the same count as counting each
    /// raw segment alone. An escape always produces complete sequences that start with ASCII or
    /// a lead byte, so it can neither complete a cut-off raw sequence nor be absorbed by one.
    private mutating func parseEscapedString(from start: Int, hasNonASCII: Bool) throws(JSONParseFailure) -> String {
        var hasNonASCII = hasNonASCII
        var segmentStart = start
        scratch.removeAll(keepingCapacity: true)

        while true {
            scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + segmentStart, count: position - segmentStart))

            let byte = bytes[position]
            if byte == ASCII.quote {
                position += 1
                break
            }
            if byte != ASCII.backslash {
                throw controlCharacterError()
            }
            try decodeEscape()

            segmentStart = position
            if skipUnescapedBytes() {
                hasNonASCII = true
            }
            guard position < end else { throw .endOfInput }
        }

        if hasNonASCII {
            repairs.invalidUTF8 += scratch.withUnsafeBufferPointer { UTF8Validation.countMaximalSubparts($0) }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func controlCharacterError() -> JSONParseFailure {
        let name = "U+00" + hexDigits(bytes[position])
        return syntaxError("unescaped control character \(name) in string", at: position)
    }

    /// Decodes the escape at `position` into `scratch` and moves past it.
    private mutating func decodeEscape() throws(JSONParseFailure) {
        guard position + 1 < end else { throw .endOfInput }

        let code = bytes[position + 1]
        switch code {
        case ASCII.quote, ASCII.backslash, ASCII.slash:
            scratch.append(code)
        case ASCII.letterB:
            scratch.append(0x08)
        case ASCII.letterF:
            scratch.append(0x0C)
        case ASCII.letterN:
            scratch.append(ASCII.lineFeed)
        case ASCII.letterR:
            scratch.append(ASCII.carriageReturn)
        case ASCII.letterT:
            scratch.append(ASCII.tab)
        case ASCII.letterU:
            try decodeUnicodeEscape()
            return
        default:
            let escapeText = code > 0x20 && code < 0x7F ? "\\" + String(Unicode.Scalar(code)) : "\\ followed by byte 0x" + hexDigits(code)
            throw syntaxError("invalid escape \(escapeText)", at: position)
        }
        position += 2
    }

    /// Decodes a `\uXXXX` escape, joining a surrogate pair written as two escapes.
    private mutating func decodeUnicodeEscape() throws(JSONParseFailure) {
        let unit = try readHexQuad(at: position + 2)
        position += 6

        switch unit {
        case 0xD800...0xDBFF:
            if let low = try lowSurrogateEscape() {
                appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                position += 6
            } else {
                appendReplacementCharacter()
            }
        case 0xDC00...0xDFFF:
            appendReplacementCharacter()
        default:
            appendUTF8(unit)
        }
    }

    private mutating func readHexQuad(at index: Int) throws(JSONParseFailure) -> UInt32 {
        var unit: UInt32 = 0
        for offset in 0..<4 {
            guard index + offset < end else { throw .endOfInput }
            guard let digit = hexValue(bytes[index + offset]) else {
                throw syntaxError("invalid \\u escape, expected four hexadecimal digits", at: index - 2)
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    /// Returns the code unit of the `\uDC00`...`\uDFFF` escape at `position`, or nil when
    /// something else is there.
    private func lowSurrogateEscape() throws(JSONParseFailure) -> UInt32? {
        guard position < end else { throw .endOfInput }
        guard bytes[position] == ASCII.backslash else { return nil }
        guard position + 1 < end else { throw .endOfInput }
        guard bytes[position + 1] == ASCII.letterU else { return nil }

        var unit: UInt32 = 0
        for offset in 2..<6 {
            guard position + offset < end else { throw .endOfInput }
            // A malformed escape here is reported when it is decoded on its own.
            guard let digit = hexValue(bytes[position + offset]) else { return nil }
            unit = unit << 4 | digit
        }
        return (0xDC00...0xDFFF).contains(unit) ? unit : nil
    }

    @inline(__always)
    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x37)
        case 0x61...0x66: return UInt32(byte - 0x57)
        default: return nil
        }
    }

    private mutating func appendReplacementCharacter() {
        scratch.append(0xEF)
        scratch.append(0xBF)
        scratch.append(0xBD)
        repairs.loneSurrogates += 1
    }

    /// Appends the UTF-8 form of a scalar value that is not a surrogate.
    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
