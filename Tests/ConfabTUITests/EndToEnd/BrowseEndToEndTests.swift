import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Browse screen driven through the real `confab` executable in tmux.
///
/// Every step waits for text on the pane, with timeouts generous enough for a loaded two-core
/// machine; nothing sleeps.
@Suite("Browse through confab in tmux", .serialized, .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct BrowseEndToEndTests {
    private static let timeout: Duration = .seconds(60)

    /// Runs `confab` with `arguments` to completion and returns its exit status.
    @discardableResult
    private func runConfab(_ arguments: [String], in directory: TemporaryDirectory) throws -> Int32 {
        let confab = try #require(Executables.confab)
        return try Subprocess.run(confab, arguments, outputPath: directory.path + "/confab-output.txt")
    }

    /// Makes a demo store with `confab demo` and returns its path.
    private func demoStore(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/demo.db"
        let status = try runConfab(["demo", "--no-tui", "--db", path, "--users", "5", "--conversations", "60"], in: directory)
        #expect(status == 0)
        return path
    }

    private func startConsole(store: String, directory: TemporaryDirectory, size: Size = TmuxSession.defaultSize) throws -> TmuxSession {
        let confab = try #require(Executables.confab)
        let command = Executables.shellQuoted(confab) + " --db " + Executables.shellQuoted(store)
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": directory.path + "/config"], size: size)
        try session.waitForText("All users", timeout: BrowseEndToEndTests.timeout)
        return session
    }

    private func quit(_ session: TmuxSession) throws {
        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: BrowseEndToEndTests.timeout) == 0)
        try session.waitForRestoredTerminal(timeout: .seconds(20))
    }

    @Test func navigateUsersConversationsTranscriptAndBack() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let store = try SQLiteStore(path: path, readOnly: true)
        let user = try #require(try store.users(after: nil, limit: 1).first)
        let conversation = try #require(try store.conversations(userID: user.id, after: nil, limit: 1).first)
        let title = String((conversation.title ?? "(untitled)").prefix(12))
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("j")
        try session.waitForText("Conversations · \(user.name)", timeout: BrowseEndToEndTests.timeout)
        try session.sendKeys("Tab")
        try session.waitUntil("the header shows the user", timeout: BrowseEndToEndTests.timeout) { $0[0].contains("Browse › \(user.name)") }
        try session.sendKeys("Enter")
        try session.waitUntil("the header shows the conversation", timeout: BrowseEndToEndTests.timeout) {
            $0[0].contains("Browse › \(user.name) › \(title)")
        }
        try session.waitUntil("the transcript shows its position", timeout: BrowseEndToEndTests.timeout) { $0[38].contains(" of ") && $0[38].contains("─ turn ") }

        try session.sendKeys("Escape")
        try session.waitUntil("back at the conversations", timeout: BrowseEndToEndTests.timeout) {
            $0[0].contains("Browse › \(user.name)") && !$0[0].contains(title)
        }
        try session.sendKeys("q")
        try session.waitUntil("back at the users", timeout: BrowseEndToEndTests.timeout) { !$0[0].contains("›") }

        // Narrow: one pane at a time.
        try session.resize(to: Size(width: 80, height: 24))
        try session.waitUntil("the drill-down layout", timeout: BrowseEndToEndTests.timeout) { lines in
            lines.count == 24 && lines[1].hasPrefix("┌─ Users") && lines[1].hasSuffix("─┐")
        }
        try session.sendKeys("Enter")
        try session.waitUntil("the conversations fill the pane", timeout: BrowseEndToEndTests.timeout) { $0[1].hasPrefix("┌─ Conversations · \(user.name)") }
        try session.sendKeys("Enter")
        try session.waitUntil("the transcript fills the pane", timeout: BrowseEndToEndTests.timeout) { $0[1].hasPrefix("┌─ \(title)") }
        try quit(session)
    }

    @Test func branchSwitchInTranscript() throws {
        let directory = try TemporaryDirectory()
        let store = try TestStore.branched()
        let session = try startConsole(store: store.path, directory: directory, size: Size(width: 100, height: 30))

        try session.sendKeys("Enter")
        try session.waitForText("Branches", timeout: BrowseEndToEndTests.timeout)
        try session.sendKeys("Enter")
        try session.waitForText("text of b2", timeout: BrowseEndToEndTests.timeout)
        try session.sendKeys("}", "}", "]")
        let lines = try session.waitForText("text of c3", timeout: BrowseEndToEndTests.timeout)
        #expect(lines.contains { $0.contains("‹2/2›") })
        #expect(!lines.contains { $0.contains("text of b2") })

        try session.sendKeys("[")
        try session.waitUntil("the first branch is back", timeout: BrowseEndToEndTests.timeout) { lines in
            lines.contains { $0.contains("text of b2") } && !lines.contains { $0.contains("text of c3") }
        }
        try quit(session)
    }

    @Test func conversationFromAnotherProcessAppearsWithoutKeyPress() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let session = try startConsole(store: path, directory: directory)
        try session.waitForText("Users (5)", timeout: BrowseEndToEndTests.timeout)

        let export = try directory.write("""
            [{"id": "live-1", "conversations": [{"from": "human", "value": "Written while the console watched"}, {"from": "gpt", "value": "Seen."}]}]
            """, to: "live.json")
        #expect(try runConfab(["import", export, "--db", path, "--user", "Live Writer", "--quiet"], in: directory) == 0)

        let lines = try session.waitUntil("the new user and count", timeout: BrowseEndToEndTests.timeout) { lines in
            lines.contains { $0.contains("Live Writer") } && lines.contains { $0.contains("Users (6)") }
        }
        #expect(lines.contains { $0.contains("Users (6)") })
        try quit(session)
    }

    @Test func transcriptFollowsTurnsFromAnotherProcess() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/live.db"
        let first = try directory.write("""
            [{"id": "chat-1", "conversations": [{"from": "human", "value": "first question"}, {"from": "gpt", "value": "first answer"}]}]
            """, to: "first.json")
        #expect(try runConfab(["import", first, "--db", path, "--user", "Live Writer", "--quiet"], in: directory) == 0)
        let session = try startConsole(store: path, directory: directory)
        try session.waitForText("first answer", timeout: BrowseEndToEndTests.timeout)
        try session.sendKeys("Tab", "Tab", "G")
        try session.waitUntil("the transcript is focused", timeout: BrowseEndToEndTests.timeout) { $0[0].contains("Browse › All users › first question") }

        let longer = try directory.write("""
            [{"id": "chat-1", "conversations": [{"from": "human", "value": "first question"}, {"from": "gpt", "value": "first answer"},
              {"from": "human", "value": "second question"}, {"from": "gpt", "value": "a later answer written elsewhere"}]}]
            """, to: "longer.json")
        #expect(try runConfab(["import", longer, "--db", path, "--user", "Live Writer", "--quiet"], in: directory) == 0)

        let lines = try session.waitUntil("the later turn and its position", timeout: BrowseEndToEndTests.timeout) { lines in
            lines.count == 40 && lines.contains { $0.contains("a later answer written elsewhere") } && lines[38].contains("turn 4 of 4")
        }
        #expect(lines[38].contains("turn 4 of 4"), "\(lines[38])")
        try quit(session)
    }

    @Test func resizeStormKeepsBrowseDrawing() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let session = try startConsole(store: path, directory: directory)
        try session.sendKeys("Tab", "Enter")
        try session.waitUntil("the transcript shows its position", timeout: BrowseEndToEndTests.timeout) { $0[38].contains("─ turn ") }

        var generator = SystemRandomNumberGenerator()
        for step in 0..<60 {
            let size = step % 10 == 0
                ? Size(width: Int.random(in: 1...25, using: &generator), height: Int.random(in: 1...7, using: &generator))
                : Size(width: Int.random(in: 20...220, using: &generator), height: Int.random(in: 5...70, using: &generator))
            try session.resize(to: size)
            if step % 15 == 0 {
                try session.sendKeys("j", "PageDown")
            }
        }
        try session.resize(to: TmuxSession.defaultSize)
        let lines = try session.waitUntil("the side-by-side layout", timeout: BrowseEndToEndTests.timeout) { lines in
            lines.count == 40 && lines[1].hasPrefix("┌─ Users") && lines[1].hasSuffix("─┐") && lines[38].hasSuffix("─┘")
        }
        #expect(lines[39].contains("? help"))
        #expect(try session.value("#{pane_dead}") == "0")
        try quit(session)
    }
}
