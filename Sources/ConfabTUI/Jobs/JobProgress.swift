import Foundation
import ConfabCore
import Synchronization

/// Progress of the job running on the Jobs screen's worker, shared with the UI thread.
final class JobProgress: Sendable {
    struct Figures: Sendable {
        var done = 0
        var planned = 0
        var turns = 0
        var batches = 0
    }

    private let figures = Mutex(Figures())
    private let stopRequested = Atomic<Bool>(false)

    var current: Figures { figures.withLock { $0 } }

    func update(_ progress: RetentionJobRunner.Progress) {
        figures.withLock {
            $0 = Figures(done: progress.conversationsDone, planned: progress.conversationsPlanned,
                         turns: progress.turnsDone, batches: progress.batches)
        }
    }

    func setPlanned(_ planned: Int) {
        figures.withLock { $0.planned = planned }
    }

    private let pauseRequested = Atomic<Bool>(false)

    /// Asks the job to stop after its current batch.
    func requestStop() {
        stopRequested.store(true, ordering: .relaxed)
        pauseRequested.store(false, ordering: .relaxed)
    }

    var isStopRequested: Bool { stopRequested.load(ordering: .relaxed) }

    /// Holds the job between batches, outside any transaction, while the user is asked whether
    /// to stop it, so that the question does not cost more deletions.
    func setPaused(_ isPaused: Bool) {
        pauseRequested.store(isPaused, ordering: .relaxed)
    }

    /// Returns whether the job should stop; called by the worker between batches, where it waits
    /// while a pause is requested.
    func shouldStop() -> Bool {
        while pauseRequested.load(ordering: .relaxed) && !isStopRequested {
            usleep(20_000)
        }
        return isStopRequested
    }
}

/// An operation the Jobs screen previews, and runs after confirmation.
enum JobOperation: Sendable {
    case policy(RetentionPolicy)
    case forget(userID: Int64, name: String)

    var title: String {
        switch self {
        case let .policy(policy):
            let names = policy.rules.map { "\($0.action.rawValue) \($0.match)" }.joined(separator: "; ")
            return policy.name.map { "policy \($0)" } ?? names
        case let .forget(userID, name):
            return "forget user \(userID) (\(name))"
        }
    }
}

/// The outcome of a job the screen ran, as lines for the status area.
struct JobOutcome: Sendable {
    var summary: String
    var isCancelled: Bool
}
