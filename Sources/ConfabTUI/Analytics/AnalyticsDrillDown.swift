import ConfabCore

/// The search filters that select the turns behind one row of a report, so that a bar can
/// open the matching conversations on the Search screen.
enum AnalyticsDrillDown {
    /// Returns the filters for `row`, or nil when no query can express it.
    static func filter(for row: AnalyticsRow, in report: AnalyticsReport) -> String? {
        switch row.key {
        case .period(let period):
            return "after:\(AnalyticsPeriod.dayLabel(period.startDay)) before:\(AnalyticsPeriod.dayLabel(period.endDay))"
        case .user(let id):
            return "user:\(id)"
        case .model(let name?):
            return "model:" + quoted(name)
        case .source(let name):
            return "source:" + quoted(name)
        case .model(nil), .undated:
            return nil
        case .rest:
            return restFilter(in: report)
        }
    }

    /// Returns why `row` cannot be opened, or nil when it can.
    static func problem(for row: AnalyticsRow) -> String? {
        switch row.key {
        case .undated: "Turns without a time cannot be selected with a query"
        case .model(nil): "Turns without a model cannot be selected with a query"
        default: nil
        }
    }

    /// The rest row is everything before the first period listed, or every group not listed.
    private static func restFilter(in report: AnalyticsReport) -> String? {
        var exclusions: [String] = []
        for row in report.rows {
            switch row.key {
            case .period(let period):
                return "before:\(AnalyticsPeriod.dayLabel(period.startDay))"
            case .user(let id):
                exclusions.append("-user:\(id)")
            case .model(let name?):
                exclusions.append("-model:" + quoted(name))
            case .source(let name):
                exclusions.append("-source:" + quoted(name))
            case .model(nil), .undated, .rest:
                continue
            }
        }
        return exclusions.isEmpty ? nil : exclusions.joined(separator: " ")
    }

    /// Returns `query` without its included filters named `name` (`model:gpt-4*`,
    /// `model:"a b"`); excluded ones (`-model:…`) and everything else stay as typed.
    static func removingFilters(named name: String, from query: String) -> String {
        var kept: [String] = []
        var index = query.startIndex
        while index < query.endIndex {
            if query[index].isWhitespace {
                index = query.index(after: index)
                continue
            }
            // One term: up to white space outside double quotes.
            let start = index
            var isQuoted = false
            while index < query.endIndex && (isQuoted || !query[index].isWhitespace) {
                if query[index] == "\"" {
                    isQuoted.toggle()
                }
                index = query.index(after: index)
            }
            let term = String(query[start..<index])
            if !term.lowercased().hasPrefix(name + ":") {
                kept.append(term)
            }
        }
        return kept.joined(separator: " ")
    }

    /// A filter value in double quotes, with quotes inside doubled as the query language reads them.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
