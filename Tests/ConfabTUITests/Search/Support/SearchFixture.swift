import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// A console showing the real Search and Browse screens over a real store, without a terminal.
///
/// Times are shown in UTC so snapshots do not depend on the machine's zone. `settle` fires due
/// timers (the search debounce) and delivers worker results until neither screen has work left,
/// as the console's loop would.
final class SearchFixture {
    let console: ConsoleFixture
    let search: SearchScreen
    let browse: BrowseScreen

    init(
        storePath: String,
        size: Size,
        charset: TerminalSanitizer.Options.Charset = .unicode,
        searchHistoryPath: String? = nil,
        options: SearchOptions = SearchOptions(timeZone: BrowseFixture.utc, debounce: .milliseconds(5))
    ) throws {
        var createdSearch: SearchScreen?
        var createdBrowse: BrowseScreen?
        var catalog = ScreenCatalog.placeholders
        catalog.factories[.search] = { context in
            let screen = SearchScreen(context: context, options: options)
            createdSearch = screen
            return screen
        }
        catalog.factories[.browse] = { context in
            let screen = BrowseScreen(context: context, options: BrowseOptions(timeZone: BrowseFixture.utc))
            createdBrowse = screen
            return screen
        }
        console = try ConsoleFixture(size: size, charset: charset, screens: catalog, storePath: storePath, searchHistoryPath: searchHistoryPath)
        search = try #require(createdSearch)
        browse = try #require(createdBrowse)
    }

    var screen: Screen { console.screen }
    var statusText: String? { console.console.statusText }
    var activeScreen: ScreenID { console.console.activeScreen }

    @discardableResult
    func draw() -> [String] {
        console.draw()
    }

    func press(_ keys: Key...) {
        for key in keys {
            console.console.handle(.key(key))
        }
    }

    func type(_ text: String) {
        console.type(text)
    }

    func resize(to size: Size) {
        console.console.resize(to: size)
    }

    /// Opens the search line and types `query` into it, without submitting.
    func typeQuery(_ query: String) {
        press(.character("/"))
        type(query)
    }

    /// Draws, fires due timers and delivers worker results until neither screen is working.
    /// Fails the test after `timeout`.
    @discardableResult
    func settle(timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            draw()
            console.loop.timers.fireDueTimers()
            search.pumpPages()
            browse.pump()
            if !search.isSearching && browse.loader.pendingQueryCount == 0 {
                return draw()
            }
            console.loop.waitForResults(timeout: .milliseconds(20))
        }
        Issue.record("the screens were still working after \(timeout)", sourceLocation: sourceLocation)
        return draw()
    }

    /// Returns the cells of row `row` drawn in the `match` style, as text.
    func matchedText(row: Int) -> String {
        var text = ""
        var previousWasMatch = false
        for column in 0..<screen.size.width {
            let cell = screen[column, row]
            let isMatch = cell.style.element == .match
            if isMatch {
                if !previousWasMatch && !text.isEmpty {
                    text += "|"
                }
                text += cell.content
            }
            previousWasMatch = isMatch
        }
        return text
    }
}
