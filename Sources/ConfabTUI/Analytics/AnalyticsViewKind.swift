import ConfabCore

/// The views of the Analytics screen, in the order the view key cycles through them.
enum AnalyticsViewKind: Int, CaseIterable, Sendable {
    case activity
    case users
    case models
    case tokens
    case lengths
    case growth

    var title: String {
        switch self {
        case .activity: "Activity"
        case .users: "Users"
        case .models: "Models"
        case .tokens: "Tokens & time"
        case .lengths: "Lengths"
        case .growth: "Growth"
        }
    }

    /// Returns the request for this view over `query`, with `period` for the time views.
    func request(query: SearchQuery, period: AnalyticsGrouping) -> AnalyticsRequest {
        switch self {
        case .activity, .lengths, .growth:
            return AnalyticsRequest(query: query, grouping: period, includesPercentiles: false)
        case .users:
            return AnalyticsRequest(query: query, grouping: .user, top: AnalyticsViewKind.groupLimit, includesPercentiles: false)
        case .models:
            return AnalyticsRequest(query: query, grouping: .model, top: AnalyticsViewKind.groupLimit, includesPercentiles: false)
        case .tokens:
            return AnalyticsRequest(query: query, grouping: .model, top: AnalyticsViewKind.groupLimit, includesPercentiles: true)
        }
    }

    /// Users and models listed before the rest is summed into one row.
    static let groupLimit = 40
}

/// The time range the screen selects, counted back from the store's latest activity.
enum AnalyticsRange: Int, CaseIterable, Sendable {
    case all
    case days30
    case weeks12
    case months12

    var title: String {
        switch self {
        case .all: "all time"
        case .days30: "last 30 days"
        case .weeks12: "last 12 weeks"
        case .months12: "last 12 months"
        }
    }

    /// Returns the `after:` filter for a range that ends on `latestDay`, or nil for all time.
    func afterFilter(latestDay: Int?) -> String? {
        guard let latestDay else { return nil }
        let firstDay: Int
        switch self {
        case .all:
            return nil
        case .days30:
            firstDay = latestDay - 29
        case .weeks12:
            firstDay = AnalyticsPeriod.containing(day: latestDay, grouping: .week)!.startDay - 11 * 7
        case .months12:
            var start = AnalyticsPeriod.containing(day: latestDay, grouping: .month)!.startDay
            for _ in 0..<11 {
                start = AnalyticsPeriod.containing(day: start - 1, grouping: .month)!.startDay
            }
            firstDay = start
        }
        return "after:" + AnalyticsPeriod.dayLabel(firstDay)
    }
}
