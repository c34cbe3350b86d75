import ConfabCore

/// The hits of one search that are in memory, with the selection and scroll position.
///
/// Pages are fetched by keyset: each page's request carries the `nextCursor` of the page before
/// it. The start cursor of every page seen is kept (a few bytes each), so a page dropped to keep
/// memory flat can be fetched again when the selection comes back to it. Indexes are
/// positions in the whole result list. It does no work itself: the screen asks `nextPageRequest`
/// what to fetch and hands the page to `apply`.
struct SearchResultPages {
    let pageSize: Int
    /// Pages kept in memory.
    let capacity: Int

    /// The start cursor of each page whose start is known; nil for the first page.
    private(set) var pageStarts: [SearchCursor?] = [nil]
    /// The number of hits of each page read so far.
    private(set) var pageCounts: [Int] = []
    /// The pages in memory, from page `firstPage` on.
    private(set) var pages: [[SearchHit]] = []
    private(set) var firstPage = 0
    /// True once the last page of the results is known.
    private(set) var reachesEnd = false

    /// Matching turns: exact, or a lower bound when `totalIsLowerBound`.
    private(set) var total = 0
    private(set) var totalIsLowerBound = false
    /// The order used, which is recency when relevance was asked for but too many turns matched.
    private(set) var order: SearchOrder = .relevance
    private(set) var notes: [String] = []

    private(set) var selection = 0
    private(set) var top = 0
    /// Hits the list showed when last drawn.
    private(set) var visibleHits = 10
    /// The page being fetched, if any.
    private(set) var fetchingPage: Int?
    /// The start of the first prompt of untitled conversations among the hits in memory.
    private(set) var firstPrompts: [Int64: String] = [:]

    init(firstPage page: SearchPage, pageSize: Int, capacity: Int) {
        self.pageSize = pageSize
        self.capacity = capacity
        total = page.total
        totalIsLowerBound = page.totalIsLowerBound
        order = page.order
        notes = page.notes
        store(page, at: 0)
    }

    // MARK: Positions

    /// Hits read so far, in memory or not: the length of the list as far as it is known.
    var knownCount: Int { pageCounts.reduce(0, +) }

    /// Returns the index of the first hit of `page`.
    func startIndex(ofPage page: Int) -> Int {
        pageCounts.prefix(page).reduce(0, +)
    }

    /// The indexes of the hits in memory.
    var loadedRange: Range<Int> {
        let start = startIndex(ofPage: firstPage)
        return start..<(start + pages.reduce(0) { $0 + $1.count })
    }

    /// Returns the hit at `index` when it is in memory.
    func hit(at index: Int) -> SearchHit? {
        guard loadedRange.contains(index) else { return nil }
        var offset = index - loadedRange.lowerBound
        for page in pages {
            if offset < page.count {
                return page[offset]
            }
            offset -= page.count
        }
        return nil
    }

    var selectedHit: SearchHit? { hit(at: selection) }

    // MARK: Moving

    /// Moves the selection by `delta` hits, within the hits in memory.
    mutating func moveSelection(by delta: Int) {
        let range = loadedRange
        guard !range.isEmpty else { return }
        selection = min(max(range.lowerBound, selection + delta), range.upperBound - 1)
        scrollSelectionIntoView()
    }

    /// Selects the first hit; it is fetched again when it was dropped.
    mutating func moveToFirst() {
        selection = 0
        top = 0
        if firstPage > 0 {
            pages = []
            firstPage = 0
        }
    }

    mutating func moveToLast() {
        moveSelection(by: knownCount)
    }

    /// Selects the hit at `index` if it is in memory; returns whether it was.
    @discardableResult
    mutating func select(index: Int) -> Bool {
        guard loadedRange.contains(index) else { return false }
        selection = index
        scrollSelectionIntoView()
        return true
    }

    mutating func setVisibleHits(_ count: Int) {
        visibleHits = max(1, count)
        scrollSelectionIntoView()
    }

    private mutating func scrollSelectionIntoView() {
        if selection < top {
            top = selection
        } else if selection >= top + visibleHits {
            top = selection - visibleHits + 1
        }
        top = max(0, top)
    }

    // MARK: Pages

    /// Returns the page to fetch next, with its start cursor, or nil when the hits in memory
    /// cover the view and a margin around it. Marks the page as being fetched; the caller passes
    /// the outcome to `apply` or `failFetch`.
    mutating func nextPageRequest() -> (page: Int, cursor: SearchCursor?)? {
        guard fetchingPage == nil else { return nil }
        let margin = max(pageSize / 2, visibleHits)
        let range = loadedRange
        let wanted: Int?
        if pages.isEmpty {
            wanted = firstPage
        } else if selection - range.lowerBound < margin && firstPage > 0 {
            wanted = firstPage - 1
        } else if range.upperBound - selection <= margin, !isLastLoadedPageFinal, pageStarts.count > firstPage + pages.count {
            wanted = firstPage + pages.count
        } else {
            wanted = nil
        }
        guard let page = wanted, pageStarts.indices.contains(page) else { return nil }
        fetchingPage = page
        return (page, pageStarts[page])
    }

    private var isLastLoadedPageFinal: Bool {
        reachesEnd && firstPage + pages.count >= pageCounts.count
    }

    /// Takes page number `index` of the results.
    mutating func apply(_ page: SearchPage, at index: Int) {
        fetchingPage = nil
        if page.total > total || (!page.totalIsLowerBound && totalIsLowerBound) {
            total = page.total
            totalIsLowerBound = page.totalIsLowerBound
        }
        store(page, at: index)
    }

    /// Records first prompts of untitled conversations, keeping only those of hits in memory.
    mutating func addFirstPrompts(_ prompts: [Int64: String]) {
        firstPrompts.merge(prompts) { _, new in new }
        let shown = Set(pages.joined().map(\.conversationID))
        firstPrompts = firstPrompts.filter { shown.contains($0.key) }
    }

    mutating func failFetch() {
        fetchingPage = nil
    }

    private mutating func store(_ page: SearchPage, at index: Int) {
        if index < pageCounts.count {
            pageCounts[index] = page.hits.count
        } else {
            pageCounts.append(page.hits.count)
        }
        if let next = page.nextCursor {
            if pageStarts.count == index + 1 {
                pageStarts.append(next)
            }
        } else {
            reachesEnd = true
            pageCounts.removeLast(pageCounts.count - index - 1)
            pageStarts.removeLast(max(0, pageStarts.count - index - 1))
        }

        if pages.isEmpty {
            firstPage = index
            pages = [page.hits]
        } else if index == firstPage + pages.count {
            pages.append(page.hits)
        } else if index == firstPage - 1 {
            pages.insert(page.hits, at: 0)
            firstPage = index
        } else {
            // A page that no longer borders the window (the selection jumped): start over there.
            firstPage = index
            pages = [page.hits]
        }
        trim()
        let range = loadedRange
        if !range.isEmpty {
            selection = min(max(range.lowerBound, selection), range.upperBound - 1)
        }
        scrollSelectionIntoView()
    }

    /// Drops the pages farthest from the selection beyond `capacity`.
    private mutating func trim() {
        while pages.count > capacity {
            let selectedPage = pageIndex(of: selection) ?? firstPage
            if selectedPage - firstPage > firstPage + pages.count - 1 - selectedPage {
                pages.removeFirst()
                firstPage += 1
            } else {
                pages.removeLast()
            }
        }
    }

    /// Returns the number of the page that contains hit `index`, among the pages read so far.
    func pageIndex(of index: Int) -> Int? {
        var start = 0
        for (page, count) in pageCounts.enumerated() {
            if index < start + count {
                return page
            }
            start += count
        }
        return nil
    }
}
