import Foundation

/// What one row of the change feed records.
public enum ChangeKind: Hashable, Sendable {
    case turnAppended
    case conversationCreated
    case conversationEdited
    case conversationImported
    /// A kind this build does not know, written by a newer Confab or another tool.
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "turn_appended": self = .turnAppended
        case "conversation_created": self = .conversationCreated
        case "conversation_edited": self = .conversationEdited
        case "conversation_imported": self = .conversationImported
        default: self = .other(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .turnAppended: "turn_appended"
        case .conversationCreated: "conversation_created"
        case .conversationEdited: "conversation_edited"
        case .conversationImported: "conversation_imported"
        case .other(let name): name
        }
    }
}

/// One committed change, as the change feed stores it.
public struct ChangeRecord: Sendable, Equatable {
    /// Position in the feed: increases with every change and is never reused.
    public var sequence: Int64
    /// The writer's wall-clock time just before its transaction committed, in seconds since the
    /// Unix epoch.
    public var committedAt: Double
    public var kind: ChangeKind
    public var userID: Int64?
    public var conversationID: Int64?
    public var turnID: Int64?
    /// The conversation's metadata version after the change.
    public var version: Int64?
    /// How often the writer found the store locked before the change committed.
    public var busyRetries: Int
    /// How a write conflict was resolved (`branched`, `merged`, `rejected:title`), nil without one.
    public var conflict: String?
    public var writerPID: Int32?

    public init(
        sequence: Int64, committedAt: Double, kind: ChangeKind, userID: Int64? = nil, conversationID: Int64? = nil,
        turnID: Int64? = nil, version: Int64? = nil, busyRetries: Int = 0, conflict: String? = nil, writerPID: Int32? = nil
    ) {
        self.sequence = sequence
        self.committedAt = committedAt
        self.kind = kind
        self.userID = userID
        self.conversationID = conversationID
        self.turnID = turnID
        self.version = version
        self.busyRetries = busyRetries
        self.conflict = conflict
        self.writerPID = writerPID
    }
}

/// The changes a reader asked for, and whether some it never saw were pruned first.
public struct ChangeBatch: Sendable, Equatable {
    public var changes: [ChangeRecord]
    /// True when changes after the reader's sequence were pruned before it looked: the reader
    /// missed some and should reload what it shows instead of applying the batch.
    public var isTruncated: Bool
    /// The sequence to pass as `after` for the next batch: the last change returned, or the
    /// reader's own sequence when none was.
    public var cursor: Int64
    /// The newest sequence in the feed when the batch was read. It is beyond `cursor` when the
    /// batch stopped at its limit.
    public var latestSequence: Int64

    public init(changes: [ChangeRecord], isTruncated: Bool, cursor: Int64, latestSequence: Int64) {
        self.changes = changes
        self.isTruncated = isTruncated
        self.cursor = cursor
        self.latestSequence = latestSequence
    }
}
