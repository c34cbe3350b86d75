import Foundation

/// Decides whether a reader pins the write-ahead log, so checkpoints cannot shrink it.
///
/// The rule: another process holds a WAL read lock whose snapshot ends before the WAL's last
/// frame, at least `minimumPendingFrames` frames wait for a checkpoint, and the checkpointed
/// frame count has not moved for `minimumStallSeconds`. Writers checkpoint on their own every
/// 1,000 pages (SQLite's default), so under ordinary load the count moves within seconds and
/// short readers never meet the rule.
public struct WALPinDetector: Sendable {
    public var minimumPendingFrames: Int
    public var minimumStallSeconds: Double

    private var lastBackfill: Int?
    private var backfillUnchangedSince: Date?

    public init(minimumPendingFrames: Int = 1_000, minimumStallSeconds: Double = 2) {
        self.minimumPendingFrames = minimumPendingFrames
        self.minimumStallSeconds = minimumStallSeconds
    }

    public struct Verdict: Sendable, Equatable {
        /// The readers whose snapshot keeps frames from being checkpointed, oldest snapshot first.
        public var pinningReaders: [WALReader]
        public var pendingFrames: Int
        /// How long the checkpointed frame count has stood still, in seconds.
        public var stalledSeconds: Double

        public var isPinned: Bool { !pinningReaders.isEmpty }
    }

    public mutating func observe(_ wal: WALState, at now: Date = Date()) -> Verdict {
        if lastBackfill != wal.backfilledFrames || backfillUnchangedSince == nil {
            lastBackfill = wal.backfilledFrames
            backfillUnchangedSince = now
        }
        let stalled = now.timeIntervalSince(backfillUnchangedSince ?? now)
        let pending = wal.framesSinceCheckpoint
        guard pending >= minimumPendingFrames, stalled >= minimumStallSeconds else {
            return Verdict(pinningReaders: [], pendingFrames: pending, stalledSeconds: stalled)
        }
        let pinning = wal.readers
            .filter { $0.snapshotFrame < wal.frames }
            .sorted { $0.snapshotFrame < $1.snapshotFrame }
        return Verdict(pinningReaders: pinning, pendingFrames: pending, stalledSeconds: stalled)
    }
}
