import Foundation

/// The retention operations a store offers: plans, batched jobs, erasure, holds, the audit log,
/// scans, backups and checks. The SQLite store implements it; every SQL statement stays there.
public protocol RetentionStore: AnyObject {
    /// Lists what each rule would touch without changing anything.
    func retentionPlan(_ policy: RetentionPolicy, now: Date) throws -> RetentionPlan

    /// Resumes the unfinished job for `policy`, or starts one. An unfinished job of another policy
    /// is an error unless `abandonOther` is set, which marks it abandoned.
    func openRetentionJob(_ policy: RetentionPolicy, context: RetentionContext, abandonOther: Bool) throws -> RetentionJobStatus

    /// Runs one short write transaction of a job and reports what it did. The number of turns a
    /// batch touches follows its measured time; `maxTurns` caps it.
    func runRetentionBatch(jobID: Int64, context: RetentionContext, maxTurns: Int?) throws -> RetentionBatchReport

    /// Ends a job: after the last batch (`finished`) or when stopped (`cancelled`, resumable).
    /// Finishing restores FTS automerge, merges, returns free pages and checkpoints.
    func closeRetentionJob(jobID: Int64, outcome: RetentionJobOutcome, context: RetentionContext) throws -> RetentionJobStatus

    /// Erases every row of one user and makes the data unrecoverable from the files.
    func forget(user reference: String, context: RetentionContext, waitSeconds: Double) throws -> ErasureReceipt

    /// Finds the user that `reference` names without changing anything, for a confirmation prompt.
    func erasureTarget(user reference: String) throws -> ErasureTarget

    func setLegalHold(_ target: HoldTarget, held: Bool, context: RetentionContext) throws -> HoldChange

    /// Policies stored by earlier runs, by name, each with its last run.
    func storedPolicies() throws -> [StoredPolicy]

    /// Audit entries, newest first.
    func auditEntries(limit: Int) throws -> [AuditEntry]

    /// Reports personal data and secrets in the turns of the conversations `query` selects (all
    /// when nil), without changing anything.
    func scan(_ query: SearchQuery?, limit: Int, detector: PersonalDataDetector) throws -> ScanReport

    /// Retries the WAL truncation of erasures that were left pending.
    func completePendingScrubs(context: RetentionContext) throws -> [ScrubState]
}

/// Who runs a retention operation and the key for its hashes and pseudonyms.
public struct RetentionContext: Sendable {
    public var key: RetentionKey
    /// The path of the key file, for error messages.
    public var keyPath: String
    /// The operating-system user, for the audit log.
    public var actor: String

    public init(key: RetentionKey, keyPath: String, actor: String) {
        self.key = key
        self.keyPath = keyPath
        self.actor = actor
    }

    /// Returns the login name from `$USER` or `$LOGNAME`, else the numeric user id.
    public static func currentActor(environment: [String: String]) -> String {
        environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
    }
}

/// A policy kept in the store, with the outcome of its most recent job.
public struct StoredPolicy: Sendable, Equatable {
    public var policy: RetentionPolicy
    public var storedAt: Date
    public var lastRun: RetentionJobStatus?
}

/// Figures of the conversations one rule of a plan would touch.
public struct RulePlan: Sendable, Equatable {
    public var rule: RetentionRule
    public var conversations: Int
    public var turns: Int
    /// Bytes of turn text and raw payloads.
    public var bytes: Int64
    /// Conversations the rule matches that a legal hold exempts.
    public var held: Int
    /// The first selected conversation ids, for a preview.
    public var sampleIDs: [Int64]
}

public struct RetentionPlan: Sendable, Equatable {
    public var rules: [RulePlan]

    public var conversations: Int { rules.reduce(0) { $0 + $1.conversations } }
    public var turns: Int { rules.reduce(0) { $0 + $1.turns } }
    public var bytes: Int64 { rules.reduce(0) { $0 + $1.bytes } }
}

/// Counts of what a job has done under one rule.
public struct RuleCounts: Sendable, Equatable {
    public var conversations = 0
    public var turns = 0
    public var bytes: Int64 = 0

    public init(conversations: Int = 0, turns: Int = 0, bytes: Int64 = 0) {
        self.conversations = conversations
        self.turns = turns
        self.bytes = bytes
    }
}

public enum RetentionJobOutcome: String, Sendable {
    case finished
    case cancelled
    case failed
}

public struct RetentionJobStatus: Sendable, Equatable {
    public var id: Int64
    public var status: String
    public var isResumed: Bool
    public var ruleIndex: Int
    public var counts: [RuleCounts]
    public var batches: Int
    /// Bytes the store's files shrank by, known once the job has finished.
    public var bytesReclaimed: Int64?
    public var startedAt: Date
    public var finishedAt: Date?
    /// "complete", or "pending: …" when another connection kept the WAL from being truncated.
    public var scrub: String?

    public var conversations: Int { counts.reduce(0) { $0 + $1.conversations } }
    public var turns: Int { counts.reduce(0) { $0 + $1.turns } }
}

public struct RetentionBatchReport: Sendable, Equatable {
    public var isFinished: Bool
    public var conversationsCompleted: Int
    public var turnsTouched: Int
    /// Time from `BEGIN IMMEDIATE` to the end of `COMMIT`: how long the write lock was held.
    public var lockSeconds: Double
}

/// The user `forget` would erase.
public struct ErasureTarget: Sendable, Equatable {
    public var userID: Int64
    public var name: String
    public var conversations: Int
    public var turns: Int
}

/// Whether the WAL could be truncated after an erasure.
public enum ScrubState: Sendable, Equatable {
    case complete
    /// Another connection's read snapshot kept the WAL from being truncated. `blocker` names the
    /// processes that have the store open.
    case pending(blocker: String)

    public var text: String {
        switch self {
        case .complete: return "complete"
        case let .pending(blocker): return "pending: \(blocker)"
        }
    }
}

/// The receipt of `forget`.
public struct ErasureReceipt: Sendable, Equatable {
    /// The keyed hash of the erased user's uid: the only trace of the identity that is kept.
    public var userHash: String
    public var conversations: Int
    public var turns: Int
    public var accounts: Int
    public var changeFeedRows: Int?
    public var ledgerEntries: Int
    public var bytesReclaimed: Int64
    public var seconds: Double
    public var scrub: ScrubState
    public var auditID: Int64
}

public enum HoldTarget: Sendable, Equatable {
    case user(String)
    case conversation(String)
}

public struct HoldChange: Sendable, Equatable {
    /// "user 12" or "conversation 40".
    public var subject: String
    public var held: Bool
    public var changed: Bool
}

public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var selection: String?
    public var conversations: Int
    public var turns: Int
    public var bytesReclaimed: Int64?
    public var seconds: Double?
    public var outcome: String
    public var detail: String?
}

/// One finding of a scan, located and masked.
public struct ScanFinding: Sendable, Equatable {
    public var userID: Int64
    public var userName: String
    public var conversationID: Int64
    public var conversationTitle: String?
    public var turnID: Int64
    public var kind: FindingKind
    /// The text around the finding with every finding in it masked.
    public var excerpt: String
}

public struct ScanReport: Sendable, Equatable {
    public var findings: [ScanFinding]
    public var turnsScanned: Int
    /// True when the scan stopped at its limit of findings.
    public var isTruncated: Bool
}
