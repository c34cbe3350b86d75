import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Health screen drawn into an in-memory screen over a real store.
@Suite struct HealthScreenTests {
    private final class Fixture {
        let directory: TemporaryDirectory
        let console: ConsoleFixture
        let health: HealthScreen

        init(size: Size, prepare: (SQLiteStore) throws -> Void = { _ in }) throws {
            directory = try TemporaryDirectory()
            let path = directory.path + "/health.db"
            let store = try SQLiteStore(path: path)
            try prepare(store)

            var created: HealthScreen?
            var catalog = ScreenCatalog.placeholders
            catalog.factories[.health] = { context in
                let screen = HealthScreen(context: context, options: HealthOptions())
                created = screen
                return screen
            }
            console = try ConsoleFixture(size: size, screens: catalog, storePath: path)
            console.type("3")
            health = try #require(created)
        }

        /// Ticks and delivers worker results until the figures arrived, then draws.
        func settle() -> [String] {
            let deadline = ContinuousClock.now + .seconds(20)
            while health.figures == nil && ContinuousClock.now < deadline {
                health.tick(context: console.console)
                _ = console.loop.waitForResults(timeout: .milliseconds(50))
                console.draw()
            }
            return console.draw()
        }
    }

    @Test func figuresOfIdleStore() throws {
        let fixture = try Fixture(size: Size(width: 120, height: 40))
        let lines = fixture.settle()

        #expect(lines[0].contains("Health"))
        #expect(lines.contains { $0.contains("Sync latency (last minute") })
        #expect(lines.contains { $0.contains("no commits by other processes in the last minute") })
        #expect(lines.contains { $0.contains("pages of 4096 B") })
        #expect(lines.contains { $0.contains("│ Tables and indexes") })
        #expect(lines.contains { $0.contains("press s to compute sizes with dbstat") })
        #expect(lines.last?.contains("s sizes") == true)
        #expect(!lines.contains { $0.contains("WAL pinned") })
    }

    @Test func narrowLayoutIsOneColumn() throws {
        let fixture = try Fixture(size: Size(width: 70, height: 60))
        let lines = fixture.settle()

        #expect(!lines.contains { $0.contains("│") })
        let latency = try #require(lines.firstIndex { $0.hasPrefix("Sync latency") })
        let sizes = try #require(lines.firstIndex { $0.hasPrefix("Tables and indexes") })
        #expect(latency < sizes)
        #expect(lines.allSatisfy { TerminalText.width(of: $0) <= 70 })
    }

    @Test func hostileSourcePathIsSanitised() throws {
        let hostile = "/tmp/\u{1B}]52;c;cGF5bG9hZA==\u{07}logs\u{1B}[2J.db"
        let fixture = try Fixture(size: Size(width: 130, height: 40)) { store in
            try store.recordFollowedSource(FollowedSource(
                path: hostile, format: "llm", lastLagSeconds: 0.004, lastError: "bad \u{1B}[31mred", heartbeatAt: Date()))
        }
        _ = fixture.settle()
        let lines = fixture.console.draw()
        let source = try #require(lines.first { $0.contains("llm ") && $0.contains("lag ") })

        #expect(!source.contains("\u{1B}"))
        #expect(!source.contains("\u{07}"))
        #expect(source.contains("4.00 ms"))
        #expect(fixture.console.screen.lines().allSatisfy { !$0.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func tinySizesDoNotCrash() throws {
        let fixture = try Fixture(size: Size(width: 120, height: 40))
        _ = fixture.settle()
        for size in [Size(width: 20, height: 6), Size(width: 1, height: 1), Size(width: 300, height: 100)] {
            fixture.console.console.resize(to: size)
            let screen = Screen(size: size, charset: .unicode)
            fixture.console.console.draw(into: screen)
            #expect(screen.lines().count == size.height)
        }
    }

    @Test func pauseSetsBadge() throws {
        let fixture = try Fixture(size: Size(width: 120, height: 40))
        _ = fixture.settle()
        fixture.console.press(.space)
        #expect(fixture.health.isPaused)
        #expect(fixture.console.draw()[0].contains("paused"))
        fixture.console.press(.space)
        #expect(!fixture.health.isPaused)
    }
}
