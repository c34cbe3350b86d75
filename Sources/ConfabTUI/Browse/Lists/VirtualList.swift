/// The part of a long listing that is in memory, with the selection and scroll position.
///
/// It keeps one contiguous run of the listing and grows it a page at a time by keyset queries as
/// the selection nears either end. Beyond `capacity` items the rows farthest from the view are
/// dropped (keeping half a page beyond the visible rows), so memory stays flat however far one
/// scrolls. It does no work itself: the screen asks
/// `nextRequest` what to fetch, runs it on the worker, and hands the page to `apply`.
struct VirtualList<Listing: BrowseListing> {
    typealias Item = Listing.Item

    private(set) var listing: Listing
    private(set) var items: [Item] = []
    /// The index in the whole listing of `items[0]`, when known.
    private(set) var firstIndex: Int?
    private(set) var totalCount: Int?
    private(set) var reachesStart = false
    private(set) var reachesEnd = false
    /// True once a first page arrived for the current listing.
    private(set) var isLoaded = false
    /// Changes whenever the items are replaced wholesale, so results of older requests are recognised.
    private(set) var generation = 0
    /// True while a request is running.
    private(set) var isFetching = false
    /// Set after a failed or cancelled request: no page is fetched on its own until the user acts.
    private(set) var isHeld = false

    /// The selected row, as an index into `items`.
    private(set) var selection = 0
    /// The first visible row, as an index into `items`.
    private(set) var top = 0
    /// Rows the list showed when last drawn.
    private(set) var visibleRows = 20

    private var pendingJump: Jump?
    private var wantsRefresh = false

    let pageSize: Int
    let capacity: Int

    private enum Jump {
        case first
        case last
    }

    init(listing: Listing, pageSize: Int, capacity: Int) {
        self.listing = listing
        self.pageSize = pageSize
        self.capacity = capacity
    }

    var selectedItem: Item? {
        items.indices.contains(selection) ? items[selection] : nil
    }

    /// The index in the whole listing of the selected row, when known.
    var selectedIndex: Int? {
        firstIndex.map { $0 + selection }
    }

    // MARK: Changing what is listed

    /// Starts over with another listing: the next request loads its first page.
    mutating func reset(to listing: Listing) {
        self.listing = listing
        items = []
        firstIndex = nil
        totalCount = nil
        reachesStart = false
        reachesEnd = false
        isLoaded = false
        isFetching = false
        isHeld = false
        selection = 0
        top = 0
        pendingJump = nil
        wantsRefresh = false
        generation += 1
    }

    /// Asks for the rows shown now to be read again, keeping the selection on the same item.
    mutating func requestRefresh() {
        isHeld = false
        if isLoaded {
            wantsRefresh = true
        }
    }

    // MARK: Moving

    /// Moves the selection by `delta` rows within the rows in memory. Pages beyond them are
    /// fetched as the selection nears either end.
    mutating func moveSelection(by delta: Int) {
        isHeld = false
        guard !items.isEmpty else { return }
        selection = min(max(0, selection + delta), items.count - 1)
        scrollSelectionIntoView()
    }

    mutating func moveToFirst() {
        isHeld = false
        if reachesStart {
            selection = 0
            scrollSelectionIntoView()
        } else {
            pendingJump = .first
        }
    }

    /// Selects the last row, with a query for the last page unless it is in memory already.
    mutating func moveToLast() {
        isHeld = false
        if reachesEnd && isLoaded {
            selection = max(0, items.count - 1)
            scrollSelectionIntoView()
        } else {
            pendingJump = .last
        }
    }

    /// Selects the row of the item with `id` if it is in memory; returns whether it was.
    @discardableResult
    mutating func select(id: ListItemID) -> Bool {
        guard let index = items.firstIndex(where: { Listing.id(of: $0) == id }) else { return false }
        selection = index
        scrollSelectionIntoView()
        return true
    }

    /// Records how many rows the list shows and keeps the selection among them.
    mutating func setVisibleRows(_ rows: Int) {
        visibleRows = max(1, rows)
        scrollSelectionIntoView()
    }

    private mutating func scrollSelectionIntoView() {
        if selection < top {
            top = selection
        } else if selection >= top + visibleRows {
            top = selection - visibleRows + 1
        }
        top = max(0, min(top, max(0, items.count - 1)))
    }

    // MARK: Requests

    /// Returns the request to run next, or nil when the rows in memory are enough, and marks the
    /// list as fetching. The caller must pass the outcome to `apply` or `fail`.
    mutating func nextRequest() -> ListRequest<Listing.Cursor>? {
        guard !isFetching else { return nil }
        let request = neededRequest()
        if request != nil {
            isFetching = true
        }
        return request
    }

    private mutating func neededRequest() -> ListRequest<Listing.Cursor>? {
        if let jump = pendingJump {
            pendingJump = nil
            return jump == .first ? .first : .last
        }
        if !isLoaded {
            return isHeld ? nil : .first
        }
        if wantsRefresh {
            wantsRefresh = false
            return .refresh(start: reachesStart ? nil : items.first.map(Listing.cursor(of:)), count: items.count)
        }
        guard !isHeld else { return nil }

        let margin = max(pageSize / 2, visibleRows)
        if !reachesEnd, let last = items.last, items.count - 1 - selection < margin || items.count - top < visibleRows + margin {
            return .after(Listing.cursor(of: last))
        }
        if !reachesStart, let first = items.first, selection < margin || top < margin {
            return .before(Listing.cursor(of: first))
        }
        return nil
    }

    /// Takes the page that `request` returned.
    mutating func apply(_ page: ListPage<Item>, for request: ListRequest<Listing.Cursor>) {
        isFetching = false
        if let total = page.totalCount {
            totalCount = total
        }

        switch request {
        case .first, .last:
            replace(with: page)
            selection = if case .last = request { max(0, items.count - 1) } else { 0 }
            top = max(0, selection - visibleRows + 1)

        case .refresh:
            let selectedID = selectedItem.map(Listing.id(of:))
            let rowOnScreen = selection - top
            let wasAtTop = top == 0 && reachesStart
            let oldSelection = selection
            replace(with: page)
            if let selectedID, let index = items.firstIndex(where: { Listing.id(of: $0) == selectedID }) {
                selection = index
            } else {
                selection = min(oldSelection, max(0, items.count - 1))
            }
            // At the top of a live list new rows push the selection down and stay in view.
            // Elsewhere the selected row keeps its place on screen.
            top = wasAtTop ? 0 : max(0, selection - rowOnScreen)
            scrollSelectionIntoView()

        case .after:
            items += page.items
            reachesEnd = page.reachesEnd
            trimFront()

        case .before:
            items.insert(contentsOf: page.items, at: 0)
            selection += page.items.count
            top += page.items.count
            firstIndex = firstIndex.map { $0 - page.items.count }
            reachesStart = page.reachesStart
            if reachesStart {
                firstIndex = 0
            }
            trimBack()
        }
    }

    /// Records that the running request failed or was cancelled.
    mutating func fail() {
        isFetching = false
        isHeld = true
    }

    /// Lets requests run on their own again after a failure.
    mutating func resume() {
        isHeld = false
    }

    private mutating func replace(with page: ListPage<Item>) {
        items = page.items
        firstIndex = page.firstIndex
        reachesStart = page.reachesStart
        reachesEnd = page.reachesEnd
        isLoaded = true
        generation += 1
    }

    /// Drops rows from the front beyond `capacity`, keeping a page above the visible rows.
    private mutating func trimFront() {
        let excess = items.count - capacity
        let removable = min(excess, top - pageSize / 2)
        guard removable > 0 else { return }
        items.removeFirst(removable)
        selection -= removable
        top -= removable
        firstIndex = firstIndex.map { $0 + removable }
        reachesStart = false
    }

    /// Drops rows from the back beyond `capacity`, keeping a page below the visible rows.
    private mutating func trimBack() {
        let excess = items.count - capacity
        let removable = min(excess, items.count - (top + visibleRows) - pageSize / 2)
        guard removable > 0 else { return }
        items.removeLast(removable)
        reachesEnd = false
    }
}
