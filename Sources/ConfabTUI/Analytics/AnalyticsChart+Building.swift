import ConfabCore

extension AnalyticsChart {
    /// Builds the chart of `view` from `report`. `unknown` stands for missing figures (`–`, or
    /// `-` in ASCII).
    static func make(_ view: AnalyticsViewKind, report: AnalyticsReport, unknown: String) -> AnalyticsChart {
        var chart = AnalyticsChart()
        let rows = report.rows
        let number = { (value: Int?) in value.map { CompactNumber.format($0) } ?? unknown }
        let decimal = { (value: Double?) in value.map { CompactNumber.format($0, decimals: 1) } ?? unknown }
        let whole = { (value: Double?) in value.map { CompactNumber.format($0, decimals: 0) } ?? unknown }
        let percent = { (value: Double?) in value.map { CompactNumber.percent($0) } ?? unknown }

        switch view {
        case .activity:
            let periods = rows.filter { if case .period = $0.key { return true } else { return false } }
            chart.sparklines = [
                Sparkline(title: "turns", values: periods.map { Double($0.figures.turns) },
                          summary: number(report.total.figures.turns)),
                Sparkline(title: "conversations", values: periods.map { Double($0.figures.conversations) },
                          summary: number(report.total.figures.conversations)),
                Sparkline(title: "characters", values: periods.map { Double($0.figures.characters) },
                          summary: number(report.total.figures.characters)),
                Sparkline(title: "output tokens", values: periods.map { $0.figures.outputTokens.map(Double.init) },
                          summary: number(report.total.figures.outputTokens)),
            ]
            chart.sections = [Section(
                title: "Turns per \(report.grouping.rawValue)", columnTitles: ["turns", "convs", "chars"],
                rows: rows.map { row in
                    Row(label: row.label ?? "(no time)", value: Double(row.figures.turns),
                        cells: [number(row.figures.turns), number(row.figures.conversations), number(row.figures.characters)],
                        drillFilter: AnalyticsDrillDown.filter(for: row, in: report), drillProblem: AnalyticsDrillDown.problem(for: row))
                })]
        case .users:
            chart.sections = [Section(
                title: "Turns per user", columnTitles: ["turns", "convs", "chars", "regen"],
                rows: rows.map { row in
                    Row(label: row.label ?? "?", value: Double(row.figures.turns),
                        cells: [number(row.figures.turns), number(row.figures.conversations), number(row.figures.characters),
                                number(row.figures.regenerations)],
                        drillFilter: AnalyticsDrillDown.filter(for: row, in: report), drillProblem: AnalyticsDrillDown.problem(for: row))
                })]
        case .models:
            chart.sections = [Section(
                title: "Turns per model", columnTitles: ["turns", "convs", "regen", "errors", "hidden+tool"],
                rows: rows.map { row in
                    Row(label: row.label ?? "(no model)", value: Double(row.figures.turns),
                        cells: [number(row.figures.turns), number(row.figures.conversations), percent(row.figures.regenerationRate),
                                number(row.figures.errorTurns), percent(row.figures.hiddenAndToolShare)],
                        drillFilter: AnalyticsDrillDown.filter(for: row, in: report), drillProblem: AnalyticsDrillDown.problem(for: row))
                })]
        case .tokens:
            chart.sections = [Section(
                title: "Output tokens per model", columnTitles: ["in", "out", "out p50", "out p90", "gen p50 s", "gen p90 s"],
                rows: rows.map { row in
                    let measures = row.measures
                    return Row(label: row.label ?? "(no model)", value: Double(row.figures.outputTokens ?? 0),
                               cells: [number(row.figures.inputTokens), number(row.figures.outputTokens),
                                       whole(measures?.outputTokens?.p50), whole(measures?.outputTokens?.p90),
                                       decimal(measures?.generationSeconds?.p50), decimal(measures?.generationSeconds?.p90)],
                               drillFilter: AnalyticsDrillDown.filter(for: row, in: report),
                               drillProblem: AnalyticsDrillDown.problem(for: row))
                })]
        case .lengths:
            chart.sections = [
                lengthSection("Turns per conversation", report.turnsPerConversation, number: number),
                lengthSection("Characters per conversation", report.charactersPerConversation, number: number),
            ]
        case .growth:
            let sources = Dictionary(grouping: report.growth, by: \.source)
            chart.sparklines = sources.keys.sorted().map { source in
                let growth = sources[source]!.filter { $0.period != nil }
                return Sparkline(title: source, values: growth.map { Double($0.cumulativeConversations) },
                                 summary: number(sources[source]!.last?.cumulativeConversations))
            }
            chart.sections = [Section(
                title: "Conversations per source", columnTitles: ["convs", "turns", "chars"],
                rows: sources.keys.sorted().map { source in
                    let last = sources[source]!.last
                    let characters = sources[source]!.map(\.characters).reduce(0, +)
                    return Row(label: source, value: Double(last?.cumulativeConversations ?? 0),
                               cells: [number(last?.cumulativeConversations), number(last?.cumulativeTurns), number(characters)],
                               drillFilter: "source:" + AnalyticsDrillDown.quoted(source), drillProblem: nil)
                })]
        }
        return chart
    }

    private static func lengthSection(_ title: String, _ distribution: AnalyticsDistribution, number: (Int?) -> String) -> Section {
        let percentiles = distribution.percentiles.map {
            " (p50 \(CompactNumber.format($0.p50, decimals: 0)), p90 \(CompactNumber.format($0.p90, decimals: 0)))"
        } ?? ""
        return Section(
            title: title + percentiles, columnTitles: ["convs"],
            // Buckets below the smallest value are left out; empty buckets between values stay.
            rows: distribution.buckets.drop { $0.conversations == 0 }.map { bucket in
                let label = bucket.lowerBound == bucket.upperBound
                    ? CompactNumber.format(bucket.lowerBound)
                    : CompactNumber.format(bucket.lowerBound) + "–" + CompactNumber.format(bucket.upperBound)
                return Row(label: label, value: Double(bucket.conversations), cells: [number(bucket.conversations)],
                           drillFilter: nil, drillProblem: "A query cannot select conversations by their length")
            })
    }
}
