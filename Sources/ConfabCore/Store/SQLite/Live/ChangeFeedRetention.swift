import Foundation

/// The bound on the change feed: at most `maximumRows` rows, none older than `maximumAge`.
///
/// Writers enforce it in small steps inside their own transactions: each deletes at most the
/// rows it added plus `extraRowsPerStep` of the oldest rows that break the bound, so a write
/// never stalls on a large delete and the feed shrinks back under the bound while writes go on.
/// Only the oldest rows are examined, because sequence order is commit order.
public struct ChangeFeedRetention: Sendable, Equatable {
    public var maximumRows: Int64
    public var maximumAge: TimeInterval
    public var extraRowsPerStep: Int

    /// 100,000 rows or 7 days, whichever bound is hit first: about 50 s of the 2,000 turns/s
    /// benchmark load, or a week of an ordinary store.
    public static let standard = ChangeFeedRetention(maximumRows: 100_000, maximumAge: 7 * 86_400, extraRowsPerStep: 64)

    public init(maximumRows: Int64, maximumAge: TimeInterval, extraRowsPerStep: Int) {
        self.maximumRows = maximumRows
        self.maximumAge = maximumAge
        self.extraRowsPerStep = extraRowsPerStep
    }

    /// Deletes up to `rowsAdded + extraRowsPerStep` of the oldest rows that break the bound once
    /// the `rowsAdded` rows about to be inserted are in.
    func prune(_ connection: Connection, rowsAdded: Int, now: Date = Date()) throws {
        try connection.run(
            """
            DELETE FROM changes WHERE seq IN (
                SELECT seq FROM (SELECT seq, committed_at FROM changes ORDER BY seq LIMIT ?)
                WHERE seq <= (SELECT max(seq) FROM changes) - ? OR committed_at < ?)
            """,
            rowsAdded + extraRowsPerStep, max(0, maximumRows - Int64(rowsAdded)), now.timeIntervalSince1970 - maximumAge)
    }
}
