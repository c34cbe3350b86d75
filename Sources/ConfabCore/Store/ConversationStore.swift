import Foundation

/// The operations Confab's front ends need from a conversation store.
///
/// The embedded SQLite store implements it; a server backend can implement the same protocol.
/// Listings are keyset-paginated: pass the last item of one page as the cursor of the next.
public protocol ConversationStore: AnyObject {
    func statistics() throws -> StoreStatistics

    /// Users ordered by name (ignoring ASCII case), then id.
    func users(after cursor: UserCursor?, limit: Int) throws -> [UserSummary]

    /// Users whose id (as text), name, external account id or `source:account id` (as `confab users`
    /// prints it) equals `reference`.
    func findUsers(matching reference: String) throws -> [UserSummary]

    /// Conversations by last activity, newest first; conversations with no known time come last.
    func conversations(userID: Int64?, after cursor: ConversationCursor?, limit: Int) throws -> [ConversationSummary]

    func conversation(id: Int64) throws -> ConversationSummary?

    /// Turns of a conversation in thread order (depth, then sibling order).
    func turns(conversationID: Int64, scope: ThreadScope, after cursor: TurnCursor?, limit: Int) throws -> [TurnRecord]

    // MARK: Browsing: pages in both directions, counts and threads

    /// Returns the `limit` users just before `cursor` in the order of `users(after:limit:)`, returned in
    /// that order; the last `limit` users when `cursor` is nil.
    func users(before cursor: UserCursor?, limit: Int) throws -> [UserSummary]

    func userCount() throws -> Int

    /// Returns the number of users that sort before `cursor`: the index of the user it names.
    func userIndex(of cursor: UserCursor) throws -> Int

    /// Returns the `limit` conversations just before `cursor` in the order of
    /// `conversations(userID:after:limit:)`, returned in that order; the last `limit` when
    /// `cursor` is nil.
    func conversations(userID: Int64?, before cursor: ConversationCursor?, limit: Int) throws -> [ConversationSummary]

    func conversationCount(userID: Int64?) throws -> Int

    /// Returns the number of conversations listed before `cursor`: the index of the conversation it names.
    func conversationIndex(userID: Int64?, of cursor: ConversationCursor) throws -> Int

    /// Returns the first 200 characters of the first user message on the default thread of each
    /// conversation in `conversationIDs`, by conversation id, for listing untitled conversations.
    /// Conversations without such a message are left out.
    func firstPrompts(conversationIDs: [Int64]) throws -> [Int64: String]

    /// Turns of `thread` with a position greater than `position` (all when nil), by position.
    func turns(in thread: TurnThread, after position: Int?, limit: Int) throws -> [TurnRecord]

    /// Returns the `limit` turns of `thread` just before `position` (the last ones when nil), by position.
    func turns(in thread: TurnThread, before position: Int?, limit: Int) throws -> [TurnRecord]

    /// Returns the number of turns on `thread`.
    func turnCount(in thread: TurnThread) throws -> Int

    /// Returns the turns that share the parent of turn `turnID`, itself included, in branch order; empty
    /// when no such turn exists.
    func siblings(ofTurn turnID: Int64) throws -> [TurnSibling]

    /// Returns a number that changes whenever another connection or process commits to the store, so a
    /// view can poll it cheaply and reload only when it moved.
    func changeCounter() throws -> Int64

    /// Runs a search and returns one page of hits. A cancelled `cancellation` stops it with
    /// `SearchError.cancelled`; an invalid raw FTS5 query throws `SearchError.invalidRawQuery`.
    func search(_ request: SearchRequest, cancellation: SearchCancellation?) throws -> SearchPage

    /// Starts an import. Nothing it writes is visible to others until `commit`.
    func beginImport(format: ImportFormat, filePath: String, fileBytes: Int64?) throws -> any ImportWriter
}

/// Writes the conversations of one import.
public protocol ImportWriter: AnyObject {
    /// Stores one conversation under `owner` unless an identical copy is already stored.
    func write(_ conversation: ImportedConversation, owner: Owner) throws -> WriteResult

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
    /// Skipped because the erased-ids ledger names the conversation or its account.
    case erased
}

/// The outcome of writing one conversation.
public struct WriteResult: Sendable, Equatable {
    public var outcome: WriteOutcome
    /// Turns inserted: all of a new conversation's, the new ones of an updated conversation.
    public var turnsAdded: Int

    public init(outcome: WriteOutcome, turnsAdded: Int) {
        self.outcome = outcome
        self.turnsAdded = turnsAdded
    }
}

/// Figures of one finished import, kept as provenance.
public struct ImportSummary: Sendable, Equatable {
    public var newConversations = 0
    public var updatedConversations = 0
    public var unchangedConversations = 0
    /// Conversations skipped because they were erased or anonymised before.
    public var erasedConversations = 0
    /// Turns inserted, in new and in updated conversations.
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
