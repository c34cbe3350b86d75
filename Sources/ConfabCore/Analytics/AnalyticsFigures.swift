/// The figures of one group of turns.
///
/// Counts are exact. Token and time sums are nil when no selected turn recorded the figure, so
/// an unknown value never reads as zero. The `…Turns` counts are the turns that recorded it.
public struct AnalyticsFigures: Sendable, Equatable {
    /// Distinct conversations with at least one selected turn in the group.
    public var conversations = 0
    public var turns = 0
    /// Characters of text (Unicode scalars, as SQLite's `length` counts them).
    public var characters = 0
    public var userTurns = 0
    public var assistantTurns = 0
    public var systemTurns = 0
    public var toolRoleTurns = 0
    public var messageTurns = 0
    public var hiddenTurns = 0
    /// Tool calls and tool results.
    public var toolTurns = 0
    public var reasoningTurns = 0
    public var errorTurns = 0
    /// Assistant turns with an earlier sibling: responses the user requested again.
    public var regenerations = 0
    /// User turns with an earlier sibling: edited messages.
    public var edits = 0
    /// Conversations with at least one regenerated or edited turn in the group.
    public var branchedConversations = 0
    public var inputTokens: Int?
    public var inputTokenTurns = 0
    public var outputTokens: Int?
    public var outputTokenTurns = 0
    public var generationSeconds: Double?
    public var generationTurns = 0

    public init() {}

    /// Regenerations per assistant turn, or nil without assistant turns.
    public var regenerationRate: Double? {
        assistantTurns > 0 ? Double(regenerations) / Double(assistantTurns) : nil
    }

    /// The share of turns that are hidden, tool calls or tool results, or nil without turns.
    public var hiddenAndToolShare: Double? {
        turns > 0 ? Double(hiddenTurns + toolTurns) / Double(turns) : nil
    }
}

/// Nearest-rank percentiles of one figure: the smallest value with at least p% of the values at
/// or below it.
public struct AnalyticsPercentiles: Sendable, Equatable {
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var maximum: Double

    /// Returns the percentiles of `values`, or nil when there are none. Sorts `values`.
    public static func of(_ values: inout [Double]) -> AnalyticsPercentiles? {
        guard !values.isEmpty else { return nil }
        values.sort()
        return AnalyticsPercentiles(
            count: values.count, p50: rank(50, in: values), p90: rank(90, in: values), p99: rank(99, in: values),
            maximum: values[values.count - 1])
    }

    /// Returns the value at nearest rank `ceil(p / 100 × n)` of sorted `values`.
    public static func rank(_ percent: Int, in sorted: [Double]) -> Double {
        let rank = (percent * sorted.count + 99) / 100
        return sorted[max(1, rank) - 1]
    }
}

/// Percentiles per turn of the figures that sources record.
public struct AnalyticsMeasures: Sendable, Equatable {
    public var inputTokens: AnalyticsPercentiles?
    public var outputTokens: AnalyticsPercentiles?
    public var generationSeconds: AnalyticsPercentiles?

    public init(inputTokens: AnalyticsPercentiles? = nil, outputTokens: AnalyticsPercentiles? = nil,
                generationSeconds: AnalyticsPercentiles? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.generationSeconds = generationSeconds
    }
}

/// One row of a report: a period, user, model or source, or the sum of the groups left out.
public struct AnalyticsRow: Sendable, Equatable {
    public enum Key: Hashable, Sendable {
        case period(AnalyticsPeriod)
        case user(id: Int64)
        /// A model name as stored; nil for turns with no known model.
        case model(String?)
        case source(String)
        /// Turns with no known time, in a period grouping.
        case undated
        /// The groups beyond `top`, summed.
        case rest(groups: Int)
    }

    public var key: Key
    /// The label: `2026-05`, a user name, a model name; nil for undated turns and unknown models.
    public var label: String?
    public var figures: AnalyticsFigures
    /// Nil unless the request asked for percentiles.
    public var measures: AnalyticsMeasures?

    public init(key: Key, label: String?, figures: AnalyticsFigures, measures: AnalyticsMeasures? = nil) {
        self.key = key
        self.label = label
        self.figures = figures
        self.measures = measures
    }

    public var isRest: Bool {
        if case .rest = key { return true }
        return false
    }
}
