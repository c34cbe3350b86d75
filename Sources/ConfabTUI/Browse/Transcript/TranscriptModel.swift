import ConfabCore

/// The open conversation's transcript: the part of one thread that is in memory, how it is laid
/// out, and where the view is.
///
/// Like `VirtualList` it keeps a bounded, contiguous run of turns (by position along the thread)
/// and requests more by keyset as the view nears either end. The screen runs the requests. The
/// view's top is a turn and a line inside that turn's layout, so scrolling never needs the
/// length of turns that are not in memory.
final class TranscriptModel {
    private(set) var conversation: ConversationRow?
    private(set) var thread: TurnThread?
    private(set) var turns: [TurnRecord] = []
    private(set) var reachesStart = false
    private(set) var reachesEnd = false
    /// The number of turns on the thread, when known.
    private(set) var threadLength: Int?
    private(set) var isLoaded = false
    private(set) var isFetching = false
    /// Set after a failed or cancelled request: nothing is fetched on its own until the user acts.
    private(set) var isHeld = false
    /// Changes whenever another conversation or thread is opened, so older results can be dropped.
    private(set) var generation = 0

    /// The view's first row: line `topLine` of the layout of `turns[topTurn]`.
    private(set) var topTurn = 0
    private(set) var topLine = 0
    private(set) var selectedTurnID: Int64?
    private(set) var expandedTurnIDs: Set<Int64> = []
    /// Whether hidden, tool and reasoning turns are shown.
    private(set) var showsHiddenTurns = false
    /// The size of the area the text is drawn in, from the last frame.
    private(set) var viewport = Size(width: 80, height: 20)

    private var layouts: [Int64: TurnLayout] = [:]
    private var pendingJump: TranscriptRequest?
    private var wantsRefresh = false
    private var pendingBranchRow = 0
    /// The highlight of the search hit being opened, for placing the view when its turns arrive.
    private var openingHighlight: TranscriptHighlight?

    let pageSize: Int
    let capacity: Int
    let charset: TerminalSanitizer.Options.Charset

    init(pageSize: Int, capacity: Int, charset: TerminalSanitizer.Options.Charset) {
        self.pageSize = pageSize
        self.capacity = capacity
        self.charset = charset
    }

    // MARK: Opening

    /// Opens `conversation` on its default thread, unless it is open already.
    func open(_ conversation: ConversationRow) {
        if self.conversation?.id == conversation.id {
            self.conversation = conversation
            return
        }
        close()
        self.conversation = conversation
        thread = .defaultThread(conversationID: conversation.id)
    }

    /// Opens `conversation` on the thread through `turn` and selects that turn, with the first
    /// match of `highlight` in view, once the turns around it arrive.
    func open(_ conversation: ConversationRow, at turn: TurnRecord, highlight: TranscriptHighlight?) {
        close()
        openingHighlight = highlight
        self.conversation = conversation
        thread = turn.onDefaultThread ? .defaultThread(conversationID: conversation.id) : .through(turnID: turn.id)
        pendingJump = .around(turnID: turn.id, position: turn.position)
    }

    /// Asks for the nearest matching turn beyond those in memory, after (`step` 1) or before
    /// (-1) the turns in memory.
    func requestMatch(step: Int, highlight: TranscriptHighlight) {
        isHeld = false
        guard let edge = step > 0 ? turns.last : turns.first else { return }
        pendingJump = .match(fromPosition: edge.position, step: step, highlight: highlight)
    }

    /// Selects turn `index` and scrolls so that its header is the view's top row. A search hit
    /// passes its `highlight`, which unfolds a folded turn. The view then starts just above the
    /// first matching row when that row would be out of view below the header.
    func selectAndShow(turnAt index: Int, highlight: TranscriptHighlight? = nil) {
        guard turns.indices.contains(index) else { return }
        if lineCount(at: index) == 0 {
            showsHiddenTurns = true
        }
        let id = turns[index].id
        if highlight != nil, !expandedTurnIDs.contains(id), layout(at: index).isFoldable {
            expandedTurnIDs.insert(id)
            layouts[id] = nil
        }
        selectedTurnID = id
        topTurn = index
        topLine = 0
        if let highlight, let matchLine = firstMatchingLine(of: index, highlight: highlight), matchLine >= viewport.height - 1 {
            topLine = max(0, matchLine - 2)
        }
        normalizeTop()
    }

    /// Returns the index in turn `index`'s layout of its first row with a match.
    private func firstMatchingLine(of index: Int, highlight: TranscriptHighlight) -> Int? {
        layout(at: index).lines.firstIndex { line in
            switch line {
            case .text(let text, _), .code(let text, _):
                !highlight.ranges(in: text).isEmpty
            default:
                false
            }
        }
    }

    /// Returns the index of the nearest turn in memory after (`step` 1) or before (-1) the
    /// selected one for which `isMatch` holds.
    func turnIndex(from start: Int?, step: Int, where isMatch: (TurnRecord) -> Bool) -> Int? {
        var index = (start ?? (step > 0 ? -1 : turns.count)) + step
        while turns.indices.contains(index) {
            if isMatch(turns[index]) {
                return index
            }
            index += step
        }
        return nil
    }

    func close() {
        conversation = nil
        thread = nil
        turns = []
        layouts = [:]
        expandedTurnIDs = []
        reachesStart = false
        reachesEnd = false
        threadLength = nil
        isLoaded = false
        isFetching = false
        isHeld = false
        topTurn = 0
        topLine = 0
        selectedTurnID = nil
        pendingJump = nil
        wantsRefresh = false
        openingHighlight = nil
        generation += 1
    }

    /// Keeps the row of the open conversation current (its title, its turn count).
    func update(_ row: ConversationRow) {
        if conversation?.id == row.id {
            conversation = row
        }
    }

    func requestRefresh() {
        isHeld = false
        if isLoaded {
            wantsRefresh = true
        }
    }

    // MARK: Layout

    /// Records the size the text is drawn in; a new width lays every turn out again.
    func setViewport(_ size: Size) {
        let size = Size(width: max(1, size.width), height: max(1, size.height))
        guard size != viewport else { return }
        if size.width != viewport.width {
            layouts = [:]
        }
        viewport = size
        normalizeTop()
    }

    func isShown(_ turn: TurnRecord) -> Bool {
        showsHiddenTurns || turn.kind == .message || turn.kind == .error
    }

    func layout(at index: Int) -> TurnLayout {
        let turn = turns[index]
        let isExpanded = expandedTurnIDs.contains(turn.id)
        if let cached = layouts[turn.id], cached.width == viewport.width, cached.isExpanded == isExpanded {
            return cached
        }
        let layout = TurnLayout(turn: turn, width: viewport.width, isExpanded: isExpanded, charset: charset)
        layouts[turn.id] = layout
        return layout
    }

    func lineCount(at index: Int) -> Int {
        isShown(turns[index]) ? layout(at: index).lines.count : 0
    }

    /// Returns the rows of the view: each turn index with its line range, from the top, filling at most
    /// the viewport's height.
    func visibleSlices() -> [(turn: Int, lines: Range<Int>)] {
        var slices: [(turn: Int, lines: Range<Int>)] = []
        var rows = 0
        var index = topTurn
        var line = topLine
        while index < turns.count && rows < viewport.height {
            let count = lineCount(at: index)
            if line < count {
                let end = min(count, line + viewport.height - rows)
                slices.append((index, line..<end))
                rows += end - line
            }
            index += 1
            line = 0
        }
        return slices
    }

    // MARK: Scrolling

    func scroll(by delta: Int) {
        isHeld = false
        guard !turns.isEmpty else { return }
        if delta > 0 {
            scrollDown(delta)
        } else if delta < 0 {
            scrollUp(-delta)
        }
        normalizeTop()
        keepSelectionVisible()
    }

    private func scrollDown(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            let lines = lineCount(at: topTurn)
            if topLine + remaining < lines {
                topLine += remaining
                return
            }
            remaining -= lines - topLine
            guard let next = nextShownTurn(after: topTurn) else {
                topLine = max(0, lines - 1)
                return
            }
            topTurn = next
            topLine = 0
        }
    }

    private func scrollUp(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            if topLine >= remaining {
                topLine -= remaining
                return
            }
            remaining -= topLine
            guard let previous = previousShownTurn(before: topTurn) else {
                topLine = 0
                return
            }
            topTurn = previous
            topLine = lineCount(at: previous)
        }
    }

    func scrollToTop() {
        isHeld = false
        if reachesStart {
            topTurn = 0
            topLine = 0
            normalizeTop()
            selectedTurnID = firstShownTurn(from: 0).map { turns[$0].id }
        } else {
            pendingJump = .start
        }
    }

    func scrollToEnd() {
        isHeld = false
        if reachesEnd && isLoaded {
            moveTopToEnd()
            selectedTurnID = lastShownTurn().map { turns[$0].id } ?? selectedTurnID
        } else {
            pendingJump = .end
        }
    }

    /// True when the last line of the thread is in view: new turns then scroll into view.
    var isAtEnd: Bool {
        reachesEnd && linesFromTop(limit: viewport.height + 1) <= viewport.height
    }

    private func moveTopToEnd() {
        guard let last = lastShownTurn() else {
            topTurn = 0
            topLine = 0
            return
        }
        topTurn = last
        topLine = max(0, lineCount(at: last) - 1)
        normalizeTop()
    }

    /// Puts the top on a shown line and pulls it up when the lines below it do not fill the view.
    private func normalizeTop() {
        guard !turns.isEmpty else {
            topTurn = 0
            topLine = 0
            return
        }
        topTurn = min(max(0, topTurn), turns.count - 1)
        if lineCount(at: topTurn) == 0 {
            if let next = nextShownTurn(after: topTurn) {
                topTurn = next
                topLine = 0
            } else if let previous = previousShownTurn(before: topTurn) {
                topTurn = previous
                topLine = 0
            }
        }
        topLine = min(max(0, topLine), max(0, lineCount(at: topTurn) - 1))

        let below = linesFromTop(limit: viewport.height)
        if below < viewport.height {
            scrollUp(viewport.height - below)
        }
    }

    /// Counts the lines from the top of the view to the end of the turns in memory, stopping at `limit`.
    func linesFromTop(limit: Int) -> Int {
        guard !turns.isEmpty else { return 0 }
        var total = max(0, lineCount(at: topTurn) - topLine)
        var index = topTurn + 1
        while total < limit && index < turns.count {
            total += lineCount(at: index)
            index += 1
        }
        return total
    }

    /// Counts the lines above the top of the view among the turns in memory, stopping at `limit`.
    func linesAboveTop(limit: Int) -> Int {
        var total = topLine
        var index = topTurn - 1
        while total < limit && index >= 0 {
            total += lineCount(at: index)
            index -= 1
        }
        return total
    }

    // MARK: Selection

    var selectedIndex: Int? {
        selectedTurnID.flatMap { id in turns.firstIndex { $0.id == id } }
    }

    var selectedTurn: TurnRecord? {
        selectedIndex.map { turns[$0] }
    }

    /// Selects the next (`step` 1) or previous (-1) shown turn and scrolls its header into view.
    func selectTurn(step: Int) {
        isHeld = false
        guard let current = selectedIndex ?? firstShownTurn(from: topTurn) else { return }
        let target = step > 0 ? nextShownTurn(after: current) : previousShownTurn(before: current)
        guard let target else {
            if step > 0 {
                scroll(by: viewport.height)
            }
            return
        }
        selectedTurnID = turns[target].id
        if let row = headerRow(of: target), row >= 0, row < viewport.height {
            return
        }
        topTurn = target
        topLine = 0
        normalizeTop()
    }

    /// Returns the row of turn `index`'s header relative to the top of the view; nil when the turn is not shown.
    func headerRow(of index: Int) -> Int? {
        guard turns.indices.contains(index), lineCount(at: index) > 0 else { return nil }
        if index == topTurn {
            return -topLine
        }
        if index > topTurn {
            var row = lineCount(at: topTurn) - topLine
            for between in (topTurn + 1)..<index {
                row += lineCount(at: between)
                if row > viewport.height {
                    return row
                }
            }
            return row
        }
        var row = -topLine
        for between in stride(from: topTurn - 1, through: index, by: -1) {
            row -= lineCount(at: between)
            if row < -viewport.height - 10_000 {
                return row
            }
        }
        return row
    }

    /// Keeps the selection on a turn that has a line in view: the first one whose header shows,
    /// else the turn at the top.
    private func keepSelectionVisible() {
        let slices = visibleSlices()
        if let selected = selectedIndex, slices.contains(where: { $0.turn == selected }) {
            return
        }
        let withHeader = slices.first { $0.lines.lowerBound == 0 }
        selectedTurnID = (withHeader ?? slices.first).map { turns[$0.turn].id }
    }

    // MARK: Folds and hidden turns

    /// Folds or unfolds the selected turn; returns false when it is too short to fold.
    @discardableResult
    func toggleFold() -> Bool {
        guard let index = selectedIndex, layout(at: index).isFoldable else { return false }
        let id = turns[index].id
        if expandedTurnIDs.contains(id) {
            expandedTurnIDs.remove(id)
            if topTurn == index {
                topLine = 0
            }
        } else {
            expandedTurnIDs.insert(id)
        }
        layouts[id] = nil
        normalizeTop()
        return true
    }

    func toggleHiddenTurns() {
        showsHiddenTurns.toggle()
        normalizeTop()
        keepSelectionVisible()
    }

    // MARK: Requests

    /// Asks for another branch at the selected turn; returns false when no turn is selected.
    @discardableResult
    func requestBranch(offset: Int) -> Bool {
        guard let index = selectedIndex else { return false }
        let turn = turns[index]
        pendingBranchRow = max(0, headerRow(of: index) ?? 0)
        pendingJump = .switchBranch(turnID: turn.id, position: turn.position, offset: offset)
        return true
    }

    /// Returns the request to run next, or nil, and marks the model as fetching. The caller
    /// passes the outcome to `apply` or `fail`.
    func nextRequest() -> TranscriptRequest? {
        guard !isFetching, thread != nil else { return nil }
        let request = neededRequest()
        if request != nil {
            isFetching = true
        }
        return request
    }

    private func neededRequest() -> TranscriptRequest? {
        if let jump = pendingJump {
            pendingJump = nil
            return jump
        }
        if !isLoaded {
            return isHeld ? nil : .start
        }
        if wantsRefresh {
            wantsRefresh = false
            guard let first = turns.first else { return .start }
            return .refresh(fromPosition: first.position, count: turns.count)
        }
        guard !isHeld else { return nil }

        let height = viewport.height
        if !reachesEnd, let last = turns.last, linesFromTop(limit: 3 * height) < 3 * height {
            return .after(position: last.position)
        }
        if !reachesStart, let first = turns.first, linesAboveTop(limit: 2 * height) < 2 * height {
            return .before(position: first.position)
        }
        return nil
    }

    func fail() {
        isFetching = false
        isHeld = true
    }

    /// Lets requests run on their own again after a failure.
    func resume() {
        isHeld = false
    }

    /// Takes the worker's response to `request`. Returns the branch switched to, if any, for
    /// the status line.
    @discardableResult
    func apply(_ response: TranscriptResponse, for request: TranscriptRequest) -> BranchSwitch? {
        isFetching = false
        switch response {
        case .page(let page):
            apply(page, for: request)
            return nil
        case .match(let jump):
            guard let jump else { return nil }
            replace(with: jump.page)
            threadLength = jump.page.threadLength ?? threadLength
            if let index = turns.firstIndex(where: { $0.id == jump.turnID }) {
                selectAndShow(turnAt: index, highlight: request.matchHighlight)
            }
            return nil
        case .branch(let branch):
            guard let branch else { return nil }
            thread = branch.thread
            generation += 1
            replace(with: branch.page)
            threadLength = branch.page.threadLength ?? threadLength
            selectedTurnID = branch.sibling.id
            topTurn = turns.firstIndex { $0.id == branch.sibling.id } ?? 0
            topLine = 0
            normalizeTop()
            scrollUp(pendingBranchRow)
            normalizeTop()
            return branch
        }
    }

    private func apply(_ page: TurnPage, for request: TranscriptRequest) {
        if let length = page.threadLength {
            threadLength = length
        }
        switch request {
        case .start:
            replace(with: page)
            topTurn = 0
            topLine = 0
            normalizeTop()
            selectedTurnID = firstShownTurn(from: 0).map { turns[$0].id }

        case .end:
            replace(with: page)
            moveTopToEnd()
            selectedTurnID = lastShownTurn().map { turns[$0].id }

        case .after:
            turns += page.turns
            reachesEnd = page.reachesEnd
            trimFront()
            normalizeTop()

        case .before:
            turns.insert(contentsOf: page.turns, at: 0)
            topTurn += page.turns.count
            reachesStart = page.reachesStart ?? reachesStart
            trimBack()
            normalizeTop()

        case .refresh:
            applyRefresh(page)

        case .around(let turnID, _):
            replace(with: page)
            if let index = turns.firstIndex(where: { $0.id == turnID }) {
                selectAndShow(turnAt: index, highlight: openingHighlight)
            } else {
                topTurn = 0
                topLine = 0
                normalizeTop()
            }

        case .switchBranch, .match:
            break
        }
        if selectedIndex == nil {
            keepSelectionVisible()
        }
    }

    /// Replaces the turns with a fresh read of the same positions, keeping the view on the
    /// same position and following the end when it was in view.
    private func applyRefresh(_ page: TurnPage) {
        let wasAtEnd = isAtEnd
        let topPosition = turns.indices.contains(topTurn) ? turns[topTurn].position : nil
        let oldLine = topLine
        let previous = Dictionary(turns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let keepsStart = reachesStart
        replace(with: page)
        reachesStart = keepsStart
        for turn in turns where previous[turn.id] != turn {
            layouts[turn.id] = nil
        }

        if wasAtEnd {
            moveTopToEnd()
            if let last = lastShownTurn() {
                selectedTurnID = turns[last].id
            }
        } else {
            topTurn = topPosition.flatMap { position in turns.firstIndex { $0.position == position } } ?? 0
            topLine = oldLine
            normalizeTop()
        }
        keepSelectionVisible()
    }

    private func replace(with page: TurnPage) {
        let kept = Set(page.turns.map(\.id))
        layouts = layouts.filter { kept.contains($0.key) }
        turns = page.turns
        reachesStart = page.reachesStart ?? false
        reachesEnd = page.reachesEnd
        isLoaded = true
    }

    /// Drops turns from the front beyond `capacity`, keeping half a page above the view.
    private func trimFront() {
        let removable = min(turns.count - capacity, topTurn - pageSize / 2)
        guard removable > 0 else { return }
        for turn in turns.prefix(removable) {
            layouts[turn.id] = nil
        }
        turns.removeFirst(removable)
        topTurn -= removable
        reachesStart = false
    }

    /// Drops turns from the back beyond `capacity`, keeping half a page below the view.
    private func trimBack() {
        let lastVisible = visibleSlices().last?.turn ?? topTurn
        let removable = min(turns.count - capacity, turns.count - 1 - lastVisible - pageSize / 2)
        guard removable > 0 else { return }
        for turn in turns.suffix(removable) {
            layouts[turn.id] = nil
        }
        turns.removeLast(removable)
        reachesEnd = false
    }

    // MARK: Helpers

    private func nextShownTurn(after index: Int) -> Int? {
        var next = index + 1
        while next < turns.count {
            if lineCount(at: next) > 0 {
                return next
            }
            next += 1
        }
        return nil
    }

    private func previousShownTurn(before index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0 {
            if lineCount(at: previous) > 0 {
                return previous
            }
            previous -= 1
        }
        return nil
    }

    private func firstShownTurn(from index: Int) -> Int? {
        guard index < turns.count else { return nil }
        return lineCount(at: index) > 0 ? index : nextShownTurn(after: index)
    }

    private func lastShownTurn() -> Int? {
        previousShownTurn(before: turns.count)
    }
}
