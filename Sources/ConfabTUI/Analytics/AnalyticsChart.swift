import ConfabCore

/// The content of one view: sparklines over time and lists of bars, built from a report.
struct AnalyticsChart {
    struct Row {
        var label: String
        /// The length of the bar, against the largest value of its section.
        var value: Double
        var cells: [String]
        /// The query filters that select this row's turns, or nil with `drillProblem` saying why none can.
        var drillFilter: String?
        var drillProblem: String?
    }

    struct Section {
        var title: String
        var columnTitles: [String]
        var rows: [Row]

        var largestValue: Double { rows.map(\.value).max() ?? 0 }
    }

    struct Sparkline {
        var title: String
        var values: [Double?]
        /// Text after the line: the total, or the latest value.
        var summary: String
    }

    var sparklines: [Sparkline] = []
    var sections: [Section] = []

    /// Every row of every section, in drawing order; the selection indexes it.
    var allRows: [Row] { sections.flatMap(\.rows) }
}

/// Short numbers for narrow columns: `950`, `12.3k`, `4.5M`.
enum CompactNumber {
    static func format(_ value: Int?) -> String {
        guard let value else { return "–" }
        return format(Double(value), decimals: 0)
    }

    static func format(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "–" }
        let magnitude = abs(value)
        if magnitude >= 1_000_000_000 { return trimmed(value / 1_000_000_000) + "G" }
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return trimmed(value / 1_000) + "k" }
        if decimals == 0 { return String(Int(value.rounded())) }
        return fixed(value, decimals: decimals)
    }

    /// Returns `value` with commas between groups of three digits: `1,066,013`.
    static func grouped(_ value: Int) -> String {
        NumberText.grouped(value)
    }

    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return fixed(share * 100, decimals: 1) + "%"
    }

    private static func trimmed(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : fixed(value, decimals: 1)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }
}
