import Foundation

/// Formats times for lists and turn headers: `2026-11-16 06:46`, or `2026-11-16` where a column
/// is narrow, in the zone the options name.
struct BrowseTimeFormat {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    static let fullWidth = 16
    static let dateWidth = 10

    /// Returns `date` as `yyyy-MM-dd HH:mm`, or as `yyyy-MM-dd` when `dateOnly` is set.
    func format(_ date: Date, dateOnly: Bool = false) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard !dateOnly else { return day }
        return day + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
