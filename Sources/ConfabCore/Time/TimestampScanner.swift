/// A cursor over the UTF-8 bytes of one timestamp string, with the grammar `TimestampParser`
/// accepts. Every `scan` method returns nil as soon as the text leaves that grammar.
struct TimestampScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var end: Int

    /// Digits kept from a fraction of a second, enough for nanoseconds.
    private static let maximumFractionDigits = 9
    /// Digits in the integer part of a number, enough for nanoseconds until the year 2286.
    private static let maximumIntegerDigits = 19

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    var isAtEnd: Bool { index >= end }

    /// Whether the text starts with four digits and a hyphen, as every ISO 8601 date here does.
    var looksLikeISODate: Bool {
        guard end - index >= 5 else { return false }
        for offset in 0..<4 where !Self.isDigit(bytes[index + offset]) {
            return false
        }
        return bytes[index + 4] == UInt8(ascii: "-")
    }

    mutating func trimWhitespace() {
        while index < end, Self.isWhitespace(bytes[index]) {
            index += 1
        }
        while end > index, Self.isWhitespace(bytes[end - 1]) {
            end -= 1
        }
    }

    /// Reads the whole remaining text as digits with an optional fraction (`123`, `123.456`).
    mutating func scanDecimalNumber() -> Double? {
        var integerPart = 0.0
        var integerDigits = 0
        while let digit = scanDigit() {
            integerDigits += 1
            guard integerDigits <= Self.maximumIntegerDigits else { return nil }
            integerPart = integerPart * 10 + Double(digit)
        }

        var fraction = (value: 0.0, digits: 0)
        if consume(UInt8(ascii: ".")) {
            fraction = scanFractionDigits()
        }

        guard isAtEnd, integerDigits + fraction.digits > 0 else { return nil }
        return integerPart + fraction.value
    }

    /// Reads the whole remaining text as an ISO 8601 date or date-time and returns seconds since
    /// 1970 in UTC.
    mutating func scanISO8601() -> Double? {
        guard let year = scanNumber(digits: 4), consume(UInt8(ascii: "-")),
              let month = scanNumber(digits: 2), consume(UInt8(ascii: "-")),
              let day = scanNumber(digits: 2),
              (1...12).contains(month),
              (1...CivilDate.daysInMonth(month, year: year)).contains(day)
        else { return nil }

        let midnight = CivilDate(year: year, month: month, day: day).daysSinceEpoch * CivilDate.secondsPerDay
        if isAtEnd {
            return Double(midnight)
        }

        guard consume(UInt8(ascii: "T")) || consume(UInt8(ascii: "t")) || consume(UInt8(ascii: " ")),
              let timeOfDay = scanTimeOfDay(),
              let offset = scanOffset(),
              isAtEnd
        else { return nil }

        return Double(midnight + timeOfDay.seconds - offset) + timeOfDay.fraction
    }

    /// Reads `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`.
    private mutating func scanTimeOfDay() -> (seconds: Int, fraction: Double)? {
        guard let hour = scanNumber(digits: 2), consume(UInt8(ascii: ":")),
              let minute = scanNumber(digits: 2),
              hour <= 23, minute <= 59
        else { return nil }

        var second = 0
        var fraction = 0.0
        if consume(UInt8(ascii: ":")) {
            guard let value = scanNumber(digits: 2), value <= 59 else { return nil }
            second = value

            if consume(UInt8(ascii: ".")) || consume(UInt8(ascii: ",")) {
                let digits = scanFractionDigits()
                guard digits.digits > 0 else { return nil }
                fraction = digits.value
            }
        }

        return (hour * 3_600 + minute * 60 + second, fraction)
    }

    /// Reads the digits after a decimal separator and returns their value below 1 and how many
    /// digits there were. Digits past the ninth count but do not change the value.
    private mutating func scanFractionDigits() -> (value: Double, digits: Int) {
        var nanoseconds = 0
        var digits = 0
        while let digit = scanDigit() {
            if digits < Self.maximumFractionDigits {
                nanoseconds = nanoseconds * 10 + digit
            }
            digits += 1
        }

        for _ in min(digits, Self.maximumFractionDigits)..<Self.maximumFractionDigits {
            nanoseconds *= 10
        }
        return (Double(nanoseconds) / 1e9, digits)
    }

    /// Reads an optional UTC offset (`Z`, `+05:30`, `+0530`, `+05`, or the same with `-`), which
    /// may follow one space, and returns it in seconds east of UTC. No offset reads as 0.
    private mutating func scanOffset() -> Int? {
        if isAtEnd {
            return 0
        }
        _ = consume(UInt8(ascii: " "))
        if consume(UInt8(ascii: "Z")) || consume(UInt8(ascii: "z")) {
            return 0
        }

        let sign: Int
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }

        guard let hours = scanNumber(digits: 2), hours <= 23 else { return nil }
        var minutes = 0
        if consume(UInt8(ascii: ":")) || !isAtEnd {
            guard let value = scanNumber(digits: 2), value <= 59 else { return nil }
            minutes = value
        }
        return sign * (hours * 3_600 + minutes * 60)
    }

    private mutating func scanNumber(digits count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let digit = scanDigit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private mutating func scanDigit() -> Int? {
        guard index < end, Self.isDigit(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int(bytes[index] &- UInt8(ascii: "0"))
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
