import Synchronization

/// The running side of one background job: whether it was cancelled, and the handlers that
/// interrupt it.
public final class WorkerJob: Sendable {
    private struct State {
        var isCancelled = false
        var isRunning = false
        var interruptHandlers: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    init() {}

    public var isCancelled: Bool {
        state.withLock { $0.isCancelled }
    }

    /// Registers `handler` to run, on the cancelling thread, when the job is cancelled while it
    /// runs; for SQLite pass a closure that calls `InterruptHandle.interrupt()`. Runs it at once
    /// when the job is already cancelled.
    public func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if state.isCancelled {
                return true
            }
            state.interruptHandlers.append(handler)
            return false
        }
        if runNow {
            handler()
        }
    }

    /// Marks the job cancelled and interrupts it if it is running.
    ///
    /// The handlers run under the lock that `finish` takes, so an interrupt can never reach
    /// the next job on the same connection. They must be quick and must not call back into
    /// this job; `sqlite3_interrupt` qualifies.
    func cancel() {
        state.withLock { state in
            guard !state.isCancelled else { return }
            state.isCancelled = true
            if state.isRunning {
                for handler in state.interruptHandlers {
                    handler()
                }
            }
        }
    }

    /// Marks the job running; returns false when it was cancelled before it started.
    func start() -> Bool {
        state.withLock { state in
            guard !state.isCancelled else { return false }
            state.isRunning = true
            return true
        }
    }

    func finish() {
        state.withLock { state in
            state.isRunning = false
            state.interruptHandlers.removeAll()
        }
    }
}

/// A submitted job, for cancelling it from the UI thread.
public struct WorkTicket: Sendable {
    let id: UInt64
    let job: WorkerJob

    /// Cancels the job: it will not start, or it is interrupted; its completion receives
    /// `.cancelled`.
    public func cancel() {
        job.cancel()
    }

    public var isCancelled: Bool { job.isCancelled }
}
