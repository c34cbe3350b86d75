import ConfabCore

/// The Search screen: full-text search over every turn, as the user types.
///
/// The `/` line reports each edit here (`searchLineChanged`), and the query runs on the screen's
/// own worker and read-only connection, never on the UI thread. The next edit cancels it through
/// its `SearchCancellation`, which a SQLite progress handler polls every thousand instructions,
/// so a new query does not wait behind an old one. Results stay on screen until the next
/// query's results replace them.
/// Enter opens the selected hit in Browse at its turn, with every match highlighted.
public final class SearchScreen: ConsoleScreen {
    public let id = ScreenID.search

    let options: SearchOptions
    let timeFormat: BrowseTimeFormat
    let worker: Worker<SQLiteStore>
    weak var context: (any ScreenContext)?

    /// The query as typed on the line or last submitted.
    private(set) var text = ""
    private(set) var syntax = SearchSyntax.plain
    private(set) var requestedOrder = SearchOrder.relevance
    /// The results shown, and the query text and syntax they belong to.
    var results: SearchResultPages?
    private(set) var resultsQuery: (text: String, syntax: SearchSyntax)?
    /// The reason the last query failed (an invalid raw FTS5 query, an unreadable store), shown
    /// in the pane.
    private(set) var problem: String?
    /// The query text whose search Ctrl-C cancelled, until the next search starts.
    private(set) var cancelledText: String?

    /// Bumped for every new query; results of older ones are dropped.
    private(set) var generation = 0
    private(set) var running: [RunningSearch] = []
    private var debounceTimer: TimerToken?
    /// When the search line last changed.
    private var lastEdit: ContinuousClock.Instant?
    /// The last query started, so that an unchanged query is not run again.
    private var startedQuery: (text: String, syntax: SearchSyntax, order: SearchOrder)?

    struct RunningSearch {
        var ticket: WorkTicket
        var cancellation: SearchCancellation
        var generation: Int
        var page: Int
        /// True for the first page of a new query, which replaces the results shown.
        var isNewQuery: Bool
    }

    public init(context: any ScreenContext, options: SearchOptions = SearchOptions()) {
        self.context = context
        self.options = options
        timeFormat = BrowseTimeFormat(timeZone: options.timeZone)
        let storePath = context.storePath
        // Read-only: opening a path that does not exist fails instead of creating a store there.
        worker = context.makeWorker(label: "search") {
            try SQLiteStore(path: storePath, readOnly: true)
        }
    }

    public var actions: [ActionDefinition] { ActionDefinition.search }

    public var breadcrumb: [String] {
        resultsQuery.map { [$0.text] } ?? []
    }

    public var searchLineText: String? { text }

    /// True while a query or a page is being fetched.
    public var isSearching: Bool { !running.isEmpty || debounceTimer != nil }

    // MARK: Typing

    public func searchLineChanged(_ change: SearchLineChange, context: any ScreenContext) -> EventDisposition {
        self.context = context
        switch change {
        case .edited(let newText):
            text = newText
            cancelRunning()
            // The first key after a pause runs at once, once the rest of its input batch (a
            // paste) is handled. Keys in quick succession wait for the debounce.
            let now = ContinuousClock.now
            let isAfterPause = lastEdit.map { now - $0 >= options.debounce } ?? true
            lastEdit = now
            scheduleSearch(after: isAfterPause ? .zero : options.debounce)
            return .handled
        case .dismissed:
            return .handled
        case .interrupted:
            cancelQuery(reportingTo: context)
            return .handled
        }
    }

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        self.context = context
        switch event {
        case .search(let query):
            text = query
            cancelDebounce()
            startSearchIfChanged()
            return .handled
        case .action(let action):
            let disposition = perform(action, context: context)
            pumpPages()
            return disposition
        case .scroll(let lines, _):
            results?.moveSelection(by: lines)
            pumpPages()
            return .handled
        case .key, .command:
            return .ignored
        }
    }

    public func activate(context: any ScreenContext) {
        self.context = context
        pumpPages()
    }

    // MARK: Running queries

    private func scheduleSearch(after delay: Duration) {
        cancelDebounce()
        guard let context else { return }
        debounceTimer = context.schedule(after: delay, repeating: nil) { [weak self] in
            guard let self else { return }
            self.debounceTimer = nil
            self.startSearchIfChanged()
        }
    }

    private func cancelDebounce() {
        if let debounceTimer {
            context?.cancelTimer(debounceTimer)
        }
        debounceTimer = nil
    }

    /// Starts the query typed unless the results shown, or the query running, are for it.
    private func startSearchIfChanged() {
        if let started = startedQuery, started.text == text, started.syntax == syntax, started.order == requestedOrder,
           running.contains(where: \.isNewQuery) || (resultsQuery?.text == text && resultsQuery?.syntax == syntax) {
            return
        }
        startSearch()
    }

    /// Cancels whatever runs and starts the current query from its first page.
    func startSearch() {
        cancelRunning()
        cancelDebounce()
        cancelledText = nil
        generation += 1
        startedQuery = (text, syntax, requestedOrder)

        let query = SearchQuery.parse(text, syntax: syntax)
        if query.isEmpty {
            results = nil
            resultsQuery = nil
            problem = nil
            return
        }
        submit(page: 0, cursor: nil, query: query, isNewQuery: true)
    }

    private func submit(page: Int, cursor: SearchCursor?, query: SearchQuery, isNewQuery: Bool) {
        let request = SearchRequest(
            query: query, order: requestedOrder, limit: options.pageSize, cursor: cursor, snippetLength: options.snippetLength)
        let cancellation = SearchCancellation()
        let generation = generation
        let queryText = (text: text, syntax: syntax)
        let ticket = worker.submit({ store, job in
            job.onCancel { cancellation.cancel() }
            let page = try store.search(request, cancellation: cancellation)
            // Untitled conversations are listed by the start of their first prompt, as in Browse.
            let untitled = Set(page.hits.filter { $0.conversationTitle?.isEmpty ?? true }.map(\.conversationID))
            let prompts = untitled.isEmpty ? [:] : try store.firstPrompts(conversationIDs: Array(untitled))
            return FetchedPage(page: page, firstPrompts: prompts)
        }, completion: { [weak self] outcome in
            self?.receive(outcome, page: page, isNewQuery: isNewQuery, generation: generation, queryText: queryText)
        })
        running.append(RunningSearch(ticket: ticket, cancellation: cancellation, generation: generation, page: page, isNewQuery: isNewQuery))
    }

    /// A page of hits with the first prompts of its untitled conversations.
    struct FetchedPage: Sendable {
        var page: SearchPage
        var firstPrompts: [Int64: String]
    }

    private func receive(_ outcome: WorkOutcome<FetchedPage>, page: Int, isNewQuery: Bool, generation: Int, queryText: (text: String, syntax: SearchSyntax)) {
        running.removeAll { $0.generation == generation && $0.page == page }
        guard generation == self.generation else { return }

        switch outcome {
        case .success(let fetched):
            let searchPage = fetched.page
            problem = nil
            if isNewQuery {
                results = SearchResultPages(firstPage: searchPage, pageSize: options.pageSize, capacity: options.pageCapacity)
                results?.addFirstPrompts(fetched.firstPrompts)
                resultsQuery = queryText
            } else {
                results?.apply(searchPage, at: page)
                results?.addFirstPrompts(fetched.firstPrompts)
            }
            pumpPages()
        case .failure(let error):
            results?.failFetch()
            if isNewQuery {
                results = nil
                resultsQuery = queryText
            }
            problem = SearchScreen.describe(error)
        case .cancelled:
            results?.failFetch()
        }
    }

    /// Fetches the page of hits the selection needs next, if any.
    func pumpPages() {
        guard running.isEmpty, let resultsQuery, var pages = results, let request = pages.nextPageRequest() else { return }
        results = pages
        submit(page: request.page, cursor: request.cursor, query: SearchQuery.parse(resultsQuery.text, syntax: resultsQuery.syntax), isNewQuery: false)
    }

    private func cancelRunning() {
        for search in running {
            search.cancellation.cancel()
            search.ticket.cancel()
        }
        running = []
        results?.failFetch()
    }

    /// Stops the query in flight (Ctrl-C) and reports it on the status line.
    func cancelQuery(reportingTo context: any ScreenContext) {
        let wasRunning = !running.isEmpty || debounceTimer != nil
        cancelRunning()
        cancelDebounce()
        // A later Enter or edit runs the same text again.
        startedQuery = nil
        if wasRunning {
            generation += 1
            cancelledText = text
            context.showStatus("Search cancelled", kind: .warning)
        } else {
            context.showStatus("No search is running", kind: .info)
        }
    }

    /// Switches relevance and recency and runs the query again.
    func setOrder(_ order: SearchOrder) {
        requestedOrder = order
        if !text.isEmpty {
            startSearch()
        }
    }

    /// Switches between plain and raw FTS5 reading and runs the query again.
    func setSyntax(_ newSyntax: SearchSyntax) {
        syntax = newSyntax
        if !text.isEmpty {
            startSearch()
        }
    }

    /// Returns a short reason for a failed search, without SQL.
    static func describe(_ error: any Error) -> String {
        if let searchError = error as? SearchError {
            if case .invalidRawQuery(let reason) = searchError {
                return "Invalid FTS5 query: \(reason)"
            }
            return "Search failed: \(searchError.description)"
        }
        if let sqliteError = error as? SQLiteError {
            return "Search failed: \(sqliteError.message)"
        }
        return "Search failed: \(error)"
    }
}
