import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Search screen driven through the real `confab` executable in tmux.
///
/// Every step waits for text on the pane, with timeouts generous enough for a loaded two-core
/// machine; nothing sleeps.
@Suite("Search through confab in tmux", .serialized, .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct SearchEndToEndTests {
    private static let timeout: Duration = .seconds(60)

    /// A raw FTS5 query that runs for seconds on a few thousand turns, because FTS5 merges the
    /// doclists of every token with 26 prefixes before it returns a row.
    static let slowRawQuery = "abcdefghijklmnopqrstuvwxyz".map { "\($0)*" }.joined(separator: " OR ")

    @discardableResult
    private func runConfab(_ arguments: [String], in directory: TemporaryDirectory) throws -> Int32 {
        let confab = try #require(Executables.confab)
        return try Subprocess.run(confab, arguments, outputPath: directory.path + "/confab-output.txt")
    }

    private func demoStore(in directory: TemporaryDirectory, conversations: Int = 60) throws -> String {
        let path = directory.path + "/demo.db"
        let status = try runConfab(["demo", "--no-tui", "--db", path, "--users", "5", "--conversations", String(conversations)], in: directory)
        #expect(status == 0)
        return path
    }

    private func startConsole(store: String, directory: TemporaryDirectory) throws -> TmuxSession {
        let confab = try #require(Executables.confab)
        let command = Executables.shellQuoted(confab) + " --db " + Executables.shellQuoted(store)
        let environment = ["XDG_CONFIG_HOME": directory.path + "/config", "XDG_STATE_HOME": directory.path + "/state"]
        let session = try TmuxSession(command: command, environment: environment)
        try session.waitForText("All users", timeout: SearchEndToEndTests.timeout)
        return session
    }

    /// Closes the search line if it is open, then quits.
    private func quit(_ session: TmuxSession) throws {
        if try session.capture().last?.hasPrefix("/") == true {
            try session.sendKeys("Escape")
            try session.waitUntil("the search line closes", timeout: SearchEndToEndTests.timeout) { !($0.last?.hasPrefix("/") ?? false) }
        }
        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: SearchEndToEndTests.timeout) == 0)
        try session.waitForRestoredTerminal(timeout: .seconds(20))
    }

    /// Returns the summary row of the Search screen: the first row inside its frame.
    private func summary(_ lines: [String]) -> String {
        lines.count > 2 ? lines[2] : ""
    }

    @Test func queryHandedToRetentionPlan() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("/")
        try session.sendText("docker")
        try session.waitUntil("results while typing", timeout: SearchEndToEndTests.timeout) {
            self.summary($0).contains("turns match \"docker\"")
        }
        try session.sendKeys("Enter", "P")
        let plan = try session.waitForText("Press y to run it, Esc to cancel.", timeout: SearchEndToEndTests.timeout)
        #expect(plan[0].contains("Jobs"), "\(plan[0])")
        #expect(plan.contains { $0.contains("match: delete ") && $0.contains(" · docker") })

        // Nothing runs until the user confirms, and Esc drops the plan.
        try session.sendKeys("Escape")
        try session.waitUntil("the plan is dropped", timeout: SearchEndToEndTests.timeout) { lines in
            !lines.contains { $0.contains("Press y to run it") }
        }
        #expect(try runConfab(["--db", path, "search", "docker", "--json"], in: directory) == 0)
        let output = try String(contentsOfFile: directory.path + "/confab-output.txt", encoding: .utf8)
        #expect(output.contains("\"results\":[{"), "the conversations are still there")
        try quit(session)
    }

    @Test func typeOpenHitStepAndReturn() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("/")
        try session.sendText("docker")
        let results = try session.waitUntil("results while typing", timeout: SearchEndToEndTests.timeout) {
            self.summary($0).contains("turns match \"docker\"") && $0[0].contains("Search › docker")
        }
        #expect(results[39].hasPrefix("/docker"), "the line stays open while results show")

        try session.sendKeys("Enter", "Enter")
        let transcript = try session.waitUntil("the hit's transcript", timeout: SearchEndToEndTests.timeout) { lines in
            lines[0].contains("Browse ›") && lines[39].contains("n next hit") && lines[38].contains(" turn ")
        }
        let highlighted = try session.capture(withAttributes: true).joined(separator: "\n")
        let styledWord = highlighted.range(of: "\u{1B}\\[[0-9;]+m[Dd]ocker\u{1B}\\[0m", options: .regularExpression)
        #expect(styledWord != nil, "a match is drawn in a style of its own, ending right after the word:\n\(highlighted)")

        let before = transcript[38]
        try session.sendKeys("n")
        try session.waitUntil("n moves to another hit", timeout: SearchEndToEndTests.timeout) { lines in
            lines[38] != before || lines[0] != transcript[0]
        }
        try session.sendKeys("Escape")
        let back = try session.waitUntil("back at the results", timeout: SearchEndToEndTests.timeout) { lines in
            lines[0].contains("Search › docker") && self.summary(lines).contains("turns match")
        }
        #expect(back[38].contains(" of "), "the selection is kept: \(back[38])")
        try quit(session)

        let history = try String(contentsOfFile: directory.path + "/state/confab/search-history", encoding: .utf8)
        #expect(history == "docker\n")
    }

    @Test func rawToggleShowsInvalidQuery() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("2", "R")
        try session.waitForText("[relevance · raw FTS5]", timeout: SearchEndToEndTests.timeout)
        try session.sendKeys("/")
        try session.sendText("docker AND \"compose")
        let lines = try session.waitForText("Invalid FTS5 query: a double quote is not closed", timeout: SearchEndToEndTests.timeout)
        #expect(!lines.joined().contains("fts5"), "SQLite's own wording does not reach the screen")

        try session.sendKeys("C-u")
        try session.sendText("dock* NOT kubernetes")
        try session.waitUntil("a valid raw query", timeout: SearchEndToEndTests.timeout) { self.summary($0).contains("match \"dock* NOT kubernetes\"") }
        try quit(session)
    }

    @Test func typingCancelsSlowQuery() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory, conversations: 600)

        // How long the slow query takes on its own, through the command line.
        let clock = ContinuousClock()
        let started = clock.now
        let status = try runConfab(["--db", path, "search", "--raw", "--json", "--", SearchEndToEndTests.slowRawQuery], in: directory)
        let alone = clock.now - started
        #expect(status == 0)

        let session = try startConsole(store: path, directory: directory)
        try session.sendKeys("2", "R", "/")
        try session.sendText(SearchEndToEndTests.slowRawQuery)
        try session.waitUntil("the slow query runs", timeout: SearchEndToEndTests.timeout) { self.summary($0).contains("Searching \"a* OR b*") }

        let typed = clock.now
        try session.sendKeys("C-u")
        try session.sendText("docker")
        try session.waitUntil("results of the new query", timeout: SearchEndToEndTests.timeout) { self.summary($0).contains("match \"docker\"") }
        let answered = clock.now - typed
        #expect(answered < alone / 2, "the new query waited \(answered) although the slow query alone takes \(alone): it was not cancelled")
        try quit(session)
    }

    @Test func controlCCancelsSlowQuery() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory, conversations: 600)
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("2", "R", "/")
        try session.sendText(SearchEndToEndTests.slowRawQuery)
        try session.sendKeys("Enter")
        try session.waitUntil("the slow query runs", timeout: SearchEndToEndTests.timeout) { self.summary($0).contains("Searching") }
        try session.sendKeys("C-c")
        let lines = try session.waitForText("Search cancelled", timeout: SearchEndToEndTests.timeout)
        #expect(!summary(lines).contains("Searching"), "\(summary(lines))")
        try quit(session)
    }

    @Test func resizeWhileResultsLoad() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory, conversations: 600)
        let session = try startConsole(store: path, directory: directory)

        try session.sendKeys("2", "R", "/")
        try session.sendText(SearchEndToEndTests.slowRawQuery)
        for size in [Size(width: 30, height: 8), Size(width: 15, height: 4), Size(width: 200, height: 60), TmuxSession.defaultSize] {
            try session.resize(to: size)
        }
        try session.sendKeys("C-u")
        try session.sendText("docker")
        let lines = try session.waitUntil("results after the resizes", timeout: SearchEndToEndTests.timeout) { self.summary($0).contains("match \"docker\"") }
        #expect(lines.count == 40)
        #expect(try session.value("#{pane_dead}") == "0")
        try quit(session)
    }
}
