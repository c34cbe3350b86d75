extension Action {
    public static let computeSizes = Action("compute-sizes")
    public static let checkIntegrity = Action("check-integrity")
    public static let mergeFullText = Action("merge-full-text")
    public static let optimizeFullText = Action("optimize-full-text")
    public static let analyze = Action("analyze")
    public static let checkpoint = Action("checkpoint")
}

extension ActionDefinition {
    /// The Health screen's own actions. Their keys apply only on Health and can be rebound in
    /// keys.conf like any other.
    static let health: [ActionDefinition] = {
        let section = "Health"
        let scope = ActionScope.screen(.health)
        return [
            ActionDefinition(.computeSizes, summary: "Compute table, index and full-text sizes (reads the whole store)",
                             section: section, scope: scope, keys: [.character("s")]),
            ActionDefinition(.checkIntegrity, summary: "Run quick_check and the FTS5 integrity-checks", section: section, scope: scope,
                             keys: [.character("i")]),
            ActionDefinition(.mergeFullText, summary: "Merge some full-text index segments", section: section, scope: scope,
                             keys: [.character("m")]),
            ActionDefinition(.optimizeFullText, summary: "Optimize every full-text index into one segment", section: section,
                             scope: scope, keys: [.character("o")]),
            ActionDefinition(.analyze, summary: "Run ANALYZE to refresh the planner statistics", section: section, scope: scope,
                             keys: [.character("a")]),
            ActionDefinition(.checkpoint, summary: "Checkpoint the WAL (passive)", section: section, scope: scope, keys: [.character("c")]),
        ]
    }()
}
