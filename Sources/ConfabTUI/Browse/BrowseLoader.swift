import ConfabCore

/// Runs the Browse screen's database work on one background worker with its own read-only
/// connection, and keeps count of the queries a user could be waiting for.
///
/// Created on the UI thread and used only there. Ctrl-C cancels through `cancelQueries`, which
/// interrupts a running statement with `sqlite3_interrupt`.
final class BrowseLoader {
    private let worker: Worker<SQLiteStore>
    private var runningQueries: [UInt64: WorkTicket] = [:]
    private var nextQueryID: UInt64 = 0

    init(storePath: String, context: any ScreenContext) {
        // Read-only: the console never writes, and opening a path that does not exist fails
        // instead of creating a store there.
        worker = context.makeWorker(label: "browse", interruptHandle: { $0.makeInterruptHandle() }) {
            try SQLiteStore(path: storePath, readOnly: true)
        }
    }

    /// The number of queries submitted whose results have not arrived.
    var pendingQueryCount: Int { runningQueries.count }

    /// Runs `work` on the worker and passes its outcome to `completion` on the UI thread.
    @discardableResult
    func query<Value: Sendable>(
        _ work: @escaping @Sendable (SQLiteStore, WorkerJob) throws -> Value,
        completion: @escaping (WorkOutcome<Value>) -> Void
    ) -> WorkTicket {
        let id = nextQueryID
        nextQueryID += 1
        let ticket = worker.submit(work) { [weak self] outcome in
            self?.runningQueries[id] = nil
            completion(outcome)
        }
        // A job whose result already arrived is gone before this line runs only if the worker
        // delivered synchronously, which it never does: results come through the event loop.
        runningQueries[id] = ticket
        return ticket
    }

    /// Runs a poll that is not counted as a query, so cancelling reports only real work.
    func poll<Value: Sendable>(
        _ work: @escaping @Sendable (SQLiteStore, WorkerJob) throws -> Value,
        completion: @escaping (WorkOutcome<Value>) -> Void
    ) {
        worker.submit(work, completion: completion)
    }

    /// Cancels every query and poll that has not delivered its result, and returns how many
    /// queries that stopped.
    @discardableResult
    func cancelQueries() -> Int {
        let count = runningQueries.count
        worker.cancelAll()
        return count
    }
}
