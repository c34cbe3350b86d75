import Foundation
import Glibc

/// A `confab` process started by a test, running in the background.
///
/// Test threads run with most signals blocked, and a child would inherit that mask. The spawn
/// clears it and resets every signal to its default action, so SIGINT acts normally.
final class ChildProcess {
    let pid: pid_t
    let outputPath: String
    let errorPath: String
    private(set) var exitStatus: Int32?

    /// The `confab` executable built next to the test binary, or the one in `CONFAB_EXECUTABLE`.
    static var confabPath: String? {
        if let path = ProcessInfo.processInfo.environment["CONFAB_EXECUTABLE"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = (testBinary as NSString).deletingLastPathComponent + "/confab"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static let unavailableReason = "the confab executable was not found next to the test binary; build it (swift build) or set CONFAB_EXECUTABLE"

    init(confab arguments: [String], outputPath: String, errorPath: String, environment: [String: String] = [:]) throws {
        guard let executable = ChildProcess.confabPath else {
            throw ChildProcessError.missingExecutable
        }
        self.outputPath = outputPath
        self.errorPath = errorPath

        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&fileActions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = ProcessInfo.processInfo.environment
        variables["LANG"] = "C.UTF-8"
        variables.merge(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &fileActions, &attributes, argv, envp)
        guard result == 0 else {
            throw ChildProcessError.spawnFailed(code: result)
        }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = try? wait()
        }
    }

    /// Waits for the process to end and returns its status: 128 plus the signal number when a
    /// signal ended it.
    @discardableResult
    func wait() throws -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ChildProcessError.waitFailed(code: errno) }
        }
        let signal = status & 0x7F
        let result = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        exitStatus = result
        return result
    }

    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Polls `condition` every 10 ms until it is true or `timeout` passes, and returns its last value.
    static func waitUntil(timeout: Duration = .seconds(20), _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}

enum ChildProcessError: Error, CustomStringConvertible {
    case missingExecutable
    case spawnFailed(code: Int32)
    case waitFailed(code: Int32)

    var description: String {
        switch self {
        case .missingExecutable: ChildProcess.unavailableReason
        case .spawnFailed(let code): "cannot start confab: \(String(cString: strerror(code)))"
        case .waitFailed(let code): "waiting for confab failed: \(String(cString: strerror(code)))"
        }
    }
}
