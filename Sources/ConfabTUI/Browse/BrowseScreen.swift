import ConfabCore

/// The Browse screen: users, then a user's conversations, then a transcript.
///
/// On a wide terminal the lists sit on the left and the transcript on the right, and Tab moves
/// the focus between them. On a narrow one each pane fills the area, and Enter and Esc drill in
/// and out. Every list is virtual (see `VirtualList` and `TranscriptModel`), all database work
/// runs on one background worker, and a tick polls the store's change counter so that what
/// another process commits appears without a key press.
public final class BrowseScreen: ConsoleScreen {
    public let id = ScreenID.browse

    let options: BrowseOptions
    let timeFormat: BrowseTimeFormat
    let loader: BrowseLoader
    weak var context: (any ScreenContext)?

    var users: VirtualList<UserListing>
    var conversations: VirtualList<ConversationListing>
    let transcript: TranscriptModel

    var focus = BrowsePane.users
    /// The users-list row whose conversations are listed.
    var openedUser: UserRow?
    var isPaused = false
    /// The reason the last request of each pane failed, shown in the pane until it loads.
    var paneProblems: [BrowsePane: String] = [:]
    /// Set while the transcript shows a conversation opened from a search hit.
    var searchTrail: SearchTrail?

    private var lastChangeCounter: Int64?
    private var isPolling = false
    /// When each pane's last request failed; a tick retries it after `options.retryDelay`.
    private var failures: [BrowsePane: ContinuousClock.Instant] = [:]
    /// The main area's size at the last frame; nil before the first.
    var areaSize: Size?

    public init(context: any ScreenContext, options: BrowseOptions = BrowseOptions()) {
        self.context = context
        self.options = options
        timeFormat = BrowseTimeFormat(timeZone: options.timeZone)
        loader = BrowseLoader(storePath: context.storePath, context: context)
        users = VirtualList(listing: UserListing(), pageSize: options.pageSize, capacity: options.listCapacity)
        conversations = VirtualList(listing: ConversationListing(userID: nil), pageSize: options.pageSize, capacity: options.listCapacity)
        transcript = TranscriptModel(pageSize: options.pageSize, capacity: options.transcriptCapacity, charset: context.charset)
    }

    public var actions: [ActionDefinition] { ActionDefinition.browse }

    public var tickInterval: Duration? { options.pollInterval }

    public var breadcrumb: [String] {
        let userName = openedUser.map(BrowseScreen.name(of:))
        switch focus {
        case .users:
            return []
        case .conversations:
            return userName.map { [$0] } ?? []
        case .transcript:
            let title = transcript.conversation.map(BrowseScreen.title(of:))
            if searchTrail != nil {
                return [transcript.conversation?.summary.userName, title].compactMap { $0 }
            }
            return [userName, title].compactMap { $0 }
        }
    }

    static func name(of row: UserRow) -> String {
        switch row {
        case .everyone: "All users"
        case .user(let user): user.name
        }
    }

    /// Returns the conversation's title; for an untitled one the start of its first prompt, or
    /// `(untitled)` when it has none.
    static func title(of conversation: ConversationRow) -> String {
        if let title = conversation.summary.title, !title.isEmpty {
            return title
        }
        return conversation.firstPrompt ?? "(untitled)"
    }

    /// The layout at the last frame's size; drill-down before the first frame.
    var layout: BrowseLayout {
        BrowseLayout(size: areaSize ?? Size(width: 80, height: 24), focus: focus, sideBySideMinimumWidth: options.sideBySideMinimumWidth)
    }

    // MARK: Life cycle

    public func activate(context: any ScreenContext) {
        self.context = context
        if isPaused {
            context.setBadge(BrowseScreen.pausedBadge)
        }
        // The first poll records the counter before the first pages are read, so a commit made
        // while they load is noticed.
        pollChangeCounter()
        pump()
    }

    /// The header badge while live updates are paused.
    static let pausedBadge = HeaderBadge("paused")

    public func deactivate(context: any ScreenContext) {
        if isPaused {
            context.setBadge(nil)
        }
    }

    public func tick(context: any ScreenContext) {
        retryFailedPanes()
        followSelection()
        pump()
        pollChangeCounter()
    }

    /// Lets a pane whose request failed (a busy or locked store, a store that did not exist
    /// yet) try again, at most once per `options.retryDelay`. Cancelled requests wait for the user.
    private func retryFailedPanes() {
        let now = ContinuousClock.now
        for (pane, failedAt) in failures where now - failedAt >= options.retryDelay {
            failures[pane] = nil
            switch pane {
            case .users: users.resume()
            case .conversations: conversations.resume()
            case .transcript: transcript.resume()
            }
        }
    }

    private func pollChangeCounter() {
        guard !isPaused, !isPolling else { return }
        isPolling = true
        loader.poll({ store, _ in try store.changeCounter() }, completion: { [weak self] outcome in
            guard let self else { return }
            self.isPolling = false
            guard case .success(let counter) = outcome else { return }
            let previous = self.lastChangeCounter
            self.lastChangeCounter = counter
            if let previous, previous != counter, !self.isPaused {
                self.refreshAll()
            }
        })
    }

    /// Reads every open view again: the rows shown and the open transcript.
    func refreshAll() {
        users.requestRefresh()
        if openedUser != nil {
            conversations.requestRefresh()
        }
        transcript.requestRefresh()
        pump()
    }

    // MARK: Events

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        self.context = context
        let disposition: EventDisposition
        switch event {
        case .action(let action):
            disposition = perform(action)
        case .scroll(let lines, let position):
            disposition = scroll(lines: lines, at: position)
        case .key, .search, .command:
            disposition = .ignored
        }
        followSelection()
        pump()
        return disposition
    }

    private func perform(_ action: Action) -> EventDisposition {
        switch action {
        case .refresh:
            paneProblems = [:]
            refreshAll()
            return .handled
        case .pause:
            togglePause()
            return .handled
        case .cancel:
            cancelQueries()
            return .handled
        case .nextPane:
            cycleFocus(step: 1)
            return .handled
        case .previousPane:
            cycleFocus(step: -1)
            return .handled
        case .toggleFold, .toggleHiddenTurns, .nextBranch, .previousBranch, .nextTurn, .previousTurn:
            guard isTranscriptShown else { return .ignored }
            return performTranscriptAction(action)
        case .nextMatch, .previousMatch:
            return stepThroughMatches(step: action == .nextMatch ? 1 : -1)
        case .back, .backOrQuit:
            if returnToSearch() {
                return .handled
            }
        default:
            break
        }

        switch focus {
        case .users:
            // Moving in the lists makes the transcript follow them again.
            searchTrail = nil
            return performUsersAction(action)
        case .conversations:
            searchTrail = nil
            return performConversationsAction(action)
        case .transcript:
            return performTranscriptAction(action)
        }
    }

    var isTranscriptShown: Bool {
        focus == .transcript || (layout.mode == .sideBySide && transcript.conversation != nil)
    }

    private func togglePause() {
        isPaused.toggle()
        if isPaused {
            context?.setBadge(BrowseScreen.pausedBadge)
            context?.showStatus("Live updates paused; Space resumes", kind: .info)
        } else {
            context?.setBadge(nil)
            context?.showStatus("Live updates resumed", kind: .info)
            pollChangeCounter()
        }
    }

    private func cancelQueries() {
        let cancelled = loader.cancelQueries()
        isPolling = false
        if cancelled > 0 {
            context?.showStatus(cancelled == 1 ? "Query cancelled" : "\(cancelled) queries cancelled", kind: .warning)
        } else {
            context?.showStatus("No query is running", kind: .info)
        }
    }

    private func cycleFocus(step: Int) {
        guard layout.mode == .sideBySide else {
            // Drilling down with Tab opens what is selected, as Enter does.
            if step < 0 {
                goBack()
            } else if focus == .users {
                openSelectedUser()
            } else if focus == .conversations {
                openSelectedConversation()
            }
            return
        }
        let panes = BrowsePane.allCases
        let index = panes.firstIndex(of: focus) ?? 0
        focus = panes[(index + step + panes.count) % panes.count]
    }

    /// Leaves the focused pane for the one before it; returns false at the users list.
    @discardableResult
    func goBack() -> Bool {
        switch focus {
        case .users:
            return false
        case .conversations:
            focus = .users
        case .transcript:
            focus = .conversations
        }
        return true
    }

    private func scroll(lines: Int, at position: Point) -> EventDisposition {
        let pane = layout.pane(at: position) ?? focus
        switch pane {
        case .users:
            users.moveSelection(by: lines)
        case .conversations:
            conversations.moveSelection(by: lines)
        case .transcript:
            transcript.scroll(by: lines)
        }
        return .handled
    }

    // MARK: Keeping panes in step

    /// In the side-by-side layout the conversations follow the selected user and the
    /// transcript follows the selected conversation.
    func followSelection() {
        guard layout.mode == .sideBySide else { return }
        if let row = users.selectedItem, row != openedUser {
            if openedUser.map(UserListing.id(of:)) != UserListing.id(of: row) {
                open(row)
            } else {
                openedUser = row
            }
        }
        if searchTrail == nil, let conversation = conversations.selectedItem, conversations.listing.userID == openedUser?.userID {
            transcript.open(conversation)
        }
    }

    func open(_ row: UserRow) {
        openedUser = row
        conversations.reset(to: ConversationListing(userID: row.userID))
        paneProblems[.conversations] = nil
        transcript.close()
    }

    @discardableResult
    func openSelectedUser() -> Bool {
        guard let row = users.selectedItem else { return false }
        if openedUser.map(UserListing.id(of:)) != UserListing.id(of: row) || !conversations.isLoaded {
            open(row)
        }
        focus = .conversations
        return true
    }

    @discardableResult
    func openSelectedConversation() -> Bool {
        guard let conversation = conversations.selectedItem else { return false }
        transcript.open(conversation)
        paneProblems[.transcript] = nil
        focus = .transcript
        return true
    }

    // MARK: Running requests

    /// Starts the requests the panes need now, at most one per pane at a time.
    func pump() {
        pumpUsers()
        if openedUser != nil {
            pumpConversations()
        }
        pumpTranscript()
    }

    private func pumpUsers() {
        guard let request = users.nextRequest() else { return }
        let generation = users.generation
        let listing = users.listing
        let limit = options.pageSize
        loader.query({ store, _ in
            try listing.fetch(request, limit: limit, in: store)
        }, completion: { [weak self] outcome in
            guard let self, self.users.generation == generation else { return }
            switch outcome {
            case .success(let page):
                self.users.apply(page, for: request)
                self.paneProblems[.users] = nil
                self.failures[.users] = nil
            case .failure(let error):
                self.users.fail()
                self.report(error, loading: "users", in: .users)
            case .cancelled:
                self.users.fail()
                self.paneProblems[.users] = self.users.isLoaded ? nil : "Query cancelled; press r to load again"
            }
            self.followSelection()
            self.pump()
        })
    }

    private func pumpConversations() {
        guard let request = conversations.nextRequest() else { return }
        let generation = conversations.generation
        let listing = conversations.listing
        let limit = options.pageSize
        loader.query({ store, _ in
            try listing.fetch(request, limit: limit, in: store)
        }, completion: { [weak self] outcome in
            guard let self, self.conversations.generation == generation else { return }
            switch outcome {
            case .success(let page):
                self.conversations.apply(page, for: request)
                self.paneProblems[.conversations] = nil
                self.failures[.conversations] = nil
                if let open = self.transcript.conversation, let row = page.items.first(where: { $0.id == open.id }) {
                    self.transcript.update(row)
                }
            case .failure(let error):
                self.conversations.fail()
                self.report(error, loading: "conversations", in: .conversations)
            case .cancelled:
                self.conversations.fail()
                self.paneProblems[.conversations] = self.conversations.isLoaded ? nil : "Query cancelled; press r to load again"
            }
            self.followSelection()
            self.pump()
        })
    }

    private func pumpTranscript() {
        guard let thread = transcript.thread, let conversationID = transcript.conversation?.id,
              let request = transcript.nextRequest() else { return }
        let generation = transcript.generation
        let pageSize = options.pageSize
        loader.query({ store, _ in
            try TranscriptFetch.run(request, thread: thread, conversationID: conversationID, pageSize: pageSize, in: store)
        }, completion: { [weak self] outcome in
            guard let self, self.transcript.generation == generation else { return }
            switch outcome {
            case .success(let response):
                self.paneProblems[.transcript] = nil
                self.failures[.transcript] = nil
                let branch = self.transcript.apply(response, for: request)
                if case .switchBranch(_, _, let offset) = request {
                    self.reportBranchSwitch(branch, offset: offset)
                }
                if case .match(_, let step, _) = request, case .match(nil) = response {
                    self.openAdjacentResult(step: step)
                }
            case .failure(let error):
                self.transcript.fail()
                self.report(error, loading: "the transcript", in: .transcript)
            case .cancelled:
                self.transcript.fail()
                self.paneProblems[.transcript] = self.transcript.isLoaded ? nil : "Query cancelled; press r to load again"
            }
            self.pump()
        })
    }

    private func reportBranchSwitch(_ branch: BranchSwitch?, offset: Int) {
        guard let branch else {
            context?.showStatus(offset > 0 ? "No later branch at this turn" : "No earlier branch at this turn", kind: .info)
            return
        }
        context?.showStatus("Branch \(branch.sibling.branchIndex + 1) of \(branch.siblingCount)", kind: .info)
    }

    /// Shows why a request failed in its pane, and on the status line unless the pane already
    /// shows that reason, so retries do not repeat the message.
    private func report(_ error: any Error, loading what: String, in pane: BrowsePane) {
        let message = "Loading \(what) failed: \(BrowseScreen.describe(error))"
        failures[pane] = ContinuousClock.now
        if paneProblems[pane] != message {
            context?.showStatus(message, kind: .error)
        }
        paneProblems[pane] = message
    }

    /// Returns a short reason for a failed query: SQLite's own message without the statement.
    static func describe(_ error: any Error) -> String {
        if let sqliteError = error as? SQLiteError {
            return sqliteError.message
        }
        return String(describing: error)
    }
}
