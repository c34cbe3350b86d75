import Foundation

/// Checks and converts the value of a `name:value` filter.
enum SearchFilterValue {
    /// Returns the filter, or nil when the value is invalid for its kind.
    static func make(kind: SearchFilter.Kind, value: String, isExcluded: Bool) -> SearchFilter? {
        switch kind {
        case .role:
            guard let role = Role(rawValue: value.lowercased()) else { return nil }
            return SearchFilter(kind: kind, value: value, isExcluded: isExcluded, role: role)
        case .before, .after:
            guard let date = startOfPeriod(value) else { return nil }
            return SearchFilter(kind: kind, value: value, isExcluded: isExcluded, date: date)
        case .idle:
            guard let age = ageSeconds(value) else { return nil }
            return SearchFilter(kind: kind, value: value, isExcluded: isExcluded,
                                date: Date(timeIntervalSinceNow: -age), ageSeconds: age)
        case .user, .model, .conversation, .source, .tag:
            return SearchFilter(kind: kind, value: value, isExcluded: isExcluded)
        }
    }

    static func invalidMessage(kind: SearchFilter.Kind, typed: String) -> String {
        switch kind {
        case .role:
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return "'\(typed)' names no role (use one of \(roles)), so it was searched as text"
        case .before, .after:
            return "'\(typed)' has no valid date (use YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time), so it was searched as text"
        case .idle:
            return "'\(typed)' has no valid age (use a number of days, or a number followed by d, w or y such as 90d), so it was searched as text"
        case .user, .model, .conversation, .source, .tag:
            return "'\(typed)' is not a valid filter, so it was searched as text"
        }
    }

    /// Seconds in an age such as `90d`, `12w`, `2y` or `30` (days); a year counts 365 days.
    static func ageSeconds(_ value: String) -> Double? {
        let units: [Character: Double] = ["d": 86_400, "w": 7 * 86_400, "y": 365 * 86_400]
        var digits = Substring(value.lowercased())
        var unit = 86_400.0
        if let last = digits.last, let seconds = units[last] {
            unit = seconds
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Double(digits) else { return nil }
        return count * unit
    }

    /// The first instant of a year (`2024`), month (`2024-05`) or day (`2024-05-01`) in UTC, or
    /// the instant of an ISO 8601 date-time.
    static func startOfPeriod(_ value: String) -> Date? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let isDigits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        if isDigits, parts[0].count == 4, parts.count <= 3 {
            let year = Int(parts[0])!
            let month = parts.count > 1 ? Int(parts[1])! : 1
            let day = parts.count > 2 ? Int(parts[2])! : 1
            guard parts.count < 2 || parts[1].count == 2, parts.count < 3 || parts[2].count == 2 else { return nil }
            guard (1...12).contains(month), (1...CivilDate.daysInMonth(month, year: year)).contains(day) else { return nil }
            let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
            return Date(timeIntervalSince1970: Double(days * CivilDate.secondsPerDay))
        }
        guard value.contains("T") || value.contains(" ") else { return nil }
        return TimestampParser.epochSeconds(fromString: value).map(Date.init(timeIntervalSince1970:))
    }
}
