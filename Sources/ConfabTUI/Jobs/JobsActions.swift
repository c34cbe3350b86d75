extension Action {
    public static let planSelection = Action("plan-job")
    public static let scanFindings = Action("scan-findings")
    public static let redactFinding = Action("redact-finding")
    public static let forgetFinding = Action("forget-finding")
    public static let confirmJob = Action("confirm-job")
}

extension ActionDefinition {
    /// The Jobs screen's own actions; like every action they can be rebound in keys.conf.
    static let jobs: [ActionDefinition] = {
        let section = "Jobs"
        let scope = ActionScope.screen(.jobs)
        return [
            ActionDefinition(.planSelection, summary: "Preview the plan of the selected policy", section: section, scope: scope, keys: [.character("p")]),
            ActionDefinition(.scanFindings, summary: "Scan the store for personal data and secrets", section: section, scope: scope, keys: [.character("s")]),
            ActionDefinition(.redactFinding, summary: "Preview redacting the selected finding's conversation", section: section, scope: scope, keys: [.character("x")]),
            ActionDefinition(.forgetFinding, summary: "Preview forgetting the selected finding's user", section: section, scope: scope, keys: [.character("F")]),
            ActionDefinition(.confirmJob, summary: "Run the previewed job, or stop the running one when asked", section: section, scope: scope, keys: [.character("y")]),
        ]
    }()
}
