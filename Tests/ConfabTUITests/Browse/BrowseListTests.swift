import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Browse lists")
struct BrowseListTests {
    private func smallStore() throws -> TestStore {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("p1", title: "Refactor the parser", turns: [(.user, "Where do I start?"), (.assistant, "With the tokenizer.")]),
            TestStore.conversation("p2", title: "Sourdough starter", turns: [(.user, "My starter smells of acetone.")], start: TestStore.start.addingTimeInterval(86_400)),
        ], owner: "alice")
        try store.add([
            TestStore.conversation("q1", title: "旅行の予算の相談", turns: [(.user, "予算はいくらですか？")], start: TestStore.start.addingTimeInterval(3 * 86_400)),
        ], owner: "张磊")
        return store
    }

    @Test func drillDownListsUsersThenConversations() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 80, height: 12))
        fixture.settle()
        expectScreen(fixture.screen, [
            " confab • store.db  Browse    1 Browse  2 Search  3 Health  4 Jobs  5 Analytics",
            "┌─ Users (2) ──────────────────────────────────────────────────────────────────┐",
            "│ Name                                                 Convs  Last activity    │",
            "│ All users                                                3  2026-01-04 00:00 │",
            "│ alice                                                    2  2026-01-02 00:00 │",
            "│ 张磊                                                     1  2026-01-04 00:00 │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└───────────────────────────────────────────────────────────────────── 1 of 3 ─┘",
            " Enter open  Tab pane  Space pause  / search  q quit  ? help",
        ])
        #expect(fixture.breadcrumb == [])

        fixture.press(.down, .enter)
        let lines = fixture.settle()
        #expect(lines[1].hasPrefix("┌─ Conversations · alice (2) ─"))
        #expect(lines[2].contains("Title"))
        #expect(lines[3].contains("Sourdough starter"), "newest first: \(lines[3])")
        #expect(lines[4].contains("Refactor the parser"))
        #expect(lines[3].contains("gpt-4o"))
        #expect(lines[0].contains("Browse › alice"))
        #expect(fixture.breadcrumb == ["alice"])

        fixture.press(.down, .enter)
        let transcript = fixture.settle()
        #expect(transcript[0].contains("Browse › alice › Refactor the parser"))
        #expect(transcript.contains { $0.contains("With the tokenizer.") })

        fixture.press(.escape)
        #expect(fixture.breadcrumb == ["alice"])
        fixture.type("q")
        #expect(fixture.breadcrumb == [])
        #expect(!fixture.console.console.isFinished, "q went back instead of quitting")
        fixture.type("q")
        #expect(fixture.console.console.isFinished)
    }

    @Test func sideBySideShowsListsAndTranscript() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 130, height: 20))
        let lines = fixture.settle()
        #expect(lines[1].hasPrefix("┌─ Users (2) "))
        #expect(lines[1].contains("─┐┌─ 旅行の予算の相談 ─"), "the transcript pane starts beside the users pane: \(lines[1])")
        #expect(lines[1].hasSuffix("─┐"))
        #expect(lines.contains { $0.contains("┌─ Conversations · All users (3) ") })
        #expect(lines.contains { $0.contains("予算はいくらですか？") }, "the newest conversation is previewed")
        expectConsistentWidths(fixture.screen)

        // Tab moves the focus across the panes; the transcript follows the selection.
        fixture.press(.tab)
        #expect(fixture.breadcrumb == ["All users"])
        fixture.press(.down)
        let moved = fixture.settle()
        #expect(moved.contains { $0.contains("My starter smells of acetone.") })
        fixture.press(.tab)
        #expect(fixture.breadcrumb == ["All users", "Sourdough starter"])
        fixture.press(.tab)
        #expect(fixture.breadcrumb == [])
    }

    @Test func sideBySideSnapshot() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 120, height: 14))
        fixture.settle()
        fixture.press(.tab)
        fixture.settle()
        expectScreen(fixture.screen, [
            " confab • store.db  Browse › All users                                1 Browse  2 Search  3 Health  4 Jobs  5 Analytics",
            "┌─ Users (2) ────────────────────────────────────────┐┌─ 旅行の予算の相談 ─────────────────────────────────────────────┐",
            "│ All users                      3  2026-01-04 00:00 ││ User                                          2026-01-04 00:00 │",
            "│ alice                          2  2026-01-02 00:00 ││  予算はいくらですか？                                          │",
            "└─────────────────────────────────────────── 1 of 3 ─┘│                                                                │",
            "┌─ Conversations · All users (3) ────────────────────┐│                                                                │",
            "│ Title                            Turns  Activity   ││                                                                │",
            "│ 旅行の予算の相談                     1  2026-01-04 ││                                                                │",
            "│ Sourdough starter                    1  2026-01-02 ││                                                                │",
            "│ Refactor the parser                  2  2026-01-01 ││                                                                │",
            "│                                                    ││                                                                │",
            "│                                                    ││                                                                │",
            "└─────────────────────────────────────────── 1 of 3 ─┘└──────────────────────────────────────────── turn 1 of 1 · end ─┘",
            " Enter read  Esc back  Space pause  / search  q quit  ? help",
        ])
        #expect(fixture.screen.elements(row: 7)[2] == .selection, "the focused list highlights its selection")
        #expect(fixture.screen.elements(row: 2)[2] == .selectionInactive, "the other list keeps a dim selection")
        #expect(fixture.screen.elements(row: 5)[0] == .borderFocused)
        #expect(fixture.screen.elements(row: 1)[0] == .border)
    }

    @Test func usersSelectionListsTheirConversationsBesideIt() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 130, height: 20))
        fixture.settle()
        fixture.press(.down, .down)
        let lines = fixture.settle()
        #expect(lines.contains { $0.contains("┌─ Conversations · 张磊 (1) ") })
        #expect(!lines.contains { $0.contains("Refactor the parser") })
    }

    @Test func untitledConversationShowsFirstPrompt() throws {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("untitled", title: nil, turns: [(.user, "How do I\nparse JSON in Swift?"), (.assistant, "Use JSONDecoder.")]),
            TestStore.conversation("silent", title: "", turns: [(.assistant, "Nobody asked.")], start: TestStore.start.addingTimeInterval(-60)),
        ], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 80, height: 12))
        fixture.settle()
        fixture.press(.enter)
        let lines = fixture.settle()
        #expect(lines[3].contains("How do I ⏎ parse JSON in Swift?"), "\(lines[3])")
        #expect(lines[4].contains("(untitled)"))
        fixture.press(.down)
        fixture.draw()
        #expect(fixture.screen.elements(row: 3)[2] == .dim, "a first prompt is dimmed, unlike a title")

        fixture.press(.up, .enter)
        fixture.settle()
        #expect(fixture.breadcrumb == ["All users", "How do I\nparse JSON in Swift?"])
    }

    @Test func pagingFarIntoTwentyThousandConversations() throws {
        let store = try TestStore()
        try store.addBulkConversations(count: 20_000, owner: "bulk")
        let options = BrowseOptions(timeZone: BrowseFixture.utc, pageSize: 100, listCapacity: 400)
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 90, height: 30), options: options)
        fixture.settle()
        fixture.press(.down, .enter)
        var lines = fixture.settle()
        #expect(lines[3].contains("Bulk conversation 20000"))

        fixture.press(.end)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("Bulk conversation 00001") }, "G shows the last row")
        #expect(lines[29 - 1].contains("20,000 of 20,000"), "\(lines[28])")
        #expect(fixture.browse.conversations.items.count <= 400)

        // Walk back up a thousand pages' worth of rows by keys: memory stays within the cache.
        for _ in 0..<150 {
            fixture.press(.pageUp)
            fixture.settle()
            #expect(fixture.browse.conversations.items.count <= 400 + 100)
        }
        lines = fixture.draw()
        let selected = try #require(fixture.browse.conversations.selectedItem)
        let expectedNumber = 20_000 - (fixture.browse.conversations.selectedIndex ?? -1)
        #expect(selected.summary.title == String(format: "Bulk conversation %05d", expectedNumber))
        #expect(lines.contains { $0.contains(String(format: "Bulk conversation %05d", expectedNumber)) })

        fixture.press(.home)
        lines = fixture.settle()
        #expect(lines[3].contains("Bulk conversation 20000"))
        #expect(lines[28].contains("1 of 20,000"))
    }

    @Test func newConversationAppearsWithoutKeyPress() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 160, height: 24))
        fixture.settle()
        fixture.browse.tick(context: fixture.console.console)
        fixture.settle()

        try store.add([
            TestStore.conversation("live", title: "Written by another process", turns: [(.user, "hello")], start: TestStore.start.addingTimeInterval(9 * 86_400)),
        ], owner: "zoë")
        let lines = fixture.tickUntil("the new conversation is listed") { lines in
            lines.contains { $0.contains("Written by another process") }
        }
        #expect(lines.contains { $0.contains("zoë") }, "the new user is listed too")
        #expect(lines.contains { $0.contains("Users (3)") })
    }

    @Test func pausedViewIgnoresChangesUntilResumed() throws {
        let store = try smallStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 160, height: 24))
        fixture.settle()
        fixture.browse.tick(context: fixture.console.console)
        fixture.settle()

        fixture.press(.space)
        #expect(fixture.statusText == "Live updates paused; Space resumes")
        #expect(fixture.draw()[0].contains("paused"))
        try store.add([TestStore.conversation("late", title: "Added while paused", turns: [(.user, "hi")])], owner: "alice")
        for _ in 0..<3 {
            fixture.browse.tick(context: fixture.console.console)
            fixture.console.loop.waitForResults(timeout: .milliseconds(50))
            #expect(!fixture.settle().contains { $0.contains("Added while paused") })
        }

        fixture.press(.space)
        #expect(!fixture.draw()[0].contains("paused"))
        fixture.tickUntil("the change shows after resuming") { lines in
            lines.contains { $0.contains("Added while paused") }
        }
    }

    @Test func missingStoreIsReportedThenRetried() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/later/store.db"
        let options = BrowseOptions(timeZone: BrowseFixture.utc, retryDelay: .zero)
        let fixture = try BrowseFixture(storePath: path, size: Size(width: 80, height: 10), options: options)
        let lines = fixture.settle()
        #expect(lines[3].contains("Loading users failed: cannot open"), "\(lines[3])")
        #expect(fixture.statusText?.hasPrefix("Loading users failed: cannot open") == true)
        #expect(!FileManager.default.fileExists(atPath: path), "the console never creates a store")

        let store = try SQLiteStore(path: path)
        let writer = try store.beginImport(format: .demo, filePath: "test", fileBytes: nil)
        _ = try writer.write(TestStore.conversation("late", title: "Late", turns: [(.user, "hi")]), owner: .named("late user"))
        try writer.commit(ImportSummary())
        fixture.tickUntil("the store is read once it exists") { lines in
            lines.contains { $0.contains("late user") }
        }
    }
}
