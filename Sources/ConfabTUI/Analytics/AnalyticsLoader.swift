import ConfabCore

/// Runs the Analytics screen's reports on a background worker with its own read-only
/// connection. Created on the UI thread at the screen's first activation and used only there.
final class AnalyticsLoader {
    private let worker: Worker<SQLiteStore>
    private var running: WorkTicket?
    /// Counts loads, so the completion of a cancelled one does not clear the state of the next.
    private var loadCount = 0

    init(storePath: String, context: any ScreenContext) {
        worker = context.makeWorker(label: "analytics", interruptHandle: { $0.makeInterruptHandle() }) {
            try SQLiteStore(path: storePath, readOnly: true)
        }
    }

    var isLoading: Bool { running != nil }

    /// Computes `request` after cancelling the report in flight, and passes the outcome with the
    /// day of the latest activity to `completion` on the UI thread.
    func load(_ request: AnalyticsRequest, completion: @escaping (WorkOutcome<AnalyticsResult>) -> Void) {
        running?.cancel()
        loadCount += 1
        let load = loadCount
        running = worker.submit({ store, job in
            let cancellation = SearchCancellation()
            job.onCancel { cancellation.cancel() }
            let latestDay = try store.latestActivityDay()
            return AnalyticsResult(report: try store.analytics(request, cancellation: cancellation), latestDay: latestDay)
        }, completion: { [weak self] outcome in
            guard let self, self.loadCount == load else { return }
            self.running = nil
            completion(outcome)
        })
    }

    /// Reads the store's change counter, so the screen can reload after another process commits.
    func poll(completion: @escaping (WorkOutcome<Int64>) -> Void) {
        worker.submit({ store, _ in try store.changeCounter() }, completion: completion)
    }

    /// Cancels the report in flight; returns false when none was running.
    @discardableResult
    func cancel() -> Bool {
        let wasRunning = running != nil
        running?.cancel()
        running = nil
        return wasRunning
    }
}

/// A report with the day the time ranges count back from.
struct AnalyticsResult: Sendable {
    var report: AnalyticsReport
    var latestDay: Int?
}
