import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Browse transcript")
struct BrowseTranscriptTests {
    private let size = Size(width: 80, height: 24)

    /// Opens the first conversation of everyone's list in the drill-down layout.
    private func openFirstTranscript(_ fixture: BrowseFixture) -> [String] {
        fixture.settle()
        fixture.press(.enter)
        fixture.settle()
        fixture.press(.enter)
        return fixture.settle()
    }

    @Test func transcriptSnapshotWithCodeBlock() throws {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("code", title: "Parser", turns: [
                (.user, "How do I loop?"),
                (.assistant, "Like this:\n```swift\nfor item in items {\n    print(item, terminator: \"\")\n}\n```\nDone."),
            ]),
        ], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 50, height: 16))
        _ = openFirstTranscript(fixture)
        expectScreen(fixture.screen, [
            " confab • store.db  Browse › All user…  1 2 3 4 5",
            "┌─ Parser ───────────────────────────────────────┐",
            "│ User                          2026-01-01 00:00 │",
            "│  How do I loop?                                │",
            "│                                                │",
            "│ Assistant · gpt-4o            2026-01-01 00:01 │",
            "│  Like this:                                    │",
            "│  ┌ swift                                       │",
            "│  │ for item in items {                         │",
            "│  │     print(item, terminator: \"\")             │",
            "│  │ }                                           │",
            "│  Done.                                         │",
            "│                                                │",
            "│                                                │",
            "└──────────────────────────── turn 1 of 2 · end ─┘",
            " z fold  . show tools  ] branch  ? help",
        ])
        #expect(fixture.screen.elements(row: 9)[5] == .code)
        #expect(fixture.screen.elements(row: 2)[2] == .selection, "the first turn is selected")
    }

    @Test func cjkEmojiAndRightToLeftWrapWithinPane() throws {
        let store = try TestStore()
        let text = "日本語の文章はスペースなしで折り返されます。絵文字も👩‍💻🎉混ざります。" +
            " مرحبا بكم في عالم البرمجة والحاسوب " + String(repeating: "ç", count: 30)
        try store.add([TestStore.conversation("cjk", title: "多言語", turns: [(.user, text)])], owner: "ana")
        for width in [24, 37, 61] {
            let fixture = try BrowseFixture(storePath: store.path, size: Size(width: width, height: 30))
            let lines = openFirstTranscript(fixture)
            expectConsistentWidths(fixture.screen)
            #expect(lines.contains { $0.contains("日本語") }, "width \(width)")
            #expect(lines.contains { $0.contains("مرحبا") }, "width \(width)")
            for row in 2..<28 {
                #expect(fixture.screen[width - 1, row].content == "│", "row \(row) at width \(width) overran the frame")
            }
        }
    }

    @Test func foldingToggledByKey() throws {
        let store = try TestStore()
        let long = (1...60).map { "paragraph line \($0)" }.joined(separator: "\n")
        try store.add([TestStore.conversation("long", title: "Long", turns: [(.assistant, long), (.user, "thanks")])], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 60, height: 40))
        var lines = openFirstTranscript(fixture)
        #expect(lines.contains { $0.contains("▸ 40 more lines (z unfolds)") })
        #expect(!lines.contains { $0.contains("paragraph line 21") })

        fixture.type("z")
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("paragraph line 21") })
        #expect(!lines.contains { $0.contains("more lines") })
        fixture.press(.end)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("▴ end of turn (z folds)") })

        fixture.press(.home)
        fixture.type("z")
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("▸ 40 more lines") })
    }

    @Test func hiddenAndToolTurnsToggle() throws {
        let store = try TestStore()
        try store.add([
            TestStore.conversation("tools", title: "Tools", turns: [
                (.system, "secret system prompt"),
                (.user, "What is the weather?"),
                (.assistant, "thinking about weather"),
                (.assistant, "get_weather(city: \"Lima\")"),
                (.tool, "{\"temp\": 21}"),
                (.assistant, "It is 21 °C in Lima."),
            ], kinds: [0: .hidden, 2: .reasoning, 3: .toolCall, 4: .toolResult]),
        ], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        var lines = openFirstTranscript(fixture)
        let hiddenTexts = ["secret system prompt", "thinking about weather", "get_weather", "\"temp\": 21"]
        for text in hiddenTexts {
            #expect(!lines.contains { $0.contains(text) }, "\(text) shows by default")
        }
        #expect(lines.contains { $0.contains("It is 21 °C in Lima.") })

        fixture.type(".")
        lines = fixture.settle()
        for text in hiddenTexts {
            #expect(lines.contains { $0.contains(text) }, "\(text) is missing after '.'")
        }
        #expect(lines.contains { $0.contains("Assistant · reasoning") })
        #expect(lines.contains { $0.contains("Tool · tool result") })
        #expect(fixture.statusText == "Showing hidden, tool and reasoning turns")

        fixture.type(".")
        lines = fixture.settle()
        #expect(!lines.contains { $0.contains("secret system prompt") })
    }

    @Test func branchSwitchShowsThatBranchsDescendants() throws {
        let store = try TestStore.branched()
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        var lines = openFirstTranscript(fixture)
        #expect(lines.contains { $0.contains("text of b2") })
        #expect(lines.contains { $0.contains("‹1/2›") })
        #expect(!lines.contains { $0.contains("text of c") })

        fixture.type("}}")
        #expect(fixture.browse.transcript.selectedTurn?.sourceID == "b")
        fixture.type("]")
        lines = fixture.settle()
        #expect(fixture.statusText == "Branch 2 of 2")
        for text in ["text of c", "text of c2", "text of c3", "‹2/2›"] {
            #expect(lines.contains { $0.contains(text) }, "\(text) is missing after ]")
        }
        #expect(!lines.contains { $0.contains("text of b2") })
        #expect(fixture.browse.transcript.selectedTurn?.sourceID == "c")
        #expect(lines.contains { $0.contains("turn 3 of 5") })

        fixture.type(">")
        fixture.settle()
        #expect(fixture.statusText == "No later branch at this turn")

        fixture.type("[")
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("text of b2") })
        #expect(!lines.contains { $0.contains("text of c3") })
        #expect(fixture.browse.transcript.thread == .defaultThread(conversationID: try #require(fixture.browse.transcript.conversation?.id)))
    }

    @Test func branchKeysAreRemappable() throws {
        let store = try TestStore.branched()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 80, height: 60), keys: "next-branch = Ctrl-N\n")
        _ = openFirstTranscript(fixture)
        fixture.type("}}")
        fixture.type("]")
        #expect(!fixture.settle().contains { $0.contains("text of c3") }, "] no longer switches")
        fixture.press(.control("n"))
        #expect(fixture.settle().contains { $0.contains("text of c3") })

        fixture.type("?")
        let help = fixture.draw()
        let entry = try #require(help.first { $0.contains("Next branch at the selected turn") })
        #expect(entry.contains("Ctrl-N"), "the help lists the key in effect: \(entry)")
    }

    @Test func endOfTranscriptFollowsNewTurns() throws {
        let store = try TestStore()
        var turns: [(role: Role, text: String)] = (0..<30).map { ($0 % 2 == 0 ? .user : .assistant, "message number \($0)") }
        try store.add([TestStore.conversation("chat", title: "Chat", turns: turns)], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        _ = openFirstTranscript(fixture)
        fixture.press(.end)
        var lines = fixture.settle()
        #expect(lines.contains { $0.contains("message number 29") })
        fixture.browse.tick(context: fixture.console.console)
        fixture.settle()

        turns.append((.user, "a turn from another process"))
        try store.add([TestStore.conversation("chat", title: "Chat", turns: turns)], owner: "alice")
        lines = fixture.tickUntil("the new turn is shown") { lines in
            lines.contains { $0.contains("a turn from another process") }
        }
        #expect(lines[22].contains("turn 31 of 31 · end"), "\(lines[22])")
    }

    @Test func thousandTurnsPageWithFlatMemory() throws {
        let store = try TestStore()
        let turns: [(role: Role, text: String)] = (0..<1000).map { ($0 % 2 == 0 ? .user : .assistant, "numbered turn \($0)") }
        try store.add([TestStore.conversation("huge", title: "Huge", turns: turns)], owner: "alice")
        let options = BrowseOptions(timeZone: BrowseFixture.utc, pageSize: 40, listCapacity: 200, transcriptCapacity: 120)
        let fixture = try BrowseFixture(storePath: store.path, size: size, options: options)
        _ = openFirstTranscript(fixture)

        for _ in 0..<300 {
            fixture.press(.pageDown)
            fixture.settle()
            #expect(fixture.browse.transcript.turns.count <= 120 + 40)
        }
        var lines = fixture.settle()
        #expect(lines.contains { $0.contains("numbered turn 999") }, "300 pages reach the end")

        fixture.press(.home)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("numbered turn 0") })
        fixture.press(.end)
        lines = fixture.settle()
        #expect(lines.contains { $0.contains("numbered turn 999") })
        #expect(fixture.browse.transcript.turns.count <= 120 + 40)
    }

    @Test func wheelScrollsPaneUnderPointer() throws {
        let store = try TestStore()
        let turns: [(role: Role, text: String)] = (0..<40).map { (.user, "wheel turn \($0)") }
        try store.add([TestStore.conversation("wheel", title: "Wheel", turns: turns)], owner: "alice")
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        _ = openFirstTranscript(fixture)
        for _ in 0..<10 {
            fixture.console.console.handle(.mouse(MouseEvent(kind: .wheelDown, position: Point(column: 10, row: 10))))
        }
        let lines = fixture.settle()
        #expect(!lines.contains { $0.contains("wheel turn 0") })
        #expect(lines.contains { $0.contains("wheel turn 10") })
    }
}
