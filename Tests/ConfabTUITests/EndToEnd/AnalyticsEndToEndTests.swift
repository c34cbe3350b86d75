import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Analytics screen driven through the real `confab` executable in tmux: several sizes,
/// 8 colours and the monochrome theme, drill-down to Search, and a commit by another process.
/// Every step waits for text on the pane; nothing sleeps.
@Suite("Analytics through confab in tmux", .serialized, .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct AnalyticsEndToEndTests {
    private static let timeout: Duration = .seconds(60)

    private func runConfab(_ arguments: [String], in directory: TemporaryDirectory) throws -> Int32 {
        let confab = try #require(Executables.confab)
        return try Subprocess.run(confab, arguments, outputPath: directory.path + "/confab-output.txt")
    }

    private func demoStore(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path + "/demo.db"
        #expect(try runConfab(["demo", "--no-tui", "--db", path, "--users", "5", "--conversations", "60"], in: directory) == 0)
        return path
    }

    private func startConsole(store: String, directory: TemporaryDirectory, extraArguments: String = "",
                              size: Size = TmuxSession.defaultSize, term: String = "tmux-256color") throws -> TmuxSession {
        let confab = try #require(Executables.confab)
        let command = Executables.shellQuoted(confab) + " --db " + Executables.shellQuoted(store) + extraArguments
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": directory.path + "/config"], size: size, term: term)
        try session.waitForText("All users", timeout: Self.timeout)
        try session.sendKeys("5")
        try session.waitForText("Turns per month", timeout: Self.timeout)
        return session
    }

    private static func grouped(_ value: Int) -> String {
        CompactNumber.grouped(value)
    }

    @Test func viewsSizesAndDrillDown() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let store = try SQLiteStore(path: path, readOnly: true)
        let total = try store.analytics(AnalyticsRequest(), cancellation: nil).total.figures
        let models = try store.analytics(AnalyticsRequest(grouping: .model), cancellation: nil)
        let session = try startConsole(store: path, directory: directory)

        var lines = try session.waitForText("Selection: every turn · \(Self.grouped(total.turns)) turns", timeout: Self.timeout)
        #expect(lines[0].contains("Analytics › Activity"))
        #expect(lines.contains { $0.hasPrefix("│ turns ") && $0.contains("▁") })

        try session.sendKeys("v", "v")
        lines = try session.waitForText("Turns per model", timeout: Self.timeout)
        #expect(lines.contains { $0.contains("│ \(models.rows[0].label!) ") })

        for size in [Size(width: 60, height: 15), Size(width: 160, height: 48), Size(width: 80, height: 24)] {
            try session.resize(to: size)
            try session.waitUntil("the frame fits \(size.width)×\(size.height)", timeout: Self.timeout) { lines in
                lines.count == size.height && lines[1].hasPrefix("┌─ Analytics") && lines[1].hasSuffix("┐")
                    && lines.allSatisfy { TerminalText.width(of: $0) <= size.width }
            }
        }

        try session.sendKeys("Enter")
        let drillQuery = "model:\"\(models.rows[0].label!)\""
        lines = try session.waitForText("turns match \"\(drillQuery)\"", timeout: Self.timeout)
        #expect(lines[0].contains("Search › \(drillQuery)"))

        try session.sendKeys("5")
        try session.waitForText("Turns per model", timeout: Self.timeout)
        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: Self.timeout) == 0)
        try session.waitForRestoredTerminal(timeout: .seconds(20))
    }

    @Test func eightColoursMonochromeAndLiveImport() throws {
        let directory = try TemporaryDirectory()
        let path = try demoStore(in: directory)
        let before = try SQLiteStore(path: path, readOnly: true).analytics(AnalyticsRequest(), cancellation: nil).total.figures
        let session = try startConsole(store: path, directory: directory, extraArguments: " --theme monochrome", term: "xterm")
        try session.waitForText("Selection: every turn · \(Self.grouped(before.turns)) turns", timeout: Self.timeout)
        let styled = try session.capture(withAttributes: true).joined(separator: "\n")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selected row is drawn in reverse video")

        // Another process imports three turns; the open screen follows without a key press.
        let file = directory.path + "/more.json"
        try #"[{"id": "live-1", "conversations": [{"from": "human", "value": "one"}, {"from": "gpt", "value": "two"}, {"from": "human", "value": "three"}]}]"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try runConfab(["--db", path, "import", "--quiet", file], in: directory) == 0)
        try session.waitForText("Selection: every turn · \(Self.grouped(before.turns + 3)) turns", timeout: Self.timeout)

        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: Self.timeout) == 0)
    }
}
