extension BrowseScreen {
    func performUsersAction(_ action: Action) -> EventDisposition {
        if moveInList(&users, action: action) {
            return .handled
        }
        switch action {
        case .open:
            openSelectedUser()
            return .handled
        default:
            // At the top level `back-or-quit` quits and `back` does nothing.
            return .ignored
        }
    }

    func performConversationsAction(_ action: Action) -> EventDisposition {
        if moveInList(&conversations, action: action) {
            return .handled
        }
        switch action {
        case .open:
            openSelectedConversation()
            return .handled
        case .back, .backOrQuit:
            goBack()
            return .handled
        default:
            return .ignored
        }
    }

    /// Applies a movement action to `list`; returns false for other actions.
    private func moveInList<Listing: BrowseListing>(_ list: inout VirtualList<Listing>, action: Action) -> Bool {
        let page = max(1, list.visibleRows - 1)
        switch action {
        case .moveDown: list.moveSelection(by: 1)
        case .moveUp: list.moveSelection(by: -1)
        case .pageDown: list.moveSelection(by: page)
        case .pageUp: list.moveSelection(by: -page)
        case .halfPageDown: list.moveSelection(by: max(1, page / 2))
        case .halfPageUp: list.moveSelection(by: -max(1, page / 2))
        case .top: list.moveToFirst()
        case .bottom: list.moveToLast()
        default: return false
        }
        return true
    }

    func performTranscriptAction(_ action: Action) -> EventDisposition {
        let page = max(1, transcript.viewport.height - 1)
        switch action {
        case .moveDown: transcript.scroll(by: 1)
        case .moveUp: transcript.scroll(by: -1)
        case .pageDown: transcript.scroll(by: page)
        case .pageUp: transcript.scroll(by: -page)
        case .halfPageDown: transcript.scroll(by: max(1, page / 2))
        case .halfPageUp: transcript.scroll(by: -max(1, page / 2))
        case .top: transcript.scrollToTop()
        case .bottom: transcript.scrollToEnd()
        case .nextTurn: transcript.selectTurn(step: 1)
        case .previousTurn: transcript.selectTurn(step: -1)
        case .open, .toggleFold:
            if !transcript.toggleFold(), action == .toggleFold {
                context?.showStatus("This turn is short enough to show whole", kind: .info)
            }
        case .toggleHiddenTurns:
            transcript.toggleHiddenTurns()
            context?.showStatus(transcript.showsHiddenTurns ? "Showing hidden, tool and reasoning turns" : "Hiding hidden, tool and reasoning turns", kind: .info)
        case .nextBranch, .previousBranch:
            switchBranch(offset: action == .nextBranch ? 1 : -1)
        case .back, .backOrQuit:
            goBack()
        default:
            return .ignored
        }
        return .handled
    }

    private func switchBranch(offset: Int) {
        guard let turn = transcript.selectedTurn else {
            context?.showStatus("Select a turn first", kind: .info)
            return
        }
        guard turn.siblingCount > 1 else {
            context?.showStatus("This turn has no other branch", kind: .info)
            return
        }
        transcript.requestBranch(offset: offset)
    }

    // MARK: Hints

    public func hints(context: any ScreenContext) -> [KeyHint] {
        var hints: [KeyHint?]
        switch focus {
        case .users:
            hints = [context.hint(.open, "open"), context.hint(.nextPane, "pane")]
        case .conversations:
            hints = [context.hint(.open, "read"), context.hint(.back, "back")]
        case .transcript:
            hints = searchTrail == nil ? [] : [context.hint(.nextMatch, "next hit"), context.hint(.back, "results")]
            hints += [
                context.hint(.toggleFold, "fold"),
                context.hint(.toggleHiddenTurns, transcript.showsHiddenTurns ? "hide tools" : "show tools"),
                context.hint(.nextBranch, "branch"),
                context.hint(.nextTurn, "next turn"),
                searchTrail == nil ? context.hint(.back, "back") : nil,
            ]
        }
        hints.append(context.hint(.pause, isPaused ? "resume" : "pause"))
        hints.append(context.hint(.search, "search"))
        return hints.compactMap { $0 }
    }
}
