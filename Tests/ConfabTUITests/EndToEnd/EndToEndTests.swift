import Foundation
@testable import ConfabTUI
import Testing

/// The console driven as a program in tmux, watching what reaches the pane.
@Suite("End to end in tmux", .serialized, .enabled(if: TmuxSession.unavailableReason == nil, "\(TmuxSession.unavailableReason ?? "")"))
struct EndToEndTests {
    @Test func harnessWaitsForText() throws {
        let session = try TmuxSession(command: "printf 'ready: %s\\n' \"$LANG\"; sleep 30")
        let lines = try session.waitForText("ready: C.UTF-8")
        #expect(lines.first == "ready: C.UTF-8")
        #expect(try session.value("#{window_width}x#{window_height}") == "120x40")
        #expect(throws: TmuxError.self) { try session.waitForText("never shown", timeout: .milliseconds(200)) }
    }

    @Test func harnessReportsExitStatus() throws {
        let session = try TmuxSession(command: "printf done; exit 3")
        #expect(try session.waitForExit() == 3)
        let lines = try session.capture()
        #expect(lines.first == "done", "\(lines)")
    }

    // MARK: The console

    private func startConsole(environment: [String: String] = [:], term: String = "tmux-256color") throws -> (TmuxSession, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let command = try #require(ConsoleHost.command(store: directory.path + "/store.db"))
        var variables = [ConsoleHost.storeVariable: directory.path + "/store.db", "XDG_CONFIG_HOME": directory.path + "/config"]
        variables.merge(environment) { _, new in new }
        let session = try TmuxSession(command: command, environment: variables, term: term)
        try session.waitForText("1 Browse")
        return (session, directory)
    }

    @Test func navigationThemesAndQuit() throws {
        let (session, _) = try startConsole()
        #expect(session.isAlternateScreenOn)
        #expect(!session.isCursorVisible)
        #expect(session.isMouseReportingOn)
        let first = try session.capture()
        #expect(first[1].hasPrefix("┌─ Browse ──"))
        #expect(first[39] == " / search  : command  q quit  ? help")

        try session.sendKeys("?")
        try session.waitForText("Keys: ? closes")
        let clock = ContinuousClock()
        let escapeStart = clock.now
        try session.sendKeys("Escape")
        try session.waitUntil("the help closes") { !$0.joined().contains("Keys:") }
        #expect(clock.now - escapeStart < .milliseconds(500), "Esc took \(clock.now - escapeStart)")

        try session.sendKeys("2")
        try session.waitForText("The Search screen is not built yet")
        try session.sendText(":theme light")
        try session.sendKeys("Enter")
        try session.waitForText("Theme light")
        try session.sendText("/中文 query")
        try session.sendKeys("Enter")
        try session.waitForText("Your search for \"中文 query\" will run here.")

        try session.sendKeys("C-c")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        try session.waitForRestoredTerminal()
    }

    @Test func hostileInputIsNeverTyped() throws {
        let (session, _) = try startConsole()
        let attacks = [
            "\u{1B}[?1;2c",
            "\u{1B}]52;c;cXVpdA==\u{07}",
            "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\",
            "\u{1B}P1$r0m\u{1B}\\",
            "\u{C2}\u{9B}2q",
            "\u{1B}[1;5Q",
            "\u{1B}[<64;300;10M",
        ]
        for attack in attacks {
            try session.sendBytes(Array(attack.utf8))
        }
        try session.sendText("3")
        try session.waitForText("The Health screen is not built yet")
        let lines = try session.capture()
        #expect(!lines.joined().contains("Keys:"), "a '?' inside a sequence opened the help")
        #expect(try session.value("#{pane_dead}") == "0", "a 'q' inside a sequence quit")
        try session.sendKeys("Q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func resizeStormAndTinySizes() throws {
        let (session, _) = try startConsole()
        try session.resize(to: Size(width: 10, height: 3))
        try session.waitForText("Too small:")
        try session.resize(to: Size(width: 1, height: 1))
        try session.resize(to: Size(width: 20, height: 5))
        try session.waitForText("┌─ Browse ─────────┐")

        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            try session.resize(to: Size(width: Int.random(in: 1...200, using: &generator), height: Int.random(in: 1...60, using: &generator)))
        }
        try session.resize(to: TmuxSession.defaultSize)
        // The storm may leave an earlier size's frame on screen for a moment, so wait for the
        // final one rather than the first capture that shows the header.
        let bottomLine = " / search  : command  q quit  ? help"
        let lines = try session.waitUntil("the full-size frame after the storm") { lines in
            lines.count == 40 && lines[0].contains("5 Analytics") && lines[39] == bottomLine
        }
        #expect(lines.count == 40)
        #expect(lines[39] == bottomLine)
        #expect(try session.value("#{pane_dead}") == "0")
        try session.sendKeys("Q")
        #expect(try session.waitForExit() == 0)
    }

    /// Returns the parameters of every SGR sequence (`ESC [ … m`) in `text`.
    static func graphicRenditionParameters(in text: String) -> [Int] {
        var parameters: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if rest[end] == "m" {
                parameters += rest[..<end].split(separator: ";").compactMap { Int($0) }
            }
            rest = rest[end...]
        }
        return parameters
    }

    @Test(arguments: [(SIGTERM, 143), (SIGINT, 130), (SIGHUP, 129)])
    func terminationSignalRestoresTerminal(signal: Int32, status: Int) throws {
        let (session, _) = try startConsole()
        try session.signal(signal)
        #expect(try session.waitForExit() == status)
        try session.waitForRestoredTerminal()
    }

    @Test func crashRestoresTerminal() throws {
        let (session, _) = try startConsole(environment: ["SWIFT_BACKTRACE": "enable=no"])
        try session.signal(SIGSEGV)
        #expect(try session.waitForExit() == 128 + Int(SIGSEGV))
        try session.waitForRestoredTerminal()
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen-256color", "tmux-256color", "linux"])
    func bordersUnderEveryTerminalType(term: String) throws {
        let (session, _) = try startConsole(term: term)
        // A capture can land between two writes of one frame, so wait for the whole box first.
        let lines = try (try? session.waitUntil("the Browse box under \(term)") { lines in
            lines.count == 40 && lines[1].hasPrefix("┌─ Browse ───") && lines[38].hasSuffix("─┘")
        }) ?? session.capture()
        #expect(lines[1].hasPrefix("┌─ Browse ───"), "\(term): \(lines[1])")
        #expect(lines[1].hasSuffix("─┐"), "\(term): \(lines[1])")
        #expect(lines[2].hasPrefix("│"), "\(term): \(lines[2])")
        #expect(lines[2].hasSuffix("│"), "\(term): \(lines[2])")
        #expect(lines[38].hasPrefix("└───"), "\(term): \(lines[38])")
        #expect(lines[38].hasSuffix("─┘"), "\(term): \(lines[38])")
        try session.sendKeys("Q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func missingLocaleFallsBackToCUTF8() throws {
        let (session, _) = try startConsole(environment: ["LANG": "xx_XX.UTF-8", "LC_ALL": ""])
        let lines = try session.waitUntil("the locale note under the Browse box") { lines in
            lines.count == 40 && lines[39].contains("using C.UTF-8") && lines[1].hasPrefix("┌─ Browse")
        }
        #expect(lines[39].contains("Locale xx_XX.UTF-8 is not a usable UTF-8 locale; using C.UTF-8"))
        #expect(lines[1].hasPrefix("┌─ Browse"))
        try session.sendKeys("Q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func noColorDrawsWithoutColours() throws {
        let (session, _) = try startConsole(environment: ["NO_COLOR": "1"])
        let raw = try session.capture(withAttributes: true).joined(separator: "\n")
        let parameters = EndToEndTests.graphicRenditionParameters(in: raw)
        #expect(parameters.contains(7), "the header should be in reverse video")
        let colours = parameters.filter { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        #expect(colours.isEmpty, "colour codes with NO_COLOR: \(colours)")
        try session.sendKeys("Q")
        #expect(try session.waitForExit() == 0)
    }
}

/// The built `confab` executable in tmux. The console is not wired to a command yet, so this
/// checks that the harness finds and runs the binary. Console tests through `confab` can use
/// `Executables.confab` the same way.
@Suite("confab executable in tmux", .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct ConfabExecutableTests {
    @Test func helpRunsInPane() throws {
        let confab = try #require(Executables.confab)
        let session = try TmuxSession(command: "\(Executables.shellQuoted(confab)) --help")
        try session.waitForText("confab")
        #expect(try session.waitForExit() == 0)
    }
}
