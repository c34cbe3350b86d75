import Foundation

/// Runs a retention job batch by batch until it finishes or is cancelled.
///
/// Cancellation is checked between batches only, so a stop never splits a transaction. The job
/// then stays resumable, and the next run of the same policy continues where this one stopped.
public struct RetentionJobRunner {
    public let store: any RetentionStore
    public let context: RetentionContext

    public init(store: any RetentionStore, context: RetentionContext) {
        self.store = store
        self.context = context
    }

    /// Live figures passed to the progress callback after every batch.
    public struct Progress: Sendable {
        public var conversationsDone: Int
        public var conversationsPlanned: Int
        public var turnsDone: Int
        public var batches: Int
        public var lastLockSeconds: Double
    }

    /// Write-lock time one batch aims at. The limit for other writers is 50 ms at the 99th
    /// percentile, so the target leaves room for slow batches on a busy machine.
    public static let batchTargetSeconds = 0.010

    static let initialTurnBudget = 100

    /// Returns the turn budget for the next batch. It moves halfway toward the count that fits the
    /// target time, and straight there when a batch took more than twice the target.
    static func nextTurnBudget(current: Int, turns: Int, seconds: Double) -> Int {
        guard turns >= 10, seconds > 0 else { return current }
        let fitting = Double(turns) * batchTargetSeconds / seconds
        let next = seconds > 2 * batchTargetSeconds ? fitting : (Double(current) + fitting) / 2
        return min(5_000, max(10, Int(next)))
    }

    /// Runs `policy` to its end. Returns the job's final status; a cancelled job has status
    /// `cancelled`. `plannedConversations` scales the progress figures.
    public func run(
        _ policy: RetentionPolicy, plannedConversations: Int, abandonOther: Bool = false, maxTurnsPerBatch: Int? = nil,
        isCancelled: () -> Bool, progress: (Progress) -> Void = { _ in }
    ) throws -> RetentionJobStatus {
        let opened = try store.openRetentionJob(policy, context: context, abandonOther: abandonOther)
        var figures = Progress(
            conversationsDone: opened.conversations, conversationsPlanned: plannedConversations + opened.conversations,
            turnsDone: opened.turns, batches: opened.batches, lastLockSeconds: 0)

        var budget = RetentionJobRunner.initialTurnBudget
        do {
            while true {
                if isCancelled() {
                    return try store.closeRetentionJob(jobID: opened.id, outcome: .cancelled, context: context)
                }
                let limit = min(budget, maxTurnsPerBatch ?? Int.max)
                let batch = try store.runRetentionBatch(jobID: opened.id, context: context, maxTurns: limit)
                budget = RetentionJobRunner.nextTurnBudget(current: limit, turns: batch.turnsTouched, seconds: batch.lockSeconds)
                figures.conversationsDone += batch.conversationsCompleted
                figures.turnsDone += batch.turnsTouched
                figures.batches += 1
                figures.lastLockSeconds = batch.lockSeconds
                progress(figures)
                if batch.isFinished {
                    break
                }
                // Writers waiting for the lock poll in SQLite's busy handler every few to 100 ms. A
                // pause as long as the batch gives them a turn before the next batch takes the lock.
                usleep(UInt32(min(0.05, max(0.002, batch.lockSeconds)) * 1_000_000))
            }
        } catch {
            _ = try? store.closeRetentionJob(jobID: opened.id, outcome: .failed, context: context)
            throw error
        }
        var status = try store.closeRetentionJob(jobID: opened.id, outcome: .finished, context: context)
        status.isResumed = opened.isResumed
        return status
    }
}
