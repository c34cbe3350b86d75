import ConfabCore
@testable import ConfabTUI
import Testing

@Suite("Console layout")
struct ConsoleLayoutTests {
    @Test func minimumSizeShowsFullLayout() throws {
        let fixture = try ConsoleFixture(size: Size(width: 20, height: 5))
        fixture.draw()
        expectScreen(fixture.screen, [
            " confab • demo.db",
            "┌─ Browse ─────────┐",
            "│                  │",
            "└──────────────────┘",
            " / search  ? help",
        ])
        expectConsistentWidths(fixture.screen)
    }

    @Test func tinyTerminalShowsTooSmallNote() throws {
        let fixture = try ConsoleFixture(size: Size(width: 10, height: 3))
        fixture.draw()
        expectScreen(fixture.screen, [
            "Too small:",
            "10×3, need",
            "   20×5",
        ])
    }

    @Test func oneColumnShortOfMinimumIsTooSmall() throws {
        let fixture = try ConsoleFixture(size: Size(width: 19, height: 5))
        fixture.draw()
        expectScreen(fixture.screen, [
            "",
            "Terminal too small:",
            "  19×5, needs at",
            "    least 20×5",
            "",
        ])
    }

    @Test func everySizeFromZeroDrawsWithoutSpilling() throws {
        let fixture = try ConsoleFixture(size: Size(width: 1, height: 1))
        for width in 0...24 {
            for height in 0...7 {
                fixture.console.resize(to: Size(width: width, height: height))
                fixture.draw()
                #expect(fixture.screen.size == Size(width: width, height: height))
                expectConsistentWidths(fixture.screen)
            }
        }
    }

    @Test func hugeTerminalSnapshot() throws {
        let width = 300
        let height = 100
        let fixture = try ConsoleFixture(size: Size(width: width, height: height))
        fixture.draw()

        let tabs = " 1 Browse  2 Search  3 Health  4 Jobs  5 Analytics "
        var expected = [TerminalText.pad(" confab • demo.db  Browse", toWidth: width - tabs.count) + " 1 Browse  2 Search  3 Health  4 Jobs  5 Analytics"]
        expected.append("┌─ Browse " + String(repeating: "─", count: width - 11) + "┐")
        let body = [
            "",
            " The Browse screen is not built yet. It will show:",
            "",
            "   • users with their conversation count and last activity",
            "   • a user's conversations: title, model, turns, last activity",
            "   • the transcript, with roles, times, code blocks, folds and branches",
        ]
        for row in 0..<(height - 4) {
            let content = row < body.count ? body[row] : ""
            expected.append("│" + TerminalText.pad(content, toWidth: width - 2) + "│")
        }
        expected.append("└" + String(repeating: "─", count: width - 2) + "┘")
        expected.append(" / search  : command  q quit  ? help")

        expectScreen(fixture.screen, expected)
        expectConsistentWidths(fixture.screen)
    }

    @Test func headerMarksActiveTab() throws {
        let fixture = try ConsoleFixture(size: Size(width: 120, height: 10))
        fixture.press(.character("3"))
        let lines = fixture.draw()
        #expect(lines[0].hasPrefix(" confab • demo.db  Health"))
        #expect(lines[0].hasSuffix(" 1 Browse  2 Search  3 Health  4 Jobs  5 Analytics"))

        let elements = fixture.screen.elements(row: 0)
        let tabStart = 120 - " 1 Browse  2 Search  3 Health  4 Jobs  5 Analytics ".count
        let healthStart = tabStart + " 1 Browse  2 Search ".count
        #expect(elements[healthStart..<(healthStart + " 3 Health ".count)].allSatisfy { $0 == .tabActive })
        #expect(elements[tabStart..<healthStart].allSatisfy { $0 == .tab })
    }

    @Test func narrowHeaderUsesCompactTabs() throws {
        let fixture = try ConsoleFixture(size: Size(width: 50, height: 6))
        let lines = fixture.draw()
        #expect(lines[0] == " confab • demo.db  Browse               1 2 3 4 5")
    }

    @Test func breadcrumbAndBadgeFromScreen() throws {
        let recorder = RecordingScreen(id: .browse, breadcrumb: ["alice", "Refactor the parser"])
        let fixture = try ConsoleFixture(size: Size(width: 100, height: 6), screens: recorder.catalog())
        fixture.console.setBadge(HeaderBadge("● live"))
        let lines = fixture.draw()
        let left = " confab • demo.db  Browse › alice › Refactor the parser"
        let right = " ● live  1 2 3 4 5 "
        #expect(lines[0] == TerminalText.pad(left, toWidth: 100 - right.count) + " ● live  1 2 3 4 5")
        #expect(fixture.screen.elements(row: 0)[100 - right.count] == .badge)
    }

    @Test func longBreadcrumbIsCutWithEllipsis() throws {
        let recorder = RecordingScreen(id: .browse, breadcrumb: ["alice", String(repeating: "長い題名", count: 10)])
        let fixture = try ConsoleFixture(size: Size(width: 60, height: 6), screens: recorder.catalog())
        let lines = fixture.draw()
        #expect(lines[0] == " confab • demo.db  Browse › alice › 長い題名長…   1 2 3 4 5")
        expectConsistentWidths(fixture.screen)
    }

    @Test func asciiModeUsesPlainBorders() throws {
        let fixture = try ConsoleFixture(size: Size(width: 24, height: 5), charset: .ascii)
        fixture.draw()
        expectScreen(fixture.screen, [
            " confab * demo.db  B...",
            "+- Browse -------------+",
            "|                      |",
            "+----------------------+",
            " / search  ? help",
        ])
        for scalar in allScalars(of: fixture.screen) {
            #expect(scalar.isASCII, "non-ASCII U+\(String(scalar.value, radix: 16)) in ASCII mode")
        }
    }

    @Test func statusMessageSharesBottomLine() throws {
        let fixture = try ConsoleFixture(size: Size(width: 60, height: 6))
        fixture.console.showStatus("Loaded 12 users", kind: .info)
        let lines = fixture.draw()
        #expect(lines[5] == " / search  : command  q quit  ? help        Loaded 12 users")
    }

    @Test func longStatusPushesHintsAway() throws {
        let fixture = try ConsoleFixture(size: Size(width: 30, height: 6))
        fixture.console.showStatus("A message that is much longer than the line", kind: .error)
        let lines = fixture.draw()
        #expect(lines[5] == " A message that is much longe…")
        #expect(fixture.screen.elements(row: 5).allSatisfy { $0 == .statusError })
    }
}
