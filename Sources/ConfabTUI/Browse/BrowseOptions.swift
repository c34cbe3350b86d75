import Foundation

/// Settings of the Browse screen that tests and benchmarks change.
public struct BrowseOptions: Sendable {
    /// The zone that times are shown in.
    public var timeZone: TimeZone
    /// Rows or turns fetched per keyset query.
    public var pageSize: Int
    /// Rows kept in memory per list; the list drops the rows farthest from the selection beyond
    /// this, so memory stays flat however far one scrolls.
    public var listCapacity: Int
    /// Turns kept in memory for the open transcript, dropped the same way.
    public var transcriptCapacity: Int
    /// How often the store is asked whether another process committed.
    public var pollInterval: Duration
    /// The narrowest main area that shows lists and transcript side by side.
    public var sideBySideMinimumWidth: Int
    /// How long a pane whose query failed waits before a tick tries again.
    public var retryDelay: Duration

    public init(
        timeZone: TimeZone = .current,
        pageSize: Int = 100,
        listCapacity: Int = 500,
        transcriptCapacity: Int = 300,
        pollInterval: Duration = .milliseconds(300),
        sideBySideMinimumWidth: Int = 120,
        retryDelay: Duration = .seconds(2)
    ) {
        precondition(pageSize >= 1, "pageSize must be at least 1, got \(pageSize)")
        precondition(listCapacity >= 2 * pageSize, "listCapacity must hold at least two pages")
        self.timeZone = timeZone
        self.pageSize = pageSize
        self.listCapacity = listCapacity
        self.transcriptCapacity = max(transcriptCapacity, 2 * pageSize)
        self.pollInterval = pollInterval
        self.sideBySideMinimumWidth = sideBySideMinimumWidth
        self.retryDelay = retryDelay
    }
}
