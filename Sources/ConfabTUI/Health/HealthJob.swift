import ConfabCore
import Synchronization

/// An expensive check or action running on the Health screen's second worker.
final class HealthJob {
    let name: String
    let startedAt: ContinuousClock.Instant
    /// The WAL's last frame when the job started: the snapshot a read-only job holds.
    let snapshotFrame: Int?
    /// Whether the job takes the write lock, so writers wait while it runs.
    let holdsWriteLock: Bool
    let progress = HealthJobProgress()
    var ticket: WorkTicket?

    init(name: String, snapshotFrame: Int?, holdsWriteLock: Bool) {
        self.name = name
        startedAt = .now
        self.snapshotFrame = snapshotFrame
        self.holdsWriteLock = holdsWriteLock
    }
}

/// The step a running job reported last; written by the worker, read by the UI thread.
final class HealthJobProgress: Sendable {
    struct Step: Sendable, Equatable {
        var name: String
        var index: Int
        var count: Int
    }

    private let step = Mutex<Step?>(nil)

    func report(_ name: String, index: Int, count: Int) {
        step.withLock { $0 = Step(name: name, index: index, count: count) }
    }

    var current: Step? { step.withLock { $0 } }
}
