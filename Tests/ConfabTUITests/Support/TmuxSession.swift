import Foundation
@testable import ConfabTUI

/// A tmux server of its own with one pane of a fixed size, for end-to-end tests.
///
/// Each session uses its own socket (`tmux -L confab-test-<random>`), so tests never touch the
/// user's tmux or each other. Escape time is 0, and the program runs with `LANG=C.UTF-8` unless
/// the test sets another value. Tests wait for text with `waitForText` (polling `capture-pane`
/// every 20 ms up to a timeout) instead of sleeping.
///
/// The command runs in a subshell; after it exits, the shell records its status in a file and
/// sleeps silently. The pane therefore stays alive with exactly the terminal state the program
/// left (a dead pane gets tmux's own message written into it), and the status is read from the
/// file, because tmux does not always record the status of a pane's process.
final class TmuxSession {
    static let defaultSize = Size(width: 120, height: 40)
    static let defaultTimeout: Duration = .seconds(20)

    let socketName: String
    private(set) var size: Size
    private let statusPath: String
    private var socketPath: String?
    private var isClosed = false

    /// Why end-to-end tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        executablePath == nil ? "tmux is not installed (looked for it on PATH)" : nil
    }

    private static let executablePath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()

    /// Starts `command` (a shell command line) in a new pane.
    ///
    /// - Parameters:
    ///   - environment: variables for the program, on top of `LANG=C.UTF-8` and `LC_ALL=C.UTF-8`;
    ///     give an empty value to leave a variable unset in the pane.
    ///   - term: the `TERM` inside the pane.
    init(command: String, environment: [String: String] = [:], size: Size = defaultSize, term: String = "tmux-256color") throws {
        socketName = "confab-test-\(UInt32.random(in: 0...UInt32.max))"
        self.size = size
        statusPath = FileManager.default.temporaryDirectory.appendingPathComponent(socketName + ".status").path

        var variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        variables.merge(environment) { _, new in new }
        var arguments = [
            "-f", "/dev/null", "start-server", ";",
            "set-option", "-g", "escape-time", "0", ";",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "default-terminal", term, ";",
            "set-option", "-g", "status", "off", ";",
            "new-session", "-d", "-x", String(size.width), "-y", String(size.height),
        ]
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            arguments += ["-e", "\(name)=\(value)"]
        }
        let unset = variables.filter { $0.value.isEmpty }.keys.sorted().map { "unset \($0); " }.joined()
        let quotedStatusPath = Executables.shellQuoted(statusPath)
        arguments.append("\(unset)( \(command) ); printf '%s' $? > \(quotedStatusPath); exec sleep 100000")
        try run(arguments)
        socketPath = try? value("#{socket_path}")
    }

    deinit {
        close()
    }

    /// Stops the tmux server and everything running in it.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: statusPath)
        // The server leaves its socket file behind.
        if let socketPath {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
    }

    // MARK: Reading the pane

    /// Returns the pane's visible lines, without trailing spaces.
    func capture(withAttributes: Bool = false) throws -> [String] {
        let output = try run(["capture-pane", "-p"] + (withAttributes ? ["-e"] : []) + ["-t", "0"])
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        }
        return lines.map { line in
            var trimmed = line
            while trimmed.last == " " {
                trimmed.removeLast()
            }
            return trimmed
        }
    }

    /// Waits until the pane shows `text`, and returns the screen that did.
    @discardableResult
    func waitForText(_ text: String, timeout: Duration = defaultTimeout) throws -> [String] {
        try waitUntil("the pane shows '\(text)'", timeout: timeout) { lines in
            lines.contains { $0.contains(text) }
        }
    }

    /// Waits until `condition` holds for the pane's lines.
    @discardableResult
    func waitUntil(_ description: String, timeout: Duration = defaultTimeout, _ condition: ([String]) -> Bool) throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lines: [String] = []
        while clock.now < deadline {
            lines = try capture()
            if condition(lines) {
                return lines
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TmuxError.timedOut(description, screen: lines)
    }

    /// Waits until the pane's program has exited, and returns its exit status as the shell
    /// reports it: 128 plus the signal number when a signal ended it.
    @discardableResult
    func waitForExit(timeout: Duration = defaultTimeout) throws -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let text = try? String(contentsOfFile: statusPath, encoding: .utf8), let status = Int(text) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TmuxError.timedOut("the program exits", screen: (try? capture()) ?? [])
    }

    /// Waits until the terminal in the pane is back in its normal state: main screen, cursor
    /// shown, no mouse reporting. tmux may still be reading the program's last output when it
    /// reports the program's exit, so this polls too.
    func waitForRestoredTerminal(timeout: Duration = .seconds(5)) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var state = ""
        while clock.now < deadline {
            state = try value("alternate=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}")
            if state == "alternate=0 cursor=1 mouse=0" {
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TmuxError.timedOut("the terminal is restored (now \(state))", screen: (try? capture()) ?? [])
    }

    /// Returns a tmux format expanded for the pane, such as `#{alternate_on}` or `#{pane_pid}`.
    func value(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var isAlternateScreenOn: Bool { (try? value("#{alternate_on}")) == "1" }
    var isCursorVisible: Bool { (try? value("#{cursor_flag}")) == "1" }
    var isMouseReportingOn: Bool { (try? value("#{mouse_any_flag}")) == "1" }

    // MARK: Sending input

    /// Sends keys by tmux name: `"q"`, `"Escape"`, `"C-c"`, `"Enter"`, `"Up"`.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally.
    func sendText(_ text: String) throws {
        try run(["send-keys", "-t", "0", "-l", text])
    }

    /// Sends raw bytes, for escape sequences that no key produces.
    func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func resize(to newSize: Size) throws {
        try run(["resize-window", "-t", "0", "-x", String(newSize.width), "-y", String(newSize.height)])
        size = newSize
    }

    /// Sends `signal` to the pane's program: the deepest process under the pane's shell.
    func signal(_ signal: Int32) throws {
        guard var pid = Int32(try value("#{pane_pid}")) else {
            throw TmuxError.commandFailed(["display-message", "#{pane_pid}"], status: 0, output: "no pane pid")
        }
        while let child = TmuxSession.firstChild(of: pid) {
            pid = child
        }
        kill(pid, signal)
    }

    private static func firstChild(of pid: Int32) -> Int32? {
        let path = "/proc/\(pid)/task/\(pid)/children"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Int32($0) }
    }

    // MARK: Running tmux

    /// Runs tmux with `arguments` on this session's socket and returns what it printed.
    ///
    /// Output goes through a temporary file, not a pipe: the tmux server that the first command
    /// starts inherits the command's output, and a pipe would then never reach end-of-file.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        guard let executable = TmuxSession.executablePath else {
            throw TmuxError.commandFailed(arguments, status: -1, output: "tmux is not installed")
        }
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socketName)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        let status = try Subprocess.run(executable, ["-L", socketName] + arguments, outputPath: outputPath)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TmuxError.commandFailed(arguments, status: status, output: text)
        }
        return text
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case commandFailed([String], status: Int32, output: String)
    case timedOut(String, screen: [String])

    var description: String {
        switch self {
        case .commandFailed(let arguments, let status, let output):
            return "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(output)"
        case .timedOut(let condition, let screen):
            return "timed out waiting until \(condition); the pane showed:\n" + screen.joined(separator: "\n")
        }
    }
}
