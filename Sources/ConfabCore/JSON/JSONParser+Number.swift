extension JSONParser {
    /// Parses the number at `position` as RFC 8259 defines it:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// Every number becomes the nearest `Double`. Magnitudes beyond `Double.greatestFiniteMagnitude`
    /// become infinity, as in JavaScript and Python, and tiny ones become zero, keeping the sign.
    mutating func parseNumber() throws(JSONParseFailure) -> Double {
        let start = position
        var isNegative = false
        if bytes[position] == ASCII.minus {
            isNegative = true
            position += 1
        }

        // The significant digits collected in `mantissa` and the power of ten that scales them.
        var mantissa: UInt64 = 0
        var mantissaDigitCount = 0
        var isMantissaExact = true
        var decimalExponent = 0
        var isIntegral = true

        guard position < end else { throw .endOfInput }
        let firstDigit = bytes[position]
        if firstDigit == ASCII.digit0 {
            position += 1
            if position < end, isDigit(bytes[position]) {
                throw syntaxError("invalid number, leading zeros are not allowed", at: start)
            }
        } else if isDigit(firstDigit) {
            while position < end, isDigit(bytes[position]) {
                if mantissaDigitCount < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- ASCII.digit0)
                    mantissaDigitCount += 1
                } else {
                    isMantissaExact = false
                }
                position += 1
            }
        } else {
            throw syntaxError("invalid number, expected a digit after '-'", at: position)
        }

        if position < end, bytes[position] == ASCII.period {
            isIntegral = false
            position += 1
            guard position < end else { throw .endOfInput }
            guard isDigit(bytes[position]) else {
                throw syntaxError("invalid number, expected a digit after the decimal point", at: position)
            }
            while position < end, isDigit(bytes[position]) {
                if mantissaDigitCount < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- ASCII.digit0)
                    // Leading zeros of a fraction such as 0.0001 are not significant.
                    if mantissa != 0 {
                        mantissaDigitCount += 1
                    }
                    decimalExponent -= 1
                } else {
                    isMantissaExact = false
                }
                position += 1
            }
        }

        if position < end, bytes[position] == ASCII.lowercaseE || bytes[position] == ASCII.letterE {
            isIntegral = false
            position += 1
            guard position < end else { throw .endOfInput }
            var isExponentNegative = false
            if bytes[position] == ASCII.minus || bytes[position] == ASCII.plus {
                isExponentNegative = bytes[position] == ASCII.minus
                position += 1
                guard position < end else { throw .endOfInput }
            }
            guard isDigit(bytes[position]) else {
                throw syntaxError("invalid number, expected a digit in the exponent", at: position)
            }
            var exponent = 0
            while position < end, isDigit(bytes[position]) {
                // Past 100000 the result is zero or infinity anyway, so the value stops growing.
                if exponent < 100_000 {
                    exponent = exponent * 10 + Int(bytes[position] &- ASCII.digit0)
                }
                position += 1
            }
            decimalExponent += isExponentNegative ? -exponent : exponent
        }

        if position == end && !isFinal {
            throw .endOfInput
        }

        if isMantissaExact {
            if isIntegral {
                // Converting a UInt64 rounds correctly, so up to 19 digits need no text parsing.
                let magnitude = Double(mantissa)
                return isNegative ? -magnitude : magnitude
            }
            // Both operands are exact doubles, so one multiplication or division rounds
            // correctly (Clinger's fast path).
            if mantissa <= 1 << 53, decimalExponent >= -22, decimalExponent <= 22 {
                let significand = Double(mantissa)
                let scale = JSONParser.powersOfTen[abs(decimalExponent)]
                let magnitude = decimalExponent < 0 ? significand / scale : significand * scale
                return isNegative ? -magnitude : magnitude
            }
        }

        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: position - start), as: UTF8.self)
        guard let value = Double(text) else {
            throw syntaxError("invalid number \(text)", at: start)
        }
        return value
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- ASCII.digit0 < 10
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
