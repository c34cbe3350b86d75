/// The analytics operations a store offers the console and the CLI.
///
/// The SQLite store reads summary tables kept up to date with every write, and scans the
/// base tables only for selections the summaries cannot express (text, or a time that is not
/// the start of a UTC day). See docs/analytics.md.
public protocol AnalyticsStore: AnyObject {
    /// Computes the figures of the turns that `request.query` selects, grouped as requested. A
    /// cancelled `cancellation` stops it with `SearchError.cancelled`.
    func analytics(_ request: AnalyticsRequest, cancellation: SearchCancellation?) throws -> AnalyticsReport

    /// Returns the UTC day (days since 1970-01-01) of the store's latest activity, or nil when
    /// no conversation has a time. Time ranges such as "the last 30 days" count back from it.
    func latestActivityDay() throws -> Int?

    /// Recomputes the summary rows of these conversations from their turns. Every write path
    /// that changes turns or conversations outside an import calls it before it commits.
    func refreshAggregates(conversationIDs: [Int64]) throws

    /// Recomputes every summary row from the base tables.
    func rebuildAggregates() throws

    /// Compares the summary rows with rows computed from the base tables.
    func checkAggregates() throws -> AggregateCheck
}

/// What an analytics report covers and how it groups.
public struct AnalyticsRequest: Sendable, Equatable {
    /// The selection, in the search query language; an empty query selects every turn.
    public var query: SearchQuery
    public var grouping: AnalyticsGrouping
    /// For user, model and source groups: keep this many groups (by turns) and sum the rest into
    /// one row. For periods: keep the latest this many and sum the earlier ones. Nil keeps all.
    public var top: Int?
    /// Whether to compute percentiles of tokens and generation time, which reads one row per
    /// turn that recorded them.
    public var includesPercentiles: Bool

    public init(query: SearchQuery = SearchQuery(), grouping: AnalyticsGrouping = .month, top: Int? = nil,
                includesPercentiles: Bool = true) {
        self.query = query
        self.grouping = grouping
        self.top = top
        self.includesPercentiles = includesPercentiles
    }
}

/// The result of a consistency check of the summary tables.
public struct AggregateCheck: Sendable, Equatable {
    /// Conversations whose summary rows differ from their turns; empty when all agree.
    public var mismatchedConversationIDs: [Int64]
    /// Conversations queued for a refresh, which readers compute from their turns meanwhile.
    public var pendingConversations: Int
    public var summaryRows: Int

    public var isConsistent: Bool { mismatchedConversationIDs.isEmpty }

    public init(mismatchedConversationIDs: [Int64], pendingConversations: Int, summaryRows: Int) {
        self.mismatchedConversationIDs = mismatchedConversationIDs
        self.pendingConversations = pendingConversations
        self.summaryRows = summaryRows
    }
}
