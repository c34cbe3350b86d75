import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// A console showing a real `BrowseScreen` over a real store, without a terminal.
///
/// Times are shown in UTC so snapshots do not depend on the machine's zone. Database work runs
/// on the screen's worker as in the console; `settle` delivers its results until nothing is left
/// to load.
final class BrowseFixture {
    let console: ConsoleFixture
    let browse: BrowseScreen

    static let utc = TimeZone(identifier: "UTC")!

    init(
        storePath: String,
        size: Size,
        charset: TerminalSanitizer.Options.Charset = .unicode,
        keys: String? = nil,
        options: BrowseOptions = BrowseOptions(timeZone: BrowseFixture.utc)
    ) throws {
        var created: BrowseScreen?
        var catalog = ScreenCatalog.placeholders
        catalog.factories[.browse] = { context in
            let screen = BrowseScreen(context: context, options: options)
            created = screen
            return screen
        }
        console = try ConsoleFixture(size: size, charset: charset, keys: keys, screens: catalog, storePath: storePath)
        browse = try #require(created)
    }

    var screen: Screen { console.screen }

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

    /// Draws and delivers worker results until the screen has no query running after a frame,
    /// as the console's loop would. Fails the test after `timeout`.
    @discardableResult
    func settle(timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            draw()
            browse.pump()
            if browse.loader.pendingQueryCount == 0 {
                return draw()
            }
            console.loop.waitForResults(timeout: .milliseconds(50))
        }
        Issue.record("the Browse screen was still loading after \(timeout)", sourceLocation: sourceLocation)
        return draw()
    }

    /// Runs one live-update tick (a change-counter poll) and settles, until `condition` holds
    /// for the screen's lines or `timeout` passes.
    @discardableResult
    func tickUntil(
        _ description: String,
        timeout: Duration = .seconds(20),
        sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: ([String]) -> Bool
    ) -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lines = settle(sourceLocation: sourceLocation)
        while clock.now < deadline {
            if condition(lines) {
                return lines
            }
            browse.tick(context: console.console)
            console.loop.waitForResults(timeout: .milliseconds(50))
            lines = settle(sourceLocation: sourceLocation)
        }
        let screenText = lines.joined(separator: "\n")
        Issue.record("timed out waiting until \(description); the screen showed:\n\(screenText)", sourceLocation: sourceLocation)
        return lines
    }

    var statusText: String? { console.console.statusText }
    var breadcrumb: [String] { browse.breadcrumb }
}
