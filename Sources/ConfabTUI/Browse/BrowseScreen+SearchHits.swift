import ConfabCore

/// A transcript opened from a search hit: what to highlight, and the results to go back to.
struct SearchTrail {
    var highlight: TranscriptHighlight
    var conversationID: Int64
    weak var results: (any SearchHitSequence)?
}

extension BrowseScreen: SearchHitPresenting {
    /// Opens the hit's conversation at its turn, with every match of `query` highlighted. Back
    /// returns to the Search screen; `n` and `N` step through the matches and then the results.
    func presentSearchHit(_ hit: SearchHit, query: SearchQuery, results: any SearchHitSequence, context: any ScreenContext) {
        self.context = context
        searchTrail = SearchTrail(highlight: TranscriptHighlight(query), conversationID: hit.conversationID, results: results)
        focus = .transcript
        open(hit)
    }

    /// Loads the hit's conversation row and turn, then opens the transcript on the thread
    /// through that turn.
    private func open(_ hit: SearchHit) {
        paneProblems[.transcript] = nil
        transcript.close()
        let conversationID = hit.conversationID
        let turnID = hit.turnID
        loader.query({ store, _ -> (ConversationRow, TurnRecord)? in
            guard let summary = try store.conversation(id: conversationID), let turn = try store.turn(id: turnID) else { return nil }
            let untitled = summary.title?.isEmpty ?? true
            let prompt = untitled ? try store.firstPrompts(conversationIDs: [conversationID])[conversationID] : nil
            return (ConversationRow(summary: summary, firstPrompt: prompt), turn)
        }, completion: { [weak self] outcome in
            guard let self, self.searchTrail?.conversationID == conversationID else { return }
            switch outcome {
            case .success(let found):
                if let (row, turn) = found {
                    self.transcript.open(row, at: turn, highlight: self.searchTrail?.highlight)
                } else {
                    self.paneProblems[.transcript] = "This turn is no longer in the store."
                }
            case .failure(let error):
                self.paneProblems[.transcript] = "Loading the transcript failed: \(BrowseScreen.describe(error))"
            case .cancelled:
                self.paneProblems[.transcript] = "Query cancelled; press Enter on the hit again"
            }
            self.pump()
        })
    }

    // MARK: n and N

    /// Moves to the next (`step` 1) or previous (-1) turn that matches the search: in memory,
    /// else further along the thread, else in the next result's conversation.
    func stepThroughMatches(step: Int) -> EventDisposition {
        guard let trail = searchTrail, isTranscriptShown else {
            context?.showStatus("No search hits here; search with / first", kind: .info)
            return .handled
        }
        guard transcript.isLoaded, !transcript.isFetching else { return .handled }

        if let index = transcript.turnIndex(from: transcript.selectedIndex, step: step, where: trail.highlight.matches) {
            transcript.selectAndShow(turnAt: index, highlight: trail.highlight)
            return .handled
        }
        let threadContinues = step > 0 ? !transcript.reachesEnd : !transcript.reachesStart
        if threadContinues {
            transcript.requestMatch(step: step, highlight: trail.highlight)
            return .handled
        }
        openAdjacentResult(step: step)
        return .handled
    }

    /// Opens the nearest result in another conversation, or reports that there is none.
    func openAdjacentResult(step: Int) {
        guard let trail = searchTrail, let results = trail.results else { return }
        if let hit = results.hit(after: trail.conversationID, step: step) {
            searchTrail?.conversationID = hit.conversationID
            open(hit)
            context?.showStatus(step > 0 ? "Next conversation with hits" : "Previous conversation with hits", kind: .info)
        } else if results.hasMoreHitsToRead && step > 0 {
            context?.showStatus("Reading more results; press n again", kind: .info)
        } else {
            context?.showStatus(step > 0 ? "No more hits after this conversation" : "No hits before this conversation", kind: .info)
        }
    }

    /// Leaves a transcript opened from a search for the Search screen, whose selection is the
    /// hit last shown.
    func returnToSearch() -> Bool {
        guard searchTrail != nil, focus == .transcript else { return false }
        context?.show(.search)
        return true
    }
}
