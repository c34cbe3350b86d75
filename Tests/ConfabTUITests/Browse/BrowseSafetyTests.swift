@testable import ConfabCore
import Foundation
@testable import ConfabTUI
import Synchronization
import Testing

@Suite("Browse safety")
struct BrowseSafetyTests {
    private static let attacks = [
        "osc52 \u{1B}]52;c;cXVpdA==\u{07} end",
        "csi \u{1B}[2J\u{1B}[31mred\u{1B}[0m end",
        "report \u{1B}[6n end",
        "c1 \u{9B}6n \u{9D}0;title\u{9C} end",
        "link \u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\ end",
        "bidi \u{202E}txet desrever\u{202C} \u{2067}isolate\u{2069} end",
        "return \rover back\u{8}\u{8}space end",
        "invisible \u{200B}zero\u{FEFF}width\u{2060} end",
        "bell \u{7} nul \u{0} del \u{7F} end",
    ]

    private func hostileStore() throws -> TestStore {
        let store = try TestStore()
        let text = BrowseSafetyTests.attacks.joined(separator: "\n") + "\n```\n" + BrowseSafetyTests.attacks.joined(separator: "\n") + "\n```"
        var conversation = TestStore.conversation("evil", title: BrowseSafetyTests.attacks[0] + BrowseSafetyTests.attacks[1], turns: [(.user, text), (.assistant, text)])
        conversation.model = BrowseSafetyTests.attacks[5]
        conversation.turns[1].author = BrowseSafetyTests.attacks[3]
        conversation.turns[1].attachments = [ImportedAttachment(name: BrowseSafetyTests.attacks[4], mimeType: BrowseSafetyTests.attacks[6], sizeBytes: 12_345, reference: nil)]
        try store.add([conversation], owner: BrowseSafetyTests.attacks[2] + BrowseSafetyTests.attacks[7])
        return store
    }

    private func expectNoControls(_ screen: Screen, _ context: String) {
        for scalar in allScalars(of: screen) {
            #expect(!isControlOrInvisible(scalar), "\(context): U+\(String(scalar.value, radix: 16)) reached a cell")
        }
    }

    @Test(arguments: [Size(width: 140, height: 40), Size(width: 80, height: 24), Size(width: 20, height: 5)])
    func hostileStringsNeverReachCells(size: Size) throws {
        let store = try hostileStore()
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        fixture.settle()
        expectNoControls(fixture.screen, "users at \(size)")
        for key in [Key.down, .enter, .enter, .character("."), .end, .character("z"), .home] {
            fixture.press(key)
            fixture.settle()
            expectNoControls(fixture.screen, "after \(key) at \(size)")
            expectConsistentWidths(fixture.screen)
        }
        for name in fixture.browse.breadcrumb {
            #expect(name.contains("\u{1B}"), "the breadcrumb is raw data; the console sanitises it")
        }
    }

    @Test func hostileStringsShowVisibly() throws {
        let store = try hostileStore()
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 160, height: 60))
        fixture.settle()
        fixture.press(.down, .enter, .enter)
        let text = fixture.settle().joined(separator: "\n")
        #expect(text.contains("osc52 ␛]52;c;cXVpdA==␇ end"))
        #expect(text.contains("c1 ␛[6n ␛]0;title␛\\ end"))
        #expect(text.contains("bidi txet desrever isolate end"))
        #expect(text.contains("return ␍over back␈␈space end"))
    }

    @Test func asciiModeDrawsOnlyASCII() throws {
        let store = try hostileStore()
        try store.add([TestStore.conversation("cjk", title: "漢字 😀 عربي", turns: [(.user, "日本語 ❤️ ")])], owner: "Émile")
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 140, height: 40), charset: .ascii)
        fixture.settle()
        for key in [Key.tab, .enter, .character("."), .down, .down, .tab] {
            fixture.press(key)
            let lines = fixture.settle()
            for scalar in allScalars(of: fixture.screen) {
                #expect(scalar.isASCII, "non-ASCII U+\(String(scalar.value, radix: 16)) in ASCII mode after \(key): \(lines.joined(separator: "\n"))")
            }
        }
    }

    @Test(arguments: [Size(width: 20, height: 5), Size(width: 21, height: 6), Size(width: 119, height: 7), Size(width: 120, height: 8), Size(width: 33, height: 40)])
    func smallSizesDrawInsideTheirArea(size: Size) throws {
        let store = try TestStore.demo(users: 3, conversations: 12)
        let fixture = try BrowseFixture(storePath: store.path, size: size)
        for key in [Key.down, .enter, .enter, .tab, .end, .character("]"), .escape, .escape] {
            fixture.press(key)
            fixture.settle()
            expectConsistentWidths(fixture.screen)
            #expect(fixture.screen.lines().count == size.height)
        }
    }

    @Test func everySizeFromMinimumDrawsWithinBounds() throws {
        let store = try TestStore.demo(users: 3, conversations: 10)
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 130, height: 30))
        fixture.settle()
        fixture.press(.tab, .tab)
        fixture.settle()
        var sizes: [Size] = []
        for width in stride(from: 20, through: 70, by: 5) {
            for height in 5...12 {
                sizes.append(Size(width: width, height: height))
            }
        }
        for width in 117...123 {
            for height in 5...10 {
                sizes.append(Size(width: width, height: height))
            }
        }
        for size in sizes {
            fixture.resize(to: size)
            fixture.settle()
            expectConsistentWidths(fixture.screen)
            let lines = fixture.draw()
            #expect(lines.count == size.height)
            #expect(lines[size.height - 2].hasSuffix("┘"), "the pane's bottom edge at \(size): \(lines[size.height - 2])")
        }
    }

    @Test func controlCInterruptsRunningQuery() throws {
        let store = try TestStore.demo(users: 2, conversations: 4)
        let fixture = try BrowseFixture(storePath: store.path, size: Size(width: 80, height: 24))
        fixture.settle()

        let started = StartFlag()
        var outcome: WorkOutcome<Int64>?
        let clock = ContinuousClock()
        let submitted = clock.now
        fixture.browse.loader.query({ store, _ in
            started.value.store(true, ordering: .sequentiallyConsistent)
            // Counts to ten billion: minutes of work unless sqlite3_interrupt stops it.
            return try store.connection.scalarInt("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) SELECT count(*) FROM c") ?? 0
        }, completion: { outcome = $0 })

        while !started.isSet && clock.now - submitted < .seconds(10) {
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(started.isSet)
        fixture.press(.control("c"))
        while outcome == nil && clock.now - submitted < .seconds(30) {
            fixture.console.loop.waitForResults(timeout: .milliseconds(50))
        }

        guard case .cancelled = try #require(outcome) else {
            Issue.record("the query was not cancelled: \(String(describing: outcome))")
            return
        }
        #expect(clock.now - submitted < .seconds(10))
        #expect(fixture.statusText == "Query cancelled")

        fixture.press(.control("c"))
        #expect(fixture.statusText == "No query is running")
        fixture.press(.down)
        #expect(fixture.settle()[4].contains(try #require(try SQLiteStore(path: store.path).users(after: nil, limit: 1).first?.name)), "the worker still answers")
    }
}

/// Set by a worker job when it starts, read by the test thread.
private final class StartFlag: Sendable {
    let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}
