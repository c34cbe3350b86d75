/// How analytics rows are grouped.
public enum AnalyticsGrouping: String, Sendable, CaseIterable {
    case day
    /// ISO 8601 weeks, Monday to Sunday, labelled `2026-W18`.
    case week
    case month
    case user
    case model
    case source

    public var isPeriod: Bool {
        switch self {
        case .day, .week, .month: true
        case .user, .model, .source: false
        }
    }
}

/// A calendar period of a grouping: its first day and the day after its last, as days since
/// 1970-01-01 (UTC).
public struct AnalyticsPeriod: Hashable, Sendable, Comparable {
    public var startDay: Int
    public var endDay: Int

    public static func < (lhs: AnalyticsPeriod, rhs: AnalyticsPeriod) -> Bool {
        lhs.startDay < rhs.startDay
    }

    /// Returns the period of `grouping` that contains `day`, or nil for a grouping that is not a period.
    public static func containing(day: Int, grouping: AnalyticsGrouping) -> AnalyticsPeriod? {
        switch grouping {
        case .day:
            return AnalyticsPeriod(startDay: day, endDay: day + 1)
        case .week:
            // 1970-01-01 was a Thursday, so Monday is three days before each multiple of seven.
            let monday = CivilDate.floorDivide(day + 3, 7) * 7 - 3
            return AnalyticsPeriod(startDay: monday, endDay: monday + 7)
        case .month:
            let date = CivilDate(daysSinceEpoch: day)
            let start = CivilDate(year: date.year, month: date.month, day: 1).daysSinceEpoch
            return AnalyticsPeriod(startDay: start, endDay: start + CivilDate.daysInMonth(date.month, year: date.year))
        case .user, .model, .source:
            return nil
        }
    }

    /// The label of the period: `2026-05-01`, `2026-W18` or `2026-05`.
    public func label(for grouping: AnalyticsGrouping) -> String {
        let start = CivilDate(daysSinceEpoch: startDay)
        switch grouping {
        case .week:
            // The ISO week-numbering year is the year of the week's Thursday.
            let thursday = CivilDate(daysSinceEpoch: startDay + 3)
            let firstThursday = AnalyticsPeriod.firstThursday(of: thursday.year)
            let week = (startDay + 3 - firstThursday) / 7 + 1
            return "\(AnalyticsPeriod.pad(thursday.year, 4))-W\(AnalyticsPeriod.pad(week, 2))"
        case .month:
            return "\(AnalyticsPeriod.pad(start.year, 4))-\(AnalyticsPeriod.pad(start.month, 2))"
        default:
            return AnalyticsPeriod.dayLabel(startDay)
        }
    }

    /// Returns `YYYY-MM-DD` for a day count.
    public static func dayLabel(_ day: Int) -> String {
        let date = CivilDate(daysSinceEpoch: day)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    private static func firstThursday(of year: Int) -> Int {
        let january1 = CivilDate(year: year, month: 1, day: 1).daysSinceEpoch
        // Day 0 (1970-01-01) was a Thursday.
        let weekday = ((january1 % 7) + 7) % 7
        return january1 + (7 - weekday) % 7
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
