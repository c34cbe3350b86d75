/// Makes the console's screens. A screen that is built replaces its placeholder in `standard`.
public struct ScreenCatalog {
    public typealias Factory = (any ScreenContext) -> any ConsoleScreen

    public var factories: [ScreenID: Factory]

    public init(factories: [ScreenID: Factory]) {
        self.factories = factories
    }

    /// The screens `runConsole` shows by default.
    public static var standard: ScreenCatalog {
        var catalog = placeholders
        catalog.factories[.browse] = { context in BrowseScreen(context: context) }
        catalog.factories[.search] = { context in SearchScreen(context: context) }
        catalog.factories[.health] = { context in HealthScreen(context: context) }
        catalog.factories[.jobs] = { context in JobsScreen(context: context) }
        catalog.factories[.analytics] = { context in AnalyticsScreen(context: context) }
        return catalog
    }

    /// A placeholder for every screen, for tests of the console itself.
    public static var placeholders: ScreenCatalog {
        var factories: [ScreenID: Factory] = [:]
        for id in ScreenID.allCases {
            factories[id] = { _ in PlaceholderScreen.standard(id) }
        }
        return ScreenCatalog(factories: factories)
    }

    /// Makes the screen for `id`: the catalogue's, or a placeholder when it has none.
    func makeScreen(_ id: ScreenID, context: any ScreenContext) -> any ConsoleScreen {
        factories[id]?(context) ?? PlaceholderScreen.standard(id)
    }
}
