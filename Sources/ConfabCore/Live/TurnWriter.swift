import Foundation

/// Appends turns and starts conversations, one transaction each, from any number of processes.
///
/// Concurrent appends never lose or reorder a turn: a turn that answers a tip that another writer
/// extended first becomes a new branch beside that writer's turn (see docs/health.md).
public protocol TurnWriter: AnyObject {
    /// Creates an empty conversation for `userName` (created when no user has that name).
    func startConversation(_ request: NewConversation) throws -> StartedConversation

    /// Appends one turn and returns where it landed.
    func appendTurn(_ request: TurnAppend) throws -> AppendedTurn

    /// Returns the newest turn on the conversation's default thread, nil for an empty one or an
    /// unknown id.
    func tip(ofConversation conversationID: Int64) throws -> Int64?

    /// Figures of this writer since it was made.
    var writeStatistics: WriteStatistics { get }
}

public struct NewConversation: Sendable, Equatable {
    public var userName: String
    public var title: String?
    public var model: String?
    /// The conversation's source, as `confab conversations` lists it: `live` unless a caller names
    /// its own, such as `simulate`.
    public var source: String

    public init(userName: String, title: String? = nil, model: String? = nil, source: String = "live") {
        self.userName = userName
        self.title = title
        self.model = model
        self.source = source
    }
}

public struct StartedConversation: Sendable, Equatable {
    public var conversationID: Int64
    public var userID: Int64
    public var busyRetries: Int
}

/// A turn to append.
public struct TurnAppend: Sendable, Equatable {
    public enum Parent: Sendable, Equatable {
        /// The default thread's newest turn as it is when the transaction starts: never a branch.
        case currentTip
        /// The turn the writer saw as the tip; a root turn when nil. When another writer has
        /// already answered it, the new turn becomes a branch.
        case turn(Int64?)
    }

    public var conversationID: Int64
    public var parent: Parent
    public var role: Role
    public var kind: TurnKind
    public var text: String
    public var model: String?
    public var createdAt: Date

    public init(
        conversationID: Int64, parent: Parent, role: Role, kind: TurnKind = .message, text: String,
        model: String? = nil, createdAt: Date = Date()
    ) {
        self.conversationID = conversationID
        self.parent = parent
        self.role = role
        self.kind = kind
        self.text = text
        self.model = model
        self.createdAt = createdAt
    }
}

/// Where an appended turn landed.
public struct AppendedTurn: Sendable, Equatable {
    public var turnID: Int64
    public var parentID: Int64?
    public var position: Int
    public var branchIndex: Int
    /// True when another writer had already answered the same parent, so this turn opened a
    /// branch off the default thread.
    public var isBranch: Bool
    public var busyRetries: Int
    /// The sequence of the change-feed row written with the turn.
    public var changeSequence: Int64
}

/// Counters of one writer: busy retries, conflicts and what was written.
public struct WriteStatistics: Sendable, Equatable {
    public var transactions = 0
    public var turnsAppended = 0
    public var busyRetries = 0
    /// Appends that became a branch because another writer answered the tip first.
    public var branchedTurns = 0
    /// Metadata edits whose expected version was stale but that touched other fields than the
    /// edits committed since, so every field was applied.
    public var mergedEdits = 0
    /// Metadata edits that lost at least one field to an edit committed since the version they read.
    public var rejectedEdits = 0

    public init() {}

    /// All conflicts: branched appends and stale edits, merged or rejected.
    public var conflicts: Int { branchedTurns + mergedEdits + rejectedEdits }
}
