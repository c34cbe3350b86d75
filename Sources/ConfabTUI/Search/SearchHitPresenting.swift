import ConfabCore

/// A screen that shows a search hit in its conversation: Browse opens the transcript at the
/// hit's turn with the query's matches highlighted.
protocol SearchHitPresenting: AnyObject {
    func presentSearchHit(_ hit: SearchHit, query: SearchQuery, results: any SearchHitSequence, context: any ScreenContext)
}

/// The result list that a transcript opened from a hit steps through with `n` and `N` once it
/// has passed the last match in its own conversation.
protocol SearchHitSequence: AnyObject {
    /// Selects and returns the nearest hit after (`step` 1) or before (-1) the selected one that
    /// belongs to a conversation other than `conversationID`. Returns nil when no such hit is in
    /// memory.
    func hit(after conversationID: Int64, step: Int) -> SearchHit?

    /// True when hits beyond those in memory remain to be read.
    var hasMoreHitsToRead: Bool { get }
}
