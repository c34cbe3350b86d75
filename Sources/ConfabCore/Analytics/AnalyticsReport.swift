/// The figures of one selection: grouped rows, the total, conversation lengths and growth.
public struct AnalyticsReport: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// Read from the summary tables (and the turns of conversations queued for a refresh).
        case summaries
        /// Computed from the base tables, with the reason.
        case scan(reason: String)
    }

    public var grouping: AnalyticsGrouping
    /// Periods in time order with undated turns last; other groups by turns, most first. A
    /// `rest` row, when there is one, comes last.
    public var rows: [AnalyticsRow]
    public var total: AnalyticsRow
    /// Selected turns per conversation.
    public var turnsPerConversation: AnalyticsDistribution
    /// Selected characters per conversation.
    public var charactersPerConversation: AnalyticsDistribution
    /// New conversations and turns per period and source, with running totals.
    public var growth: [AnalyticsGrowthRow]
    public var method: Method
    /// Things the reader should know, such as parts of the query that were read differently.
    public var notes: [String]

    public init(grouping: AnalyticsGrouping, rows: [AnalyticsRow], total: AnalyticsRow,
                turnsPerConversation: AnalyticsDistribution, charactersPerConversation: AnalyticsDistribution,
                growth: [AnalyticsGrowthRow], method: Method, notes: [String]) {
        self.grouping = grouping
        self.rows = rows
        self.total = total
        self.turnsPerConversation = turnsPerConversation
        self.charactersPerConversation = charactersPerConversation
        self.growth = growth
        self.method = method
        self.notes = notes
    }
}

/// A distribution of one count over conversations, in power-of-two buckets.
public struct AnalyticsDistribution: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        /// The smallest value in the bucket.
        public var lowerBound: Int
        /// The largest value in the bucket.
        public var upperBound: Int
        public var conversations: Int
    }

    /// Buckets 1, 2–3, 4–7, 8–15, … up to the largest value, including empty ones in between.
    public var buckets: [Bucket]
    public var percentiles: AnalyticsPercentiles?

    /// Returns the distribution of `values`, one per conversation. Values below 1 fall in the first bucket.
    public static func of(_ values: [Int]) -> AnalyticsDistribution {
        var doubles = values.map(Double.init)
        let percentiles = AnalyticsPercentiles.of(&doubles)
        guard let largest = values.max() else { return AnalyticsDistribution(buckets: [], percentiles: nil) }

        var counts: [Int] = []
        for value in values {
            let index = value <= 1 ? 0 : Int.bitWidth - value.leadingZeroBitCount - 1
            if index >= counts.count {
                counts += Array(repeating: 0, count: index - counts.count + 1)
            }
            counts[index] += 1
        }
        let lastIndex = largest <= 1 ? 0 : Int.bitWidth - largest.leadingZeroBitCount - 1
        let buckets = (0...lastIndex).map { index in
            Bucket(lowerBound: index == 0 ? 1 : 1 << index, upperBound: (1 << (index + 1)) - 1,
                   conversations: index < counts.count ? counts[index] : 0)
        }
        return AnalyticsDistribution(buckets: buckets, percentiles: percentiles)
    }
}

/// What one source added to the store in one period.
public struct AnalyticsGrowthRow: Sendable, Equatable {
    /// Nil for undated turns.
    public var period: AnalyticsPeriod?
    public var label: String?
    public var source: String
    /// Conversations whose first selected turn falls in the period.
    public var newConversations: Int
    public var turns: Int
    public var characters: Int
    /// Totals of this source up to and including the period.
    public var cumulativeConversations: Int
    public var cumulativeTurns: Int
}
