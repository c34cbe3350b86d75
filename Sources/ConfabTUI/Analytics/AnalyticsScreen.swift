import ConfabCore

/// The Analytics screen: activity over time, users, models, tokens and generation time,
/// conversation lengths and growth, drawn as bar charts and sparklines.
///
/// Reports run on a background worker over the store's summary tables. The view key cycles the
/// views, `p` the period of the time views and `t` the time range. `:match QUERY` narrows the
/// selection with the search language. Enter on a bar opens the matching turns on the Search
/// screen. A tick polls the store's change counter and reloads after another process commits.
public final class AnalyticsScreen: ConsoleScreen {
    public let id = ScreenID.analytics

    var view = AnalyticsViewKind.activity
    var period = AnalyticsGrouping.month
    var range = AnalyticsRange.all
    /// The selection typed with `:match`, in the search language; empty for everything.
    var matchText = ""

    var result: AnalyticsResult?
    var chart: AnalyticsChart?
    /// The selection the figures shown were computed for, which differs from `queryText` while
    /// a new selection loads or after its load was cancelled.
    var resultQueryText: String?
    /// The reason the last report failed, shown until one succeeds.
    var problem: String?
    /// The selected row among `chart.allRows`, and the first row drawn.
    var selection = 0
    var scrollOffset = 0
    /// Rows of the list at the last frame, for paging.
    var visibleRowCount = 10

    private var loader: AnalyticsLoader?
    private var lastChangeCounter: Int64?
    private var isPolling = false

    public init(context: any ScreenContext) {}

    public var actions: [ActionDefinition] { ActionDefinition.analytics }

    public var tickInterval: Duration? { .seconds(1) }

    public var breadcrumb: [String] { [view.title] }

    var isLoading: Bool { loader?.isLoading ?? false }

    public func hints(context: any ScreenContext) -> [KeyHint] {
        [
            context.hint(.nextView, "view"), context.hint(.nextPeriod, "period"), context.hint(.nextRange, "range"),
            context.hint(.open, "open"), context.hint(.search, "search"),
        ].compactMap { $0 }
    }

    // MARK: Life cycle

    public func activate(context: any ScreenContext) {
        if loader == nil {
            loader = AnalyticsLoader(storePath: context.storePath, context: context)
        }
        // The worker runs jobs in order, so this poll records the counter before the report
        // reads, and a commit made while it loads is noticed by the next tick.
        lastChangeCounter = nil
        pollChangeCounter(context: context)
        reload(context: context)
    }

    public func tick(context: any ScreenContext) {
        guard let loader, !loader.isLoading else { return }
        pollChangeCounter(context: context)
    }

    private func pollChangeCounter(context: any ScreenContext) {
        guard let loader, !isPolling else { return }
        isPolling = true
        loader.poll { [weak self] outcome in
            guard let self else { return }
            self.isPolling = false
            guard case .success(let counter) = outcome else { return }
            let previous = self.lastChangeCounter
            self.lastChangeCounter = counter
            if let previous, previous != counter {
                self.reload(context: context, keepSelection: true)
            }
        }
    }

    /// The query of the current selection and time range.
    var queryText: String {
        let after = range.afterFilter(latestDay: result?.latestDay)
        return [matchText, after ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }

    func reload(context: any ScreenContext, keepSelection: Bool = false) {
        guard let loader else { return }
        let requestedText = queryText
        let request = view.request(query: SearchQuery.parse(requestedText), period: period)
        loader.load(request) { [weak self] outcome in
            guard let self else { return }
            switch outcome {
            case .success(let result):
                let rangeChanged = self.range != .all && result.latestDay != self.result?.latestDay
                self.result = result
                self.resultQueryText = requestedText
                self.problem = nil
                if rangeChanged {
                    // The range counts back from the latest activity, which was not known yet.
                    self.reload(context: context, keepSelection: keepSelection)
                    return
                }
                self.chart = AnalyticsChart.make(self.view, report: result.report, unknown: context.charset == .ascii ? "-" : "–")
                self.clampSelection(keepSelection: keepSelection)
            case .failure(let error):
                self.problem = "Loading the figures failed: " + AnalyticsScreen.describe(error)
                context.showStatus(self.problem!, kind: .error)
            case .cancelled:
                self.problem = self.chart == nil ? "Cancelled; press r to load again" : nil
            }
        }
    }

    private func clampSelection(keepSelection: Bool) {
        let count = chart?.allRows.count ?? 0
        if !keepSelection {
            // Time views start at the latest period, the others at the largest group.
            selection = view == .activity ? max(0, count - 1) : 0
            scrollOffset = 0
        }
        selection = max(0, min(selection, count - 1))
    }

    static func describe(_ error: any Error) -> String {
        if let sqliteError = error as? SQLiteError {
            return sqliteError.message
        }
        return String(describing: error)
    }

    // MARK: Events

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        switch event {
        case .action(let action):
            return perform(action, context: context)
        case .scroll(let lines, _):
            moveSelection(by: lines)
            return .handled
        case .command(let name, let arguments) where name == "match":
            matchText = arguments.joined(separator: " ")
            context.showStatus(matchText.isEmpty ? "Showing every turn" : "Selection: " + matchText, kind: .info)
            reload(context: context)
            return .handled
        case .key, .search, .command:
            return .ignored
        }
    }

    private func perform(_ action: Action, context: any ScreenContext) -> EventDisposition {
        switch action {
        case .nextView, .previousView:
            let views = AnalyticsViewKind.allCases
            let step = action == .nextView ? 1 : views.count - 1
            view = views[(view.rawValue + step) % views.count]
            chart = nil
            reload(context: context)
        case .nextPeriod:
            let periods: [AnalyticsGrouping] = [.day, .week, .month]
            period = periods[((periods.firstIndex(of: period) ?? 2) + 1) % periods.count]
            context.showStatus("Grouped by \(period.rawValue)", kind: .info)
            reload(context: context)
        case .nextRange:
            range = AnalyticsRange.allCases[(range.rawValue + 1) % AnalyticsRange.allCases.count]
            context.showStatus("Time range: \(range.title)", kind: .info)
            reload(context: context)
        case .refresh:
            reload(context: context, keepSelection: true)
        case .cancel:
            let cancelled = loader?.cancel() ?? false
            context.showStatus(cancelled ? "Query cancelled" : "No query is running", kind: cancelled ? .warning : .info)
        case .open:
            drillDown(context: context)
        case .moveDown: moveSelection(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .pageDown, .halfPageDown: moveSelection(by: max(1, action == .pageDown ? visibleRowCount : visibleRowCount / 2))
        case .pageUp, .halfPageUp: moveSelection(by: -max(1, action == .pageUp ? visibleRowCount : visibleRowCount / 2))
        case .top: selection = 0
        case .bottom: selection = max(0, (chart?.allRows.count ?? 1) - 1)
        default:
            return .ignored
        }
        return .handled
    }

    func moveSelection(by offset: Int) {
        let count = chart?.allRows.count ?? 0
        guard count > 0 else { return }
        selection = max(0, min(count - 1, selection + offset))
    }

    /// Opens the turns behind the selected bar on the Search screen: the screen's selection
    /// and range plus the bar's own filters.
    private func drillDown(context: any ScreenContext) {
        guard let rows = chart?.allRows, rows.indices.contains(selection) else { return }
        let row = rows[selection]
        guard let filter = row.drillFilter else {
            context.showStatus(row.drillProblem ?? "This row cannot be opened", kind: .warning)
            return
        }
        // Filters of one kind are alternatives, so the bar's `model:` (or `user:`, `source:`)
        // replaces the selection's own rather than widening it; the bar lies inside them.
        var selectionText = queryText
        if let name = ["model", "user", "source"].first(where: { filter.hasPrefix($0 + ":") }) {
            selectionText = AnalyticsDrillDown.removingFilters(named: name, from: selectionText)
        }
        context.openSearch([selectionText, filter].filter { !$0.isEmpty }.joined(separator: " "))
    }
}
