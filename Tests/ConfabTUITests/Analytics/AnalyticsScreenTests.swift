import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Analytics screen")
struct AnalyticsScreenTests {
    private func report(_ path: String, _ request: AnalyticsRequest) throws -> AnalyticsReport {
        try SQLiteStore(path: path, readOnly: true).analytics(request, cancellation: nil)
    }

    @Test func activityShowsSparklinesAndLatestPeriods() throws {
        let store = try TestStore.demo(users: 6, conversations: 80)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 100, height: 30))
        let lines = fixture.settle()
        let expected = try report(store.path, AnalyticsRequest(grouping: .month, includesPercentiles: false))
        let latest = try #require(expected.rows.last)

        fixture.expectLinesFit(lines)
        #expect(lines[0].contains("Analytics › Activity"))
        #expect(lines[1].hasPrefix("┌─ Analytics · Activity by month · all time "))
        #expect(lines[2].contains(" Activity "))
        #expect(lines[2].contains(" Growth "))
        let totals = "Selection: every turn · \(CompactNumber.grouped(expected.total.figures.turns)) turns in "
            + "\(CompactNumber.grouped(expected.total.figures.conversations)) conversations"
        #expect(lines[3].contains(totals), "\(lines[3])")
        #expect(lines.contains { $0.hasPrefix("│ turns ") && $0.contains("▁") }, "a sparkline of turns")
        #expect(lines.contains { $0.contains("Turns per month") })

        // The latest month is selected, drawn last, with the longest bar at the largest month.
        let latestLine = try #require(lines.last { $0.contains("│ \(latest.label!) ") })
        #expect(latestLine.contains(String(latest.figures.turns)) || latestLine.contains(CompactNumber.format(latest.figures.turns)))
        let row = try #require(lines.firstIndex(of: latestLine))
        #expect(fixture.screen.elements(row: row).contains(.selection))
        let largest = try #require(expected.rows.max { $0.figures.turns < $1.figures.turns })
        if let largestLine = lines.first(where: { $0.contains("│ \(largest.label!) ") }) {
            let fullBlocks = largestLine.filter { $0 == "█" }.count
            for line in lines where line.contains("█") && line != largestLine && !line.hasPrefix("│ turns") {
                #expect(line.filter { $0 == "█" }.count <= fullBlocks, "the largest month has the longest bar")
            }
        }
    }

    @Test func lengthsScrollToTheSelection() throws {
        let store = try TestStore.demo(users: 6, conversations: 80)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 80, height: 20))
        fixture.settle()
        let lengths = try report(store.path, AnalyticsRequest())
        let lastBucket = try #require(lengths.charactersPerConversation.buckets.last { $0.conversations > 0 })

        fixture.press(.backTab, .backTab)
        var lines = fixture.settle()
        #expect(lines[0].contains("Analytics › Lengths"))
        fixture.press(.character("G"))
        lines = fixture.settle()
        let label = CompactNumber.format(lastBucket.lowerBound) + "–" + CompactNumber.format(lastBucket.upperBound)
        #expect(lines.contains { $0.contains("│ \(label) ") }, "the last bucket scrolls into view: \(lines)")
    }

    @Test func viewsCycleThroughEveryFigure() throws {
        let store = try TestStore.demo(users: 6, conversations: 80)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 110, height: 32))
        fixture.settle()
        let users = try report(store.path, AnalyticsRequest(grouping: .user, top: AnalyticsViewKind.groupLimit))
        let models = try report(store.path, AnalyticsRequest(grouping: .model, top: AnalyticsViewKind.groupLimit))

        fixture.press(.tab)
        var lines = fixture.settle()
        #expect(lines[0].contains("Analytics › Users"))
        #expect(lines.contains { $0.contains(users.rows[0].label!) }, "the busiest user is listed")

        fixture.press(.tab)
        lines = fixture.settle()
        #expect(lines[0].contains("Analytics › Models"))
        #expect(lines.contains { $0.contains("regen") && $0.contains("errors") && $0.contains("hidden+tool") })
        #expect(lines.contains { $0.contains("│ \(models.rows[0].label!) ") })

        fixture.press(.tab)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("out p50") && $0.contains("gen p90 s") })
        let p50 = try #require(models.rows[0].measures?.outputTokens?.p50)
        let topLine = try #require(lines.first { $0.contains("│ \(models.rows[0].label!) ") })
        #expect(topLine.contains(CompactNumber.format(p50, decimals: 0)))

        fixture.press(.tab)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("Turns per conversation (p50 ") })
        #expect(lines.contains { $0.contains("Characters per conversation") })

        fixture.press(.tab)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("Conversations per source") })
        #expect(lines.contains { $0.hasPrefix("│ demo ") && $0.contains("80") })

        fixture.press(.backTab)
        lines = fixture.settle()
        #expect(lines[0].contains("Analytics › Lengths"))
    }

    @Test func enterOnBarSearchesItsTurns() throws {
        let store = try TestStore.demo(users: 6, conversations: 80)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 100, height: 30))
        fixture.settle()
        let models = try report(store.path, AnalyticsRequest(grouping: .model))
        fixture.type("v")
        fixture.type("v")
        fixture.settle()

        fixture.press(.enter)
        #expect(fixture.console.console.activeScreen == .search)
        #expect(fixture.search.events.last == .search("model:\"\(models.rows[0].label!)\""))

        // A period adds its dates to the screen's own selection.
        fixture.type("5")
        fixture.settle()
        for _ in 0..<4 { fixture.type("v") }
        fixture.settle()
        fixture.type(":match role:user")
        fixture.press(.enter)
        fixture.settle()
        let months = try report(store.path, AnalyticsRequest(query: SearchQuery.parse("role:user"), grouping: .month))
        let latest = try #require(months.rows.last)
        guard case .period(let period) = latest.key else {
            Issue.record("the latest row is not a period")
            return
        }
        fixture.press(.enter)
        let after = AnalyticsPeriod.dayLabel(period.startDay)
        let before = AnalyticsPeriod.dayLabel(period.endDay)
        #expect(fixture.search.events.last == .search("role:user after:\(after) before:\(before)"))
    }

    @Test func matchAndRangeNarrowTheSelection() throws {
        let store = try TestStore.demo(users: 6, conversations: 80)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 100, height: 30))
        fixture.settle()
        fixture.type(":match role:user")
        fixture.press(.enter)
        var lines = fixture.settle()
        let userTurns = try report(store.path, AnalyticsRequest(query: SearchQuery.parse("role:user"))).total.figures.turns
        #expect(lines[3].contains("Selection: role:user · \(CompactNumber.grouped(userTurns)) turns"), "\(lines[3])")

        fixture.type("t")
        lines = fixture.settle()
        #expect(lines[1].contains("· last 30 days"))
        #expect(lines[3].contains("role:user after:"), "\(lines[3])")

        fixture.type("p")
        lines = fixture.settle()
        #expect(lines[1].contains("Activity by day"))
        fixture.type(":match")
        fixture.press(.enter)
        lines = fixture.settle()
        #expect(lines[3].contains("Selection: after:"), "\(lines[3])")
    }

    @Test func asciiModeDrawsAsciiOnly() throws {
        let store = try TestStore.demo(users: 4, conversations: 40)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 90, height: 28), charset: .ascii)
        let lines = fixture.settle()
        for line in lines {
            let isASCII = line.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(isASCII, "not ASCII: \(line)")
        }
        #expect(lines.contains { $0.contains("#") && $0.hasPrefix("| 20") }, "ASCII bars")
        #expect(lines.contains { $0.hasPrefix("| turns ") && ($0.contains("_") || $0.contains(".")) }, "ASCII sparkline")
    }

    @Test(arguments: [Size(width: 12, height: 4), Size(width: 30, height: 8), Size(width: 50, height: 12), Size(width: 200, height: 60)])
    func everySizeFits(size: Size) throws {
        let store = try TestStore.demo(users: 4, conversations: 40)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: size)
        for _ in AnalyticsViewKind.allCases {
            let lines = fixture.settle()
            fixture.expectLinesFit(lines)
            fixture.type("v")
        }
    }

    @Test func hostileNamesAreSanitised() throws {
        let store = try TestStore()
        try store.add([TestStore.conversation("h1", title: "x", turns: [(.user, "hello"), (.assistant, "hi")])],
                      owner: "evil\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[31mname")
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 80, height: 20))
        fixture.settle()
        fixture.type("v")
        let lines = fixture.settle()
        #expect(lines.contains { $0.contains("evil") })
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "control character in \(line)")
        }
    }

    @Test func selectionUsesHighlightUnderMonochrome() throws {
        let store = try TestStore.demo(users: 4, conversations: 40)
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 90, height: 24), themeName: "monochrome")
        let lines = fixture.settle()
        let selected = (0..<lines.count).filter { fixture.screen.elements(row: $0).contains(.selection) }
        #expect(selected.count == 1, "one selected row")
        let theme = try ThemeCatalog.load(path: ConsoleFixture.shippedThemesDirectory + "/monochrome.theme", name: "monochrome")
        #expect(TerminalTheme(theme: theme, depth: .monochrome)[.selection].attributes.contains(.reverse))

        fixture.press(.up)
        fixture.settle()
        let moved = (0..<lines.count).filter { fixture.screen.elements(row: $0).contains(.selection) }
        #expect(moved == selected.map { $0 - 1 })
    }

    @Test func emptyStoreSaysSo() throws {
        let store = try TestStore()
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 80, height: 20))
        let lines = fixture.settle()
        #expect(lines.contains { $0.contains("No turns match this selection.") })
    }
}

@Suite("Analytics screen snapshots")
struct AnalyticsScreenSnapshotTests {
    /// Two users, three conversations in January and February 2026, one with an error turn.
    private func smallStore() throws -> TestStore {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("a1", title: "Parser", turns: [(.user, "Where do I start?"), (.assistant, "With the tokenizer.")]),
            TestStore.conversation("a2", title: "Bread", turns: [(.user, "Starter?"), (.assistant, "Feed it."), (.assistant, "Failed")],
                                   kinds: [2: .error], start: TestStore.start.addingTimeInterval(33 * 86_400)),
        ], owner: "alice")
        try store.add([
            TestStore.conversation("b1", title: "旅行", turns: [(.user, "予算は？")], start: TestStore.start.addingTimeInterval(40 * 86_400)),
        ], owner: "张磊")
        return store
    }

    @Test func activityAt60x16() throws {
        let store = try smallStore()
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 60, height: 16))
        fixture.settle()
        expectScreen(fixture.screen, [
            " confab • store.db  Analytics › Activity          1 2 3 4 5",
            "┌─ Analytics · Activity by month · all time ───────────────┐",
            "│  Activity   Users   Models   Tokens & time   Lengths   Gr│",
            "│ Selection: every turn · 6 turns in 3 conversations       │",
            "│                                                          │",
            "│ turns         ▅█                                       6 │",
            "│ conversations ▅█                                       3 │",
            "│ characters    █▆                                      62 │",
            "│ output tokens                                          – │",
            "│                                                          │",
            "│ Turns per month                                          │",
            "│                                       turns convs chars  │",
            "│ 2026-01 ██████████████▌                   2     1    36  │",
            "│ 2026-02 █████████████████████████████     4     2    26  │",
            "└──────────────────────────────────────────────────────────┘",
            " Tab view  p period  t range  Enter open  / search  ? help",
        ])
    }

    @Test func usersInAscii() throws {
        let store = try smallStore()
        let fixture = try AnalyticsScreenFixture(storePath: store.path, size: Size(width: 60, height: 10), charset: .ascii)
        fixture.settle()
        fixture.type("v")
        fixture.settle()
        expectScreen(fixture.screen, [
            " confab * store.db  Analytics > Users             1 2 3 4 5",
            "+- Analytics - Users - all time ---------------------------+",
            "|  Activity   Users   Models   Tokens & time   Lengths   Gr|",
            "| Selection: every turn - 6 turns in 3 conversations       |",
            "|                                                          |",
            "| Turns per user                                           |",
            "|                                 turns convs chars regen  |",
            "| alice #########################     5     2    58     0  |",
            "+----------------------------------------------------------+",
            " Tab view  p period  t range  Enter open  / search  ? help",
        ])
    }
}

@Suite struct AnalyticsDrillDownTextTests {
    @Test func sameKindFiltersReplaced() {
        #expect(AnalyticsDrillDown.removingFilters(named: "model", from: "model:gpt-4* docker") == "docker")
        #expect(AnalyticsDrillDown.removingFilters(named: "model", from: #"Model:"gpt 4" -model:o1 role:user"#) == "-model:o1 role:user")
        #expect(AnalyticsDrillDown.removingFilters(named: "user", from: "user:ada after:2026-06") == "after:2026-06")
        #expect(AnalyticsDrillDown.removingFilters(named: "model", from: "") == "")
    }
}
