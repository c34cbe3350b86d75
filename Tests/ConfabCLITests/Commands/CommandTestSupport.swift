import ConfabCLI
import ConfabCore
import Foundation

/// The outcome of one `confab` command run in-process.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output parsed as JSON; fails the caller's `#require` when it is not JSON.
    func json() throws -> JSONValue {
        try JSONValue.parse(stdout)
    }
}

/// Runs `confab` with the given arguments against a store in a fresh temporary folder.
final class ConfabHarness {
    let folder: URL
    var databasePath: String { folder.appendingPathComponent("confab.db").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("confab-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs with `--db` pointing at the harness store; HOME and XDG_DATA_HOME point into the folder
    /// so nothing touches the real user's files.
    func run(_ arguments: [String], terminal: Bool = false, environment extra: [String: String] = [:]) -> CommandResult {
        let stdout = OutputSink(memoryWithTerminal: terminal, terminalColumns: 100)
        let stderr = OutputSink(memoryWithTerminal: false)
        var environment = ["HOME": folder.path, "XDG_DATA_HOME": folder.appendingPathComponent("data").path, "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        let status = ConfabCommand.run(arguments: ["--db", databasePath] + arguments, stdout: stdout, stderr: stderr,
                                       environment: environment)
        return CommandResult(status: status, stdout: stdout.text, stderr: stderr.text)
    }

    /// Writes `text` to a file in the harness folder and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The corpus folder from CONFAB_CORPUS, or nil when it is not set.
    static var corpus: URL? {
        ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }
    }
}
