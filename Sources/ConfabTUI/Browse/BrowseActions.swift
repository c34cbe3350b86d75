extension Action {
    public static let toggleFold = Action("toggle-fold")
    public static let toggleHiddenTurns = Action("toggle-hidden")
    public static let nextBranch = Action("next-branch")
    public static let previousBranch = Action("previous-branch")
    public static let nextTurn = Action("next-turn")
    public static let previousTurn = Action("previous-turn")
}

extension ActionDefinition {
    /// The Browse screen's own actions. Their keys apply only on Browse and can be rebound in
    /// keys.conf like any other.
    static let browse: [ActionDefinition] = {
        let section = "Browse"
        let scope = ActionScope.screen(.browse)
        return [
            ActionDefinition(.toggleFold, summary: "Fold or unfold the selected turn", section: section, scope: scope, keys: [.character("z")]),
            ActionDefinition(.toggleHiddenTurns, summary: "Show or hide hidden, tool and reasoning turns", section: section, scope: scope, keys: [.character(".")]),
            ActionDefinition(.nextBranch, summary: "Next branch at the selected turn", section: section, scope: scope, keys: [.character("]"), .character(">")]),
            ActionDefinition(.previousBranch, summary: "Previous branch at the selected turn", section: section, scope: scope, keys: [.character("["), .character("<")]),
            ActionDefinition(.nextTurn, summary: "Select the next turn", section: section, scope: scope, keys: [.character("}"), .character("J")]),
            ActionDefinition(.previousTurn, summary: "Select the previous turn", section: section, scope: scope, keys: [.character("{"), .character("K")]),
        ]
    }()
}
