import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Health screen in the real `confab` executable in tmux, beside real writer processes.
///
/// Every step waits for text on the pane; nothing sleeps.
@Suite("Health through confab in tmux", .serialized, .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct HealthEndToEndTests {
    private static let timeout: Duration = .seconds(60)

    private func startConsole(store: String, directory: TemporaryDirectory) throws -> TmuxSession {
        let confab = try #require(Executables.confab)
        let command = Executables.shellQuoted(confab) + " --db " + Executables.shellQuoted(store)
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": directory.path + "/config"],
                                      size: Size(width: 130, height: 45))
        try session.waitForText("All users", timeout: HealthEndToEndTests.timeout)
        try session.sendKeys("3")
        try session.waitForText("Sync latency", timeout: HealthEndToEndTests.timeout)
        return session
    }

    /// Starts `confab` with `arguments` in the background; its output goes to `name`.out.
    private func startConfab(_ arguments: [String], directory: TemporaryDirectory, name: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Executables.confab))
        process.arguments = arguments
        let output = directory.path + "/\(name).out"
        FileManager.default.createFile(atPath: output, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = process.standardOutput
        try process.run()
        return process
    }

    private func makeStore(_ directory: TemporaryDirectory, conversations: Int) throws -> (path: String, pool: [Int64]) {
        let path = directory.path + "/health.db"
        let store = try SQLiteStore(path: path)
        let writer = store.makeLiveWriter()
        let pool = try (0..<conversations).map { index in
            try writer.startConversation(NewConversation(userName: "writer \(index % 3)", title: "Pool \(index)")).conversationID
        }
        return (path, pool)
    }

    private func quit(_ session: TmuxSession) throws {
        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: HealthEndToEndTests.timeout) == 0)
    }

    @Test func eightWritersShowLiveFigures() throws {
        let directory = try TemporaryDirectory()
        let (path, _) = try makeStore(directory, conversations: 4)
        let session = try startConsole(store: path, directory: directory)
        try session.waitForText("no commits by other processes", timeout: HealthEndToEndTests.timeout)

        let simulate = try startConfab(["--db", path, "simulate", "--writers", "8", "--rate", "40", "--seconds", "8"],
                                       directory: directory, name: "simulate")
        try session.waitUntil("the header shows live latency", timeout: HealthEndToEndTests.timeout) { $0[0].contains("live p99") }
        try session.waitUntil("latency percentiles with changes", timeout: HealthEndToEndTests.timeout) { lines in
            lines.contains { $0.contains("p50 ") && $0.contains("p99 ") } && lines.contains { $0.contains("over ") && $0.contains(" changes") }
        }
        try session.waitUntil("commits per second above zero", timeout: HealthEndToEndTests.timeout) { lines in
            guard let line = lines.first(where: { $0.contains("commits/s ") }),
                  let value = line.components(separatedBy: "commits/s ").last?.split(separator: " ").first.flatMap({ Double($0) })
            else { return false }
            return value > 0
        }

        try session.sendKeys("s")
        try session.waitUntil("full-text statistics", timeout: HealthEndToEndTests.timeout) { lines in
            lines.contains { $0.contains("turns_fts ") && $0.contains(" docs, ") && $0.contains(" segments on ") }
        }
        try session.sendKeys("i")
        try session.waitUntil("every check passed", timeout: HealthEndToEndTests.timeout) { lines in
            ["quick_check ok", "turns_fts ok", "conversations_fts ok", "turn_characters_fts ok"].allSatisfy { check in
                lines.contains { $0.contains(check) }
            }
        }

        simulate.waitUntilExit()
        #expect(simulate.terminationStatus == 0)
        try quit(session)
    }

    @Test func pinnedReaderShowsWarning() throws {
        let directory = try TemporaryDirectory()
        let (path, pool) = try makeStore(directory, conversations: 3)
        let session = try startConsole(store: path, directory: directory)

        // This test process keeps a read snapshot open, as a forgotten statement would.
        let reader = try Connection(path: path, mode: .readOnly)
        try reader.execute("BEGIN")
        _ = try reader.scalarInt("SELECT count(*) FROM turns")

        let writer = try startConfab(["--db", path, "simulate-writer", "--rate", "400", "--seconds", "4", "--edit-percent", "0",
                                      "--conversations", pool.map(String.init).joined(separator: ",")], directory: directory, name: "writer")
        let lines = try session.waitForText("WAL pinned: reader pid \(getpid())", timeout: HealthEndToEndTests.timeout)
        #expect(lines.contains { $0.contains("a reader pins the WAL") })
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)

        try reader.execute("COMMIT")
        try session.sendKeys("c")
        try session.waitUntil("the warning clears after a checkpoint", timeout: HealthEndToEndTests.timeout) { lines in
            !lines.contains { $0.contains("WAL pinned") } && lines.contains { $0.contains("checkpoint copied") }
        }
        try quit(session)
    }
}
