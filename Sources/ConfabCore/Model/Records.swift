import Foundation

/// A user as listings show it.
public struct UserSummary: Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var name: String
    public var legalHold: Bool
    /// The account ids this user has in each source.
    public var externalIDs: [ExternalAccount]
    public var conversationCount: Int
    /// The newest `updatedAt` of the user's conversations; nil when none has a known time.
    public var lastActivityAt: Date?
}

/// A user's account id in one source.
public struct ExternalAccount: Sendable, Equatable, Hashable {
    public var source: String
    public var externalID: String
}

/// A conversation as listings show it.
public struct ConversationSummary: Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var userID: Int64
    public var userName: String
    public var source: String
    public var sourceID: String
    public var title: String?
    public var model: String?
    public var turnCount: Int
    public var createdAt: Date?
    /// Last activity: the later of the export's update time and the newest turn.
    public var updatedAt: Date?
}

/// Which turns of a conversation to read.
public enum ThreadScope: Sendable {
    /// Only the thread the user last saw.
    case defaultThread
    /// Every turn of every branch, in tree order (depth, then sibling order).
    case allBranches
}

/// One stored turn.
public struct TurnRecord: Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var conversationID: Int64
    public var parentID: Int64?
    public var sourceID: String
    public var position: Int
    public var branchIndex: Int
    /// How many turns share this turn's parent (1 when the turn has no siblings).
    public var siblingCount: Int
    public var onDefaultThread: Bool
    public var role: Role
    public var kind: TurnKind
    public var author: String?
    public var model: String?
    public var text: String
    public var createdAt: Date?
    public var rawPayloadJSON: String?
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var generationSeconds: Double?
    public var attachments: [ImportedAttachment]
}

/// Counts and sizes of a whole store.
public struct StoreStatistics: Sendable, Equatable {
    public var users: Int
    public var conversations: Int
    public var turns: Int
    /// Main database file plus its WAL, in bytes.
    public var databaseBytes: Int64
    public var walBytes: Int64
    public var pageSize: Int
    public var pageCount: Int
    public var freelistCount: Int
    public var turnsByKind: [String: Int]
    public var conversationsBySource: [String: Int]
    public var imports: Int
    public var oldestTurnAt: Date?
    public var newestTurnAt: Date?
}
