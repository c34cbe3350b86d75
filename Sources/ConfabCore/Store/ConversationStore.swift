import Foundation

/// The operations Confab's front ends need from a conversation store.
///
/// The embedded SQLite store implements it; a server backend can implement the same protocol.
/// Listings are keyset-paginated: pass the last item of one page as the cursor of the next.
public protocol ConversationStore: AnyObject {
    func statistics() throws -> StoreStatistics

    /// Users ordered by name (ignoring ASCII case), then id.
    func users(after cursor: UserCursor?, limit: Int) throws -> [UserSummary]

    /// Users whose id (as text), name or external account id equals `reference`.
    func findUsers(matching reference: String) throws -> [UserSummary]

    /// Conversations by last activity, newest first; conversations with no known time come last.
    func conversations(userID: Int64?, after cursor: ConversationCursor?, limit: Int) throws -> [ConversationSummary]

    func conversation(id: Int64) throws -> ConversationSummary?

    /// Turns of a conversation in thread order (depth, then sibling order).
    func turns(conversationID: Int64, scope: ThreadScope, after cursor: TurnCursor?, limit: Int) throws -> [TurnRecord]

    /// A number that changes whenever another connection or process commits to the store, so a
    /// view can poll it cheaply and reload only when it moved.
    func changeCounter() throws -> Int64

    /// Starts an import. Nothing it writes is visible to others until `commit`.
    func beginImport(format: ImportFormat, filePath: String, fileBytes: Int64?) throws -> any ImportWriter
}

/// Writes the conversations of one import.
public protocol ImportWriter: AnyObject {
    /// Stores one conversation under `owner` unless an identical copy is already stored.
    func write(_ conversation: ImportedConversation, owner: Owner) throws -> WriteOutcome

    /// Makes everything written visible and records the import's figures.
    func commit(_ summary: ImportSummary) throws

    /// Discards everything written since `beginImport`.
    func rollback()
}

/// Who a conversation belongs to, as the import session decided.
public enum Owner: Hashable, Sendable {
    /// An account the export names, keyed by its id in that source.
    case account(source: String, externalID: String, name: String?)
    /// A user chosen by name (`--user NAME`); created when no user has that name.
    case named(String)
}

public enum WriteOutcome: String, Sendable {
    case new
    case updated
    case unchanged
}

/// Figures of one finished import, kept as provenance.
public struct ImportSummary: Sendable, Equatable {
    public var newConversations = 0
    public var updatedConversations = 0
    public var unchangedConversations = 0
    public var newTurns = 0
    public var skipped: [ImportProblem] = []
    public var invalidUTF8 = 0
    public var loneSurrogates = 0
    /// True when the file ended early and only its complete conversations were kept.
    public var isPartial = false

    public init() {}
}

public struct UserCursor: Sendable, Equatable {
    public var name: String
    public var id: Int64

    public init(name: String, id: Int64) {
        self.name = name
        self.id = id
    }
}

public struct ConversationCursor: Sendable, Equatable {
    public var updatedAt: Date?
    public var id: Int64

    public init(updatedAt: Date?, id: Int64) {
        self.updatedAt = updatedAt
        self.id = id
    }
}

public struct TurnCursor: Sendable, Equatable {
    public var position: Int
    public var branchIndex: Int
    public var id: Int64

    public init(position: Int, branchIndex: Int, id: Int64) {
        self.position = position
        self.branchIndex = branchIndex
        self.id = id
    }
}
