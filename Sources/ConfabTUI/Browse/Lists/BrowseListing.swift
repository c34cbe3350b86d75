import ConfabCore

/// An ordered listing that the Browse screen pages through by keyset: each page is asked for
/// relative to an item's cursor, never by offset.
///
/// Its methods run on the worker's queue with the worker's store connection.
protocol BrowseListing: Sendable {
    associatedtype Item: Sendable
    associatedtype Cursor: Sendable

    static func id(of item: Item) -> ListItemID
    static func cursor(of item: Item) -> Cursor

    /// Items after `cursor` in listing order (from the first one when nil).
    func items(after cursor: Cursor?, limit: Int, in store: any ConversationStore) throws -> [Item]
    /// The `limit` items just before `cursor` in listing order (the last ones when nil).
    func items(before cursor: Cursor?, limit: Int, in store: any ConversationStore) throws -> [Item]
    func count(in store: any ConversationStore) throws -> Int
    /// The number of items before `cursor`.
    func index(of cursor: Cursor, in store: any ConversationStore) throws -> Int
}

/// Identifies a row across reloads, so the selection stays on the same item.
enum ListItemID: Hashable, Sendable {
    case everyone
    case user(Int64)
    case conversation(Int64)
}

/// What a list asks the worker for.
enum ListRequest<Cursor: Sendable>: Sendable {
    /// The first page.
    case first
    /// The last page, for `G`.
    case last
    case after(Cursor)
    case before(Cursor)
    /// The rows shown now, read again: `count` rows from `start` (nil for the listing's start).
    case refresh(start: Cursor?, count: Int)
}

/// A contiguous run of a listing, as one request returned it.
struct ListPage<Item: Sendable>: Sendable {
    var items: [Item]
    /// The index in the whole listing of `items[0]`, when the request could tell.
    var firstIndex: Int?
    var totalCount: Int?
    var reachesStart: Bool
    var reachesEnd: Bool
}

extension BrowseListing {
    /// Runs `request` against `store`: one keyset query for the page, plus counts where the
    /// position of the page is needed.
    func fetch(_ request: ListRequest<Cursor>, limit: Int, in store: any ConversationStore) throws -> ListPage<Item> {
        switch request {
        case .first:
            let items = try items(after: nil, limit: limit, in: store)
            let total = try count(in: store)
            return ListPage(items: items, firstIndex: 0, totalCount: total, reachesStart: true, reachesEnd: items.count < limit)

        case .last:
            let items = try items(before: nil, limit: limit, in: store)
            let total = try count(in: store)
            let first = max(0, total - items.count)
            return ListPage(items: items, firstIndex: first, totalCount: total, reachesStart: items.count < limit || first == 0, reachesEnd: true)

        case .after(let cursor):
            let items = try items(after: cursor, limit: limit, in: store)
            return ListPage(items: items, firstIndex: nil, totalCount: nil, reachesStart: false, reachesEnd: items.count < limit)

        case .before(let cursor):
            let items = try items(before: cursor, limit: limit, in: store)
            return ListPage(items: items, firstIndex: nil, totalCount: nil, reachesStart: items.count < limit, reachesEnd: false)

        case .refresh(let start, let count):
            // Start just after the item that precedes the window, so that rows inserted at the
            // window's top edge are included.
            let wanted = max(count, limit)
            var previous: Item?
            if let start {
                previous = try items(before: start, limit: 1, in: store).first
            }
            let items = try items(after: previous.map(Self.cursor(of:)), limit: wanted, in: store)
            let firstIndex = try previous.map { try index(of: Self.cursor(of: $0), in: store) + 1 } ?? 0
            let total = try self.count(in: store)
            return ListPage(items: items, firstIndex: firstIndex, totalCount: total, reachesStart: previous == nil, reachesEnd: items.count < wanted)
        }
    }
}
