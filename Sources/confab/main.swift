import ConfabCLI
import Foundation
import Synchronization

/// Set by SIGINT so a running import can stop between conversations and roll back.
let interruptRequested = Atomic<Bool>(false)

signal(SIGINT) { _ in
    if interruptRequested.exchange(true, ordering: .relaxed) {
        // A second Ctrl-C stops at once; SQLite's journal keeps the store consistent.
        _exit(130)
    }
}

let status = ConfabCommand.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    stdout: .standardOutput(),
    stderr: .standardError(),
    environment: ProcessInfo.processInfo.environment,
    isCancelled: { interruptRequested.load(ordering: .relaxed) })
exit(status)
