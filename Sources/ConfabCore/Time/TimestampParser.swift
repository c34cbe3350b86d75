import Foundation

/// Converts the timestamp forms found in chat exports into dates.
///
/// Accepted forms:
/// - numbers of seconds since 1970, or of milliseconds (above 1e11), microseconds (above 1e14)
///   or nanoseconds (above 1e17), as JSON numbers or as strings of digits with an optional
///   fraction (`"1695326273.968528"`);
/// - ISO 8601 extended dates (`2026-12-04`) and date-times with `T`, `t` or a space between date
///   and time, optional seconds, a fraction of any length after `.` or `,` (digits past the
///   ninth are ignored), and an optional offset `Z`, `+05:30`, `+0530` or `+05`. A date-time
///   without an offset is taken as UTC, and so is a date alone (at midnight).
///
/// Whitespace around a string is ignored.
///
/// Anything else returns nil, and so does every instant outside `plausibleRange`, so that a
/// zero, a negative number or a misread value never turns into a date in 1970.
///
/// The parser reads bytes by hand instead of using `DateFormatter` or `ISO8601DateFormatter`,
/// because an import calls it for every turn.
public enum TimestampParser {
    /// The instants accepted, in seconds since 1970: from 1990-01-01T00:00:00Z up to but
    /// excluding 2100-01-01T00:00:00Z. Chat exports fall far inside it, while the usual
    /// placeholder values (0, -1, 9999-12-31) and numbers in the wrong unit fall outside.
    public static let plausibleRange: Range<Double> = 631_152_000 ..< 4_102_444_800

    public static func parse(_ value: JSONValue) -> Date? {
        switch value {
        case let .number(number): parse(number)
        case let .string(string): parse(string)
        default: nil
        }
    }

    public static func parse(_ number: Double) -> Date? {
        epochSeconds(fromNumber: number).map(Date.init(timeIntervalSince1970:))
    }

    public static func parse(_ number: Int) -> Date? {
        parse(Double(number))
    }

    public static func parse(_ string: String) -> Date? {
        epochSeconds(fromString: string).map(Date.init(timeIntervalSince1970:))
    }

    /// Seconds since 1970 for a number in seconds, milliseconds, microseconds or nanoseconds.
    public static func epochSeconds(fromNumber number: Double) -> Double? {
        guard number.isFinite, number > 0 else { return nil }

        let seconds: Double
        switch number {
        case ..<1e11: seconds = number
        case ..<1e14: seconds = number / 1e3
        case ..<1e17: seconds = number / 1e6
        default: seconds = number / 1e9
        }

        return plausibleRange.contains(seconds) ? seconds : nil
    }

    /// Seconds since 1970 for a numeric string or an ISO 8601 date or date-time.
    public static func epochSeconds(fromString string: String) -> Double? {
        var string = string
        return string.withUTF8 { bytes in
            var scanner = TimestampScanner(bytes)
            scanner.trimWhitespace()
            guard !scanner.isAtEnd else { return nil }

            if scanner.looksLikeISODate {
                guard let seconds = scanner.scanISO8601() else { return nil }
                return plausibleRange.contains(seconds) ? seconds : nil
            }
            guard let number = scanner.scanDecimalNumber() else { return nil }
            return epochSeconds(fromNumber: number)
        }
    }
}
