import Foundation

/// Cheap figures of a store, read in well under a millisecond.
public struct StoreFigures: Sendable, Equatable {
    public var pageSize: Int
    public var pageCount: Int
    public var freelistCount: Int
    /// Size of the main database file in bytes.
    public var fileBytes: Int64
    /// Size of the `-wal` file in bytes; 0 when there is none.
    public var walBytes: Int64
    /// The write-ahead log's state from the `-shm` wal-index, nil when the store has none.
    public var wal: WALState?
    /// The newest change-feed sequence.
    public var latestChangeSequence: Int64

    /// Bytes that `PRAGMA incremental_vacuum` could give back to the file system.
    public var reclaimableBytes: Int64 { Int64(freelistCount) * Int64(pageSize) }

    public init(pageSize: Int, pageCount: Int, freelistCount: Int, fileBytes: Int64, walBytes: Int64, wal: WALState?, latestChangeSequence: Int64) {
        self.pageSize = pageSize
        self.pageCount = pageCount
        self.freelistCount = freelistCount
        self.fileBytes = fileBytes
        self.walBytes = walBytes
        self.wal = wal
        self.latestChangeSequence = latestChangeSequence
    }
}

/// The write-ahead log as its wal-index header describes it.
public struct WALState: Sendable, Equatable {
    /// Valid frames in the WAL (`mxFrame`).
    public var frames: Int
    /// Frames already copied into the database file by checkpoints (`nBackfill`).
    public var backfilledFrames: Int
    /// Frames the last checkpoint tried to copy (`nBackfillAttempted`).
    public var backfillAttemptedFrames: Int
    /// Connections of other processes that hold a WAL read lock.
    public var readers: [WALReader]

    /// Frames written since the last checkpoint that are not yet in the database file.
    public var framesSinceCheckpoint: Int { max(0, frames - backfilledFrames) }

    public init(frames: Int, backfilledFrames: Int, backfillAttemptedFrames: Int, readers: [WALReader]) {
        self.frames = frames
        self.backfilledFrames = backfilledFrames
        self.backfillAttemptedFrames = backfillAttemptedFrames
        self.readers = readers
    }
}

/// A process that holds one of the WAL's read locks.
public struct WALReader: Sendable, Equatable {
    public var processID: Int32
    /// The read-lock slot, 0…4. A slot-0 reader reads the database file alone, so while it
    /// reads no checkpoint may write to that file.
    public var slot: Int
    /// The last WAL frame of the snapshot that slot stands for; a checkpoint cannot copy frames
    /// beyond the oldest such mark of an active reader.
    public var snapshotFrame: Int

    public init(processID: Int32, slot: Int, snapshotFrame: Int) {
        self.processID = processID
        self.slot = slot
        self.snapshotFrame = snapshotFrame
    }
}

/// The size of one table or index, from `dbstat`.
public struct ObjectSize: Sendable, Equatable {
    public var name: String
    /// The table the object belongs to (itself for a table).
    public var tableName: String
    public var isIndex: Bool
    public var pages: Int
    public var bytes: Int64
    /// Bytes inside those pages that hold nothing.
    public var unusedBytes: Int64

    public init(name: String, tableName: String, isIndex: Bool, pages: Int, bytes: Int64, unusedBytes: Int64) {
        self.name = name
        self.tableName = tableName
        self.isIndex = isIndex
        self.pages = pages
        self.bytes = bytes
        self.unusedBytes = unusedBytes
    }
}

/// Statistics of one FTS5 index.
public struct FullTextIndexStatistics: Sendable, Equatable {
    public var name: String
    public var documents: Int
    /// Bytes of its shadow tables.
    public var bytes: Int64
    /// Segments on each level, from level 0; empty when the structure record could not be read.
    public var segmentsPerLevel: [Int]

    public var segments: Int { segmentsPerLevel.reduce(0, +) }
    public var levels: Int { segmentsPerLevel.count }

    public init(name: String, documents: Int, bytes: Int64, segmentsPerLevel: [Int]) {
        self.name = name
        self.documents = documents
        self.bytes = bytes
        self.segmentsPerLevel = segmentsPerLevel
    }
}

/// The freshness of the planner's statistics (`sqlite_stat1`) for one table.
public struct PlannerStatistics: Sendable, Equatable {
    public var tableName: String
    /// Rows the last ANALYZE counted; nil when it never analysed the table.
    public var analysedRows: Int?
    public var currentRows: Int

    /// The share by which the row count moved since the last ANALYZE: 0 when current, 1 for
    /// a table never analysed.
    public var drift: Double {
        guard let analysedRows else { return 1 }
        let base = max(analysedRows, 1)
        return Double(abs(currentRows - analysedRows)) / Double(base)
    }

    public init(tableName: String, analysedRows: Int?, currentRows: Int) {
        self.tableName = tableName
        self.analysedRows = analysedRows
        self.currentRows = currentRows
    }
}

/// The expensive figures, computed together on their own connection.
public struct StoreAnatomy: Sendable, Equatable {
    public var objects: [ObjectSize]
    public var fullTextIndexes: [FullTextIndexStatistics]
    public var plannerStatistics: [PlannerStatistics]
    public var computedAt: Date
    /// How long the computation took, in seconds.
    public var seconds: Double

    public init(objects: [ObjectSize], fullTextIndexes: [FullTextIndexStatistics], plannerStatistics: [PlannerStatistics], computedAt: Date, seconds: Double) {
        self.objects = objects
        self.fullTextIndexes = fullTextIndexes
        self.plannerStatistics = plannerStatistics
        self.computedAt = computedAt
        self.seconds = seconds
    }
}

/// The result of `PRAGMA wal_checkpoint(PASSIVE)`.
public struct CheckpointResult: Sendable, Equatable {
    /// True when another connection kept the checkpoint from finishing.
    public var wasBlocked: Bool
    public var walFrames: Int
    public var checkpointedFrames: Int

    public init(wasBlocked: Bool, walFrames: Int, checkpointedFrames: Int) {
        self.wasBlocked = wasBlocked
        self.walFrames = walFrames
        self.checkpointedFrames = checkpointedFrames
    }
}

/// One step of an on-demand integrity check and what it found.
public struct IntegrityStepResult: Sendable, Equatable {
    /// `quick_check`, or the name of an FTS5 table whose index was checked.
    public var step: String
    /// Problems found; empty when the step passed.
    public var problems: [String]
    public var seconds: Double

    public init(step: String, problems: [String], seconds: Double) {
        self.step = step
        self.problems = problems
        self.seconds = seconds
    }
}

/// A maintenance action the Health screen and CLI can run.
public enum MaintenanceAction: String, Sendable, CaseIterable {
    /// `PRAGMA wal_checkpoint(PASSIVE)`.
    case checkpoint
    /// `ANALYZE`: refresh the planner's statistics.
    case analyze
    /// FTS5 `merge`: combine some segments of every full-text index.
    case mergeFullText = "merge"
    /// FTS5 `optimize`: merge every full-text index into one segment.
    case optimizeFullText = "optimize"
}
