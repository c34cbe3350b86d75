/// The top-level screens, numbered as the keys that show them.
public enum ScreenID: Int, CaseIterable, Hashable, Sendable {
    case browse = 1
    case search
    case health
    case jobs
    case analytics

    /// The lowercase name used in action names (`screen-browse`) and `:screen NAME`.
    public var name: String {
        switch self {
        case .browse: "browse"
        case .search: "search"
        case .health: "health"
        case .jobs: "jobs"
        case .analytics: "analytics"
        }
    }

    public var title: String {
        switch self {
        case .browse: "Browse"
        case .search: "Search"
        case .health: "Health"
        case .jobs: "Jobs"
        case .analytics: "Analytics"
        }
    }
}
