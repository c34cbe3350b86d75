extension Action {
    public static let nextView = Action("next-view")
    public static let previousView = Action("previous-view")
    public static let nextPeriod = Action("next-period")
    public static let nextRange = Action("next-range")
}

extension ActionDefinition {
    /// The Analytics screen's own actions. Their keys apply only on Analytics and can be
    /// rebound in keys.conf like any other.
    static let analytics: [ActionDefinition] = {
        let section = "Analytics"
        let scope = ActionScope.screen(.analytics)
        return [
            ActionDefinition(.nextView, summary: "Next view: activity, users, models, tokens, lengths, growth",
                             section: section, scope: scope, keys: [.tab, .character("v")]),
            ActionDefinition(.previousView, summary: "Previous view", section: section, scope: scope, keys: [.backTab, .character("V")]),
            ActionDefinition(.nextPeriod, summary: "Group by day, week or month", section: section, scope: scope, keys: [.character("p")]),
            ActionDefinition(.nextRange, summary: "Time range: all, 30 days, 12 weeks, 12 months",
                             section: section, scope: scope, keys: [.character("t")]),
        ]
    }()
}
