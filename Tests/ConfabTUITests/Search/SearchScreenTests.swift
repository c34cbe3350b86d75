@testable import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Search screen")
struct SearchScreenTests {
    /// Three users: alice's Docker conversation (three matching turns of four), bob's Japanese
    /// one with an emoji in the title, carol's without the word.
    static func store() throws -> TestStore {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("compose", title: "Docker compose setup", turns: [
                (.user, "How do I start docker compose?"),
                (.assistant, "Run docker compose up in the folder with the file."),
                (.user, "thanks"),
                (.assistant, "You are welcome. Docker keeps running in the background."),
            ]),
        ], owner: "alice")
        try store.add([
            TestStore.conversation("whale", title: "日本語の質問 🐳", turns: [
                (.user, "東京で docker を使う方法は？"),
                (.assistant, "まず docker をインストールします。"),
            ], start: TestStore.start.addingTimeInterval(86_400)),
        ], owner: "bob")
        try store.add([
            TestStore.conversation("other", title: "Unrelated", turns: [(.user, "nothing to see here")],
                                   start: TestStore.start.addingTimeInterval(2 * 86_400)),
        ], owner: "carol")
        return store
    }

    // MARK: Results

    @Test func typingShowsResultsOnScreenTwo() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.settle()
        fixture.typeQuery("docker")
        #expect(fixture.activeScreen == .search, "the first edit shows the Search screen")
        fixture.settle()

        expectScreen(fixture.screen, [
            " confab • store.db  Search › docker                                   1 2 3 4 5",
            "┌─ Search ─────────────────────────────────────────────────────────────────────┐",
            "│ 5 turns match \"docker\" · best match first                        [relevance] │",
            "│ Docker compose setup                         alice · user · 2026-01-01 00:00 │",
            "│   How do I start docker compose?                                             │",
            "│ Docker compose setup                    alice · assistant · 2026-01-01 00:03 │",
            "│   You are welcome. Docker keeps running in the background.                   │",
            "│ Docker compose setup                    alice · assistant · 2026-01-01 00:01 │",
            "│   Run docker compose up in the folder with the file.                         │",
            "│ 日本語の質問 🐳                           bob · assistant · 2026-01-02 00:01 │",
            "│   まず docker をインストールします。                                         │",
            "│                                                                              │",
            "└───────────────────────────────────────────────────────────────────── 1 of 5 ─┘",
            "/docker",
        ])
        #expect(fixture.matchedText(row: 4) == "docker")
        #expect(fixture.matchedText(row: 6) == "Docker")
        #expect(fixture.matchedText(row: 10) == "docker")
        #expect(fixture.screen[1, 3].style.element == .selection, "the first hit is selected")
        expectConsistentWidths(fixture.screen)
    }

    @Test func totalAndOrderFollowTheCore() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 100, height: 20))
        fixture.typeQuery("nosuchword")
        let lines = fixture.settle()
        #expect(lines[2].contains("No turns match \"nosuchword\""), "\(lines[2])")

        fixture.press(.control("u"))
        fixture.type("docker")
        fixture.press(.enter)
        fixture.settle()
        fixture.press(.character("s"))
        let sorted = fixture.settle()
        #expect(sorted[2].contains("5 turns match \"docker\" · newest first"), "\(sorted[2])")
        #expect(sorted[2].contains("[newest first]"))
        #expect(sorted[3].contains("Unrelated") == false)
        #expect(sorted[3].contains("日本語の質問"), "bob's conversation is the newest with hits: \(sorted[3])")
    }

    @Test func lowerBoundTotalShowsPlus() throws {
        let store = try TestStore()
        let turns = (0..<300).map { index in (Role.user, "a trade-off number \(index)") }
        try store.add([TestStore.conversation("many", title: "Many", turns: turns)], owner: "dana")
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 100, height: 20))
        fixture.typeQuery("trade-off")
        let lines = fixture.settle()
        let pages = try #require(fixture.search.results)
        #expect(pages.totalIsLowerBound, "checking hyphenated words in Swift stops at a budget")
        let total = ListTable.formatCount(pages.total)
        #expect(lines[2].contains("\(total)+ turns match \"trade-off\""), "\(lines[2])")
        #expect(lines[18].contains("1 of \(total)+"), "\(lines[18])")
    }

    @Test func untitledHitShowsFirstPrompt() throws {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("untitled", title: nil, turns: [(.user, "Where does the whale live?"), (.assistant, "A whale lives in the sea.")]),
        ], owner: "frank")
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 12))
        fixture.typeQuery("sea")
        let lines = fixture.settle()
        #expect(lines[3].hasPrefix("│ Where does the whale live?"), "\(lines[3])")
        #expect(fixture.screen[2, 3].style.element == .selection, "the selected row is drawn in the selection style")
        fixture.press(.enter, .character("k"))
        fixture.typeQuery("")
        fixture.press(.home, .control("k"))
        fixture.type("whale -live")
        let second = fixture.settle()
        #expect(second[3].contains("Where does the whale live?"), "\(second[3])")
        #expect(second[4].contains("A whale lives in the sea."), "\(second[4])")
    }

    // MARK: Paging

    @Test func pagingKeepsFewPagesInMemory() throws {
        let store = try TestStore()
        let turns = (0..<95).map { index in (Role.user, "needle number \(index)") }
        try store.add([TestStore.conversation("hay", title: "Haystack", turns: turns)], owner: "erin")
        let options = SearchOptions(timeZone: BrowseFixture.utc, debounce: .milliseconds(5), pageSize: 10, pageCapacity: 3)
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 100, height: 24), options: options)
        fixture.typeQuery("needle")
        fixture.press(.enter)
        fixture.settle()

        for _ in 0..<60 {
            fixture.press(.pageDown)
            fixture.settle()
            let pages = try #require(fixture.search.results)
            #expect(pages.pages.count <= 3, "at most pageCapacity pages stay in memory")
        }
        let end = fixture.settle()
        #expect(end[22].contains("95 of 95"), "\(end[22])")
        #expect(end.contains { $0.contains("needle number 0") }, "recency: the first turn is the last hit")

        fixture.press(.character("g"))
        let top = fixture.settle()
        #expect(top[22].contains("1 of 95"), "\(top[22])")
        #expect(top[4].contains("needle number 94"), "\(top[4])")
    }

    // MARK: Typing and cancelling

    @Test func eachKeystrokeCancelsTheQueryInFlight() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.typeQuery("dock")
        fixture.search.startSearch()
        let first = try #require(fixture.search.running.first)
        fixture.type("e")
        #expect(first.cancellation.isCancelled, "the next keystroke cancels the running query")
        #expect(first.ticket.isCancelled)
        #expect(fixture.search.running.isEmpty, "the new query waits for the debounce")

        fixture.type("r")
        let lines = fixture.settle()
        #expect(lines[2].contains("5 turns match \"docker\""), "\(lines[2])")
    }

    @Test func controlCCancelsQueryInFlight() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.typeQuery("docker")
        fixture.press(.enter)
        fixture.search.startSearch()
        let running = try #require(fixture.search.running.first)
        fixture.press(.control("c"))
        #expect(running.cancellation.isCancelled)
        #expect(fixture.statusText == "Search cancelled")
        let lines = fixture.settle()
        #expect(lines[2].contains("Search for \"docker\" cancelled"), "\(lines[2])")

        fixture.press(.control("c"))
        #expect(fixture.statusText == "No search is running")
    }

    @Test func controlCOnTheLineStopsTheSearch() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.typeQuery("docker")
        #expect(fixture.search.isSearching)
        fixture.press(.control("c"))
        #expect(!fixture.search.isSearching)
        #expect(fixture.statusText == "Search cancelled")
    }

    @Test func rawToggleReportsInvalidQueryBriefly() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.press(.character("2"), .character("R"))
        fixture.typeQuery("\"docker")
        let lines = fixture.settle()
        #expect(lines[2].contains("[relevance · raw FTS5]"), "\(lines[2])")
        #expect(lines[3].contains("Invalid FTS5 query: a double quote is not closed"), "\(lines[3])")
        #expect(!lines.joined().contains("SELECT"), "no SQL reaches the screen")

        fixture.press(.control("u"))
        fixture.type("dock* NOT compose")
        let valid = fixture.settle()
        #expect(valid[2].contains("turns match \"dock* NOT compose\""), "\(valid[2])")
        #expect(!valid.joined().contains("Invalid"))
    }

    // MARK: History

    @Test func historyPersistsAndRecallsWithUp() throws {
        let store = try SearchScreenTests.store()
        let directory = try TemporaryDirectory()
        let historyPath = directory.path + "/state/confab/search-history"
        do {
            let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14), searchHistoryPath: historyPath)
            for query in ["first query", "docker"] {
                fixture.press(.character("/"))
                fixture.press(.home, .control("k"))
                fixture.type(query)
                fixture.press(.enter)
                fixture.settle()
            }
        }
        let saved = try String(contentsOfFile: historyPath, encoding: .utf8)
        #expect(saved == "first query\ndocker\n")

        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14), searchHistoryPath: historyPath)
        fixture.press(.character("/"), .up)
        #expect(fixture.draw()[13].hasPrefix("/docker"))
        fixture.press(.up)
        #expect(fixture.draw()[13].hasPrefix("/first query"))
        let lines = fixture.settle()
        #expect(lines[2].contains("No turns match \"first query\""), "recalling a query runs it: \(lines[2])")
    }

    @Test func historyIsBounded() throws {
        let directory = try TemporaryDirectory()
        let file = SearchHistoryFile(path: directory.path + "/history")
        try file.save((0..<150).map { "query \($0)" })
        let loaded = try file.load()
        #expect(loaded.count == SearchHistoryFile.maximumEntries)
        #expect(loaded.first == "query 50")
        #expect(loaded.last == "query 149")
    }

    @Test func slashOnSearchEditsTheCurrentQuery() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.typeQuery("docker")
        fixture.press(.enter)
        fixture.settle()
        fixture.press(.character("/"))
        #expect(fixture.draw()[13] == "/docker", "the line starts with the current query")
        #expect(fixture.screen[7, 13].style.element == .cursor, "the cursor is after it")
        fixture.press(.escape)
        #expect(fixture.activeScreen == .search)
    }

    // MARK: Opening hits

    @Test func enterOpensTranscriptAtHitWithHighlights() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 24))
        fixture.typeQuery("docker")
        fixture.press(.enter, .character("s"))
        fixture.settle()
        fixture.press(.down, .down, .down)
        fixture.press(.enter)
        #expect(fixture.activeScreen == .browse)
        let lines = fixture.settle()

        #expect(lines[0].contains("Browse › alice › Docker compose setup"), "\(lines[0])")
        // The whole conversation fits, so the view starts at its first turn.
        let hitRow = try #require(lines.firstIndex { $0.contains("Run docker compose up") })
        #expect(fixture.matchedText(row: hitRow) == "docker")
        let otherRow = try #require(lines.firstIndex { $0.contains("How do I start docker compose?") })
        #expect(fixture.matchedText(row: otherRow) == "docker", "every match is highlighted, not only the hit's")
        #expect(fixture.screen[1, hitRow - 1].style.element == .selection, "the hit's header is selected")
        #expect(fixture.browse.transcript.selectedTurn?.text.hasPrefix("Run docker") == true)

        fixture.press(.character("n"))
        fixture.settle()
        #expect(fixture.browse.transcript.selectedTurn?.text.hasPrefix("You are welcome. Docker") == true, "n skips the turn without a match")
        fixture.press(.character("N"), .character("N"))
        fixture.settle()
        #expect(fixture.browse.transcript.selectedTurn?.text == "How do I start docker compose?")

        fixture.press(.character("N"))
        let previous = fixture.settle()
        #expect(previous[0].contains("bob › 日本語の質問"), "N before the first match goes to the previous result's conversation: \(previous[0])")
        #expect(fixture.browse.transcript.selectedTurn?.text == "東京で docker を使う方法は？")

        fixture.press(.escape)
        #expect(fixture.activeScreen == .search)
        let results = fixture.settle()
        #expect(results[results.count - 2].contains("2 of 5"), "the selection follows the conversation shown: \(results[results.count - 2])")
    }

    @Test func nextMatchCrossesToNextConversation() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 24))
        fixture.typeQuery("docker")
        fixture.press(.enter, .character("s"))
        fixture.settle()
        fixture.press(.enter)
        let first = fixture.settle()
        #expect(first[0].contains("bob › 日本語の質問"), "\(first[0])")
        #expect(fixture.browse.transcript.selectedTurn?.text == "まず docker をインストールします。")
        #expect(fixture.matchedText(row: 3) == "docker")

        fixture.press(.character("n"))
        let next = fixture.settle()
        #expect(next[0].contains("alice › Docker compose setup"), "\(next[0])")
        #expect(fixture.browse.transcript.selectedTurn?.text.hasPrefix("You are welcome. Docker") == true)
        #expect(fixture.statusText == "Next conversation with hits")
        #expect(next.joined().contains("n next hit"), "the hints offer n")
    }

    @Test func hitInLongTurnIsUnfoldedAndInView() throws {
        let store = try TestStore()
        let long = (1...60).map { "filler line \($0)" }.joined(separator: "\n") + "\nthe needle is here"
        try store.add([TestStore.conversation("long", title: "Long answer", turns: [(.user, "question"), (.assistant, long)])], owner: "gina")
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 24))
        fixture.typeQuery("needle")
        fixture.press(.enter)
        fixture.settle()
        fixture.press(.enter)
        let lines = fixture.settle()
        let row = try #require(lines.firstIndex { $0.contains("the needle is here") }, "the match is in view:\n\(lines.joined(separator: "\n"))")
        #expect(fixture.matchedText(row: row) == "needle")
        #expect(!lines.contains { $0.contains("more lines") }, "the turn is unfolded")
    }

    // MARK: Hostile text and sizes

    static let attacks = [
        "osc52 \u{1B}]52;c;cXVpdA==\u{07} docker",
        "csi \u{1B}[2J\u{1B}[31mred docker\u{1B}[0m",
        "c1 \u{9B}6n \u{9D}0;title\u{9C} docker",
        "bidi \u{202E}txet docker\u{202C} \u{2067}isolate\u{2069}",
        "return \rover docker\u{8}\u{8} tab\tend",
        "wide 👩‍💻 ❤️ 🇯🇵 docker 中文字符 é",
    ]

    static func hostileStore() throws -> TestStore {
        let store = try TestStore()
        let turns = attacks.map { (Role.user, $0) }
        try store.add([TestStore.conversation("evil", title: attacks[0] + " " + attacks[3], turns: turns)], owner: attacks[1] + attacks[2])
        return store
    }

    @Test(arguments: [Size(width: 20, height: 5), Size(width: 21, height: 6), Size(width: 80, height: 24), Size(width: 300, height: 100)])
    func hostileStringsNeverReachCells(size: Size) throws {
        let store = try SearchScreenTests.hostileStore()
        let fixture = try SearchFixture(storePath: store.path, size: size)
        fixture.typeQuery("docker")
        fixture.settle()
        fixture.press(.enter, .down)
        for step in 0..<3 {
            fixture.settle()
            for scalar in allScalars(of: fixture.screen) {
                #expect(!isControlOrInvisible(scalar), "step \(step) at \(size): U+\(String(scalar.value, radix: 16)) reached a cell")
            }
            expectConsistentWidths(fixture.screen)
            fixture.press(.enter)
        }
    }

    @Test func hostileHitsShowVisibly() throws {
        let store = try SearchScreenTests.hostileStore()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 120, height: 20))
        fixture.typeQuery("docker")
        let text = fixture.settle().joined(separator: "\n")
        #expect(text.contains("6 turns match"))
        #expect(text.contains("␛]52;c;cXVpdA==") || text.contains("^[]52"), "the escape is shown, not run:\n\(text)")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func cjkAndEmojiKeepColumnsAligned() throws {
        let store = try SearchScreenTests.store()
        for width in [40, 41, 57, 80] {
            let fixture = try SearchFixture(storePath: store.path, size: Size(width: width, height: 12))
            fixture.typeQuery("docker")
            let lines = fixture.settle()
            expectConsistentWidths(fixture.screen)
            for (row, line) in lines.enumerated().dropFirst().dropLast() {
                let lastCell = fixture.screen[width - 1, row].content
                #expect(lastCell == "│" || lastCell == "┐" || lastCell == "┘", "row \(row) at width \(width) ends inside the box: \(line)")
            }
        }
    }

    @Test func resizeWhileLoadingKeepsDrawing() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 80, height: 14))
        fixture.typeQuery("docker")
        for size in [Size(width: 5, height: 3), Size(width: 200, height: 60), Size(width: 20, height: 5), Size(width: 33, height: 9)] {
            fixture.resize(to: size)
            fixture.console.loop.timers.fireDueTimers()
            fixture.draw()
            expectConsistentWidths(fixture.screen)
        }
        fixture.resize(to: Size(width: 80, height: 14))
        let lines = fixture.settle()
        #expect(lines[2].contains("5 turns match \"docker\""), "\(lines[2])")
    }

    @Test func helpListsSearchKeys() throws {
        let store = try SearchScreenTests.store()
        let fixture = try SearchFixture(storePath: store.path, size: Size(width: 100, height: 40))
        fixture.press(.character("2"), .character("?"))
        let text = fixture.draw().joined(separator: "\n")
        #expect(text.contains("Sort hits by relevance or newest first"))
        #expect(text.contains("Plain words or raw FTS5 syntax"))
    }
}
