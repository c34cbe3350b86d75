/// Reads the change feed: what was committed since a reader last looked.
///
/// A reader keeps the `latestSequence` of the last batch and passes it as `after`. Changes
/// arrive in commit order, because every writer takes the write lock before it inserts its rows.
public protocol ChangeFeed: AnyObject {
    /// Returns the newest sequence number in the feed, 0 when it has never had a row.
    func latestChangeSequence() throws -> Int64

    /// Returns up to `limit` changes with a sequence greater than `sequence`, oldest first.
    func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch

    /// Returns a number that moves whenever another connection commits, for cheap polling.
    func changeCounter() throws -> Int64
}
