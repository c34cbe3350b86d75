import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// A console showing a real `AnalyticsScreen` over a real store, without a terminal. The Search
/// screen is a `RecordingScreen`, so tests can see the queries a drill-down sends.
final class AnalyticsScreenFixture {
    let console: ConsoleFixture
    let analytics: AnalyticsScreen
    let search: RecordingScreen

    init(storePath: String, size: Size, charset: TerminalSanitizer.Options.Charset = .unicode, themeName: String? = nil) throws {
        var created: AnalyticsScreen?
        let search = RecordingScreen(id: .search)
        var catalog = ScreenCatalog.placeholders
        catalog.factories[.analytics] = { context in
            let screen = AnalyticsScreen(context: context)
            created = screen
            return screen
        }
        catalog.factories[.search] = { _ in search }
        console = try ConsoleFixture(size: size, charset: charset, themeName: themeName, screens: catalog, storePath: storePath)
        analytics = try #require(created)
        self.search = search
        console.type("5")
    }

    var screen: Screen { console.screen }

    func press(_ keys: Key...) {
        for key in keys {
            console.console.handle(.key(key))
        }
    }

    func type(_ text: String) {
        console.type(text)
    }

    /// Draws and delivers worker results until no report is loading, as the console's loop
    /// would. Fails the test after `timeout`.
    @discardableResult
    func settle(timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            console.draw()
            if !analytics.isLoading && (analytics.chart != nil || analytics.problem != nil) {
                return console.draw()
            }
            console.loop.waitForResults(timeout: .milliseconds(50))
        }
        Issue.record("the Analytics screen was still loading after \(timeout)", sourceLocation: sourceLocation)
        return console.draw()
    }

    /// Fails when a line is wider than the screen.
    func expectLinesFit(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(lines.count == screen.size.height, sourceLocation: sourceLocation)
        for line in lines {
            #expect(TerminalText.width(of: line) <= screen.size.width, "too wide: \(line)", sourceLocation: sourceLocation)
        }
    }
}
