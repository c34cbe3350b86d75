import Foundation

/// The fixed two-year window that every demo timestamp falls in, and the daily rhythm of use.
///
/// The window is fixed rather than relative to today, so the same options give the same data on
/// every run: it starts at 2024-12-01 00:00 UTC and ends just before 2026-12-01 00:00 UTC, which
/// makes 2026-11-30 its last day.
enum DemoCalendar {
    static let firstDay = CivilDate(year: 2024, month: 12, day: 1).daysSinceEpoch
    static let dayCount = CivilDate(year: 2026, month: 12, day: 1).daysSinceEpoch - firstDay

    /// Start of the window, in milliseconds since 1970-01-01 UTC.
    static let startMilliseconds = Int64(firstDay) * millisecondsPerDay
    /// End of the window (exclusive), in milliseconds since 1970-01-01 UTC.
    static let endMilliseconds = Int64(firstDay + dayCount) * millisecondsPerDay

    static let millisecondsPerDay: Int64 = 86_400_000

    /// Returns the day index in the window (0 for 2024-12-01) of a calendar date.
    static func dayIndex(year: Int, month: Int, day: Int) -> Int {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch - firstDay
    }

    /// Returns whether a day of the window is a Saturday or Sunday.
    static func isWeekend(dayIndex: Int) -> Bool {
        // 1970-01-01 was a Thursday, so (days + 4) % 7 counts from Sunday = 0.
        let weekday = (firstDay + dayIndex + 4) % 7
        return weekday == 0 || weekday == 6
    }

    /// Formats the calendar date of a day of the window as `2025-03-14`.
    static func isoDate(dayIndex: Int) -> String {
        let date = CivilDate(daysSinceEpoch: firstDay + dayIndex)
        return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }

    /// A local hour of day drawn to match when people use chat assistants: little at night, a
    /// morning and an afternoon peak on working hours, and a smaller evening peak.
    static let localHours = DemoPool(
        Array(0..<24),
        weights: [3, 2, 1, 1, 1, 2, 4, 8, 14, 18, 20, 19, 14, 16, 19, 18, 16, 13, 11, 12, 14, 13, 9, 5])

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
