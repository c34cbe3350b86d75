import ConfabCore

extension SearchScreen {
    func perform(_ action: Action, context: any ScreenContext) -> EventDisposition {
        if moveSelection(for: action) {
            return .handled
        }
        switch action {
        case .open:
            openSelectedHit(context: context)
        case .toggleSearchOrder:
            toggleOrder(context: context)
        case .toggleRawQuery:
            toggleSyntax(context: context)
        case .planRetention:
            planRetention(context: context)
        case .refresh:
            startSearch()
        case .cancel:
            cancelQuery(reportingTo: context)
        case .nextMatch:
            results?.moveSelection(by: 1)
        case .previousMatch:
            results?.moveSelection(by: -1)
        default:
            return .ignored
        }
        return .handled
    }

    /// Applies a movement action to the results; returns false for other actions.
    private func moveSelection(for action: Action) -> Bool {
        guard results != nil else {
            return [.moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom].contains(action)
        }
        let page = max(1, (results?.visibleHits ?? 1) - 1)
        switch action {
        case .moveDown: results?.moveSelection(by: 1)
        case .moveUp: results?.moveSelection(by: -1)
        case .pageDown: results?.moveSelection(by: page)
        case .pageUp: results?.moveSelection(by: -page)
        case .halfPageDown: results?.moveSelection(by: max(1, page / 2))
        case .halfPageUp: results?.moveSelection(by: -max(1, page / 2))
        case .top: results?.moveToFirst()
        case .bottom: results?.moveToLast()
        default: return false
        }
        return true
    }

    private func toggleOrder(context: any ScreenContext) {
        setOrder(requestedOrder == .relevance ? .recent : .relevance)
        context.showStatus(requestedOrder == .relevance ? "Sorting by relevance" : "Sorting newest first", kind: .info)
    }

    private func toggleSyntax(context: any ScreenContext) {
        setSyntax(syntax == .plain ? .raw : .plain)
        context.showStatus(syntax == .raw ? "Raw FTS5 queries: the text is passed to SQLite's FTS5" : "Plain queries: every input is searched literally", kind: .info)
    }

    /// Hands the query to the Jobs screen, which previews the conversations it selects as a
    /// deletion and runs nothing until the user confirms there.
    private func planRetention(context: any ScreenContext) {
        let query = text.trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else {
            context.showStatus("Type a query first: its conversations are what the plan would delete.", kind: .warning)
            return
        }
        guard syntax == .plain else {
            context.showStatus("Retention selects with plain queries; switch off raw FTS5 syntax (R) first.", kind: .warning)
            return
        }
        guard let jobs = context.screen(.jobs) as? JobsScreen else {
            context.showStatus("The Jobs screen is not available in this console.", kind: .error)
            return
        }
        context.show(.jobs)
        jobs.previewAdHoc(query, context: context)
    }

    // MARK: Opening hits

    /// Opens the selected hit in Browse, at its turn, with the query's matches highlighted.
    func openSelectedHit(context: any ScreenContext) {
        guard let results, let hit = results.selectedHit, let resultsQuery else {
            context.showStatus("No hit to open", kind: .info)
            return
        }
        guard let presenter = context.screen(.browse) as? SearchHitPresenting else {
            context.showStatus("The Browse screen cannot show transcripts here", kind: .error)
            return
        }
        let query = SearchQuery.parse(resultsQuery.text, syntax: resultsQuery.syntax)
        presenter.presentSearchHit(hit, query: query, results: self, context: context)
        context.show(.browse)
    }

    // MARK: Hints

    public func hints(context: any ScreenContext) -> [KeyHint] {
        var hints: [KeyHint?] = []
        if results?.selectedHit != nil {
            hints.append(context.hint(.open, "open"))
        }
        hints += [
            context.hint(.search, "edit"),
            context.hint(.toggleSearchOrder, requestedOrder == .relevance ? "newest first" : "relevance"),
            context.hint(.toggleRawQuery, syntax == .plain ? "raw FTS5" : "plain"),
        ]
        if isSearching {
            hints.append(context.hint(.cancel, "cancel"))
        }
        return hints.compactMap { $0 }
    }
}

extension SearchScreen: SearchHitSequence {
    func hit(after conversationID: Int64, step: Int) -> SearchHit? {
        guard var results = self.results else { return nil }
        defer {
            self.results = results
            pumpPages()
        }
        let range = results.loadedRange
        var index = results.selection
        while range.contains(index + step) {
            index += step
            if let hit = results.hit(at: index), hit.conversationID != conversationID {
                results.select(index: index)
                return hit
            }
        }
        // Walk toward the unread hits so the next press finds them.
        results.select(index: index)
        return nil
    }

    var hasMoreHitsToRead: Bool {
        guard let results else { return false }
        return !results.reachesEnd || results.loadedRange.upperBound < results.knownCount || results.firstPage > 0
    }
}
