extension Action {
    public static let toggleSearchOrder = Action("toggle-sort")
    public static let toggleRawQuery = Action("toggle-raw")
    public static let planRetention = Action("plan-retention")
}

extension ActionDefinition {
    /// The Search screen's own actions. Their keys apply only on Search and can be rebound in
    /// keys.conf like any other.
    static let search: [ActionDefinition] = {
        let section = "Search"
        let scope = ActionScope.screen(.search)
        return [
            ActionDefinition(.toggleSearchOrder, summary: "Sort hits by relevance or newest first", section: section, scope: scope, keys: [.character("s")]),
            ActionDefinition(.toggleRawQuery, summary: "Plain words or raw FTS5 syntax for the query", section: section, scope: scope, keys: [.character("R")]),
            ActionDefinition(.planRetention, summary: "Preview a retention plan that deletes what the query selects", section: section, scope: scope, keys: [.character("P")]),
        ]
    }()
}
