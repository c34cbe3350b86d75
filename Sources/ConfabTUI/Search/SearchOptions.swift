import Foundation

/// Settings of the Search screen that tests and benchmarks change.
public struct SearchOptions: Sendable {
    /// The zone that times are shown in.
    public var timeZone: TimeZone
    /// How long the screen waits for the next key before running the query, when the previous
    /// key came less than this before. The first key after a pause runs at once. Keys that
    /// arrive together (a paste) start one query, and each later key cancels the query in
    /// flight.
    public var debounce: Duration
    /// Hits fetched per page.
    public var pageSize: Int
    /// Pages kept in memory; the pages farthest from the selection are dropped beyond this and
    /// fetched again by their cursor when the selection comes back.
    public var pageCapacity: Int
    /// Length of a snippet, in Unicode scalars: more than one row of the widest result list.
    public var snippetLength: Int

    public init(
        timeZone: TimeZone = .current,
        debounce: Duration = .milliseconds(10),
        pageSize: Int = 30,
        pageCapacity: Int = 8,
        snippetLength: Int = 240
    ) {
        precondition(pageSize >= 1, "pageSize must be at least 1, got \(pageSize)")
        precondition(pageCapacity >= 2, "pageCapacity must be at least 2, got \(pageCapacity)")
        self.timeZone = timeZone
        self.debounce = debounce
        self.pageSize = pageSize
        self.pageCapacity = pageCapacity
        self.snippetLength = snippetLength
    }
}
