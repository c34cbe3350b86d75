import Foundation
import Glibc

/// Runs a program and waits for it, with a clean signal state.
///
/// Test threads run with most signals blocked, and a child inherits the blocked set unless the
/// spawn resets it. A tmux server started that way ignores SIGTERM and is never told that its
/// panes exited. `posix_spawn` here clears the mask and resets every signal to its default action.
enum Subprocess {
    /// Runs `executable` with `arguments`, stdin from /dev/null and stdout and stderr into the
    /// file at `outputPath`, and returns its exit status (128 plus the signal number when a
    /// signal ended it).
    static func run(_ executable: String, _ arguments: [String], outputPath: String) throws -> Int32 {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)

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

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        var pid: pid_t = 0
        let spawnResult = posix_spawn(&pid, executable, &fileActions, &attributes, argv, environ)
        guard spawnResult == 0 else {
            throw SubprocessError.spawnFailed(executable, code: spawnResult)
        }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw SubprocessError.waitFailed(executable, code: errno)
            }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

enum SubprocessError: Error, CustomStringConvertible {
    case spawnFailed(String, code: Int32)
    case waitFailed(String, code: Int32)

    var description: String {
        switch self {
        case .spawnFailed(let executable, let code): "cannot start \(executable): \(String(cString: strerror(code)))"
        case .waitFailed(let executable, let code): "waiting for \(executable) failed: \(String(cString: strerror(code)))"
        }
    }
}
