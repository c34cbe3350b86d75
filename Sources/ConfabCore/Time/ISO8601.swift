import Foundation

/// ISO 8601 text for dates in machine-readable output.
public enum ISO8601 {
    /// Formats `date` in UTC with exactly three fraction digits, as `2026-12-04T19:34:51.533Z`.
    ///
    /// The form never varies (milliseconds are written even when they are `000`), so values in
    /// the years 0000–9999 have one width and sort as text in time order. The instant is rounded to the nearest
    /// millisecond. Years outside 0000...9999 are written with a sign and at least six digits,
    /// the ISO 8601 expanded form.
    public static func format(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1_000).rounded()
        precondition(
            milliseconds.isFinite && abs(milliseconds) < 9e18,
            "ISO8601.format needs a finite date within Int64 milliseconds, got \(date.timeIntervalSince1970)"
        )

        let totalMilliseconds = Int(milliseconds)
        let millisecondsPerDay = CivilDate.secondsPerDay * 1_000
        let days = CivilDate.floorDivide(totalMilliseconds, millisecondsPerDay)
        let millisecondOfDay = totalMilliseconds - days * millisecondsPerDay
        let civil = CivilDate(daysSinceEpoch: days)

        // Written as bytes, because string concatenation costs several times more and JSON
        // output formats a date for every turn.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        appendYear(civil.year, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(civil.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(civil.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(millisecondOfDay / 3_600_000, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(millisecondOfDay / 60_000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(millisecondOfDay / 1_000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millisecondOfDay % 1_000, count: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendYear(_ year: Int, to bytes: inout [UInt8]) {
        if (0...9_999).contains(year) {
            appendDigits(year, count: 4, to: &bytes)
            return
        }
        bytes.append(UInt8(ascii: year < 0 ? "-" : "+"))
        let magnitude = abs(year)
        appendDigits(magnitude, count: max(6, String(magnitude).count), to: &bytes)
    }

    /// Appends the last `count` decimal digits of a non-negative `value`, with leading zeros.
    private static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var remaining = value
        var position = bytes.count - 1
        while position >= start {
            bytes[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        }
    }
}
