import CNcursesw

/// Restores the terminal when the process ends abnormally: on SIGTERM, SIGINT, SIGHUP and
/// SIGQUIT, on crash signals, and on `exit(3)` while ncurses is active.
///
/// The handlers and their state live in the C shim. This is the only Swift file that may call
/// the `confab_guard_*` functions: their state is a static inside a `static inline` function,
/// and in a debug build each Swift file gets its own copy of such a function.
enum TerminalGuard {
    /// Installs the handlers. Call it before ncurses starts, so that ncurses leaves these
    /// signals alone. Resize and, while the loop runs, termination signals are reported as
    /// their numbers written to `signalPipe`.
    static func install(signalPipe: Int32, terminalDescriptor: Int32) {
        confab_guard_set_signal_pipe(signalPipe)
        _ = confab_guard_save_modes(terminalDescriptor)
        confab_guard_install()
        confab_guard_register_exit_hook()
    }

    static func uninstall() {
        confab_guard_uninstall()
    }

    /// Sets the bytes that restore the terminal from a handler; they must be ready before
    /// `setActive(true)`.
    static func setRestoreBytes(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { confab_guard_set_restore_bytes($0.baseAddress, $0.count) }
        }
    }

    /// Whether ncurses owns the terminal, so that a handler has something to restore.
    static func setActive(_ isActive: Bool) {
        confab_guard_set_active(isActive ? 1 : 0)
    }

    /// While the loop runs, the first termination signal reaches it through the pipe and the
    /// loop quits cleanly. Otherwise a handler restores the terminal and ends the process at once.
    static func setLoopRunning(_ isRunning: Bool) {
        confab_guard_set_loop_running(isRunning ? 1 : 0)
    }

    /// Stops the process for job control (Ctrl-Z); returns when it is continued.
    static func suspendProcess() {
        setActive(false)
        confab_suspend_process()
        setActive(true)
    }
}
