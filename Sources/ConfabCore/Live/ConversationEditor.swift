/// Edits conversation metadata (title, tags, archived) with optimistic concurrency.
///
/// Every conversation carries a version that each edit increments. An edit names the version and
/// the values it read. When the stored version has moved on since, the edit is resolved field by
/// field instead of overwriting what another writer committed (rule in docs/health.md).
public protocol ConversationEditor: AnyObject {
    /// Returns the conversation's current metadata, nil when no conversation has that id.
    func metadata(ofConversation conversationID: Int64) throws -> ConversationMetadata?

    /// Applies `edit` to the metadata `base` that the caller read, and returns what happened.
    /// Throws `LiveWriteError.conversationNotFound` for an unknown id.
    func edit(_ edit: ConversationEdit, base: ConversationMetadata, onStale policy: StaleEditPolicy) throws -> EditOutcome
}

extension ConversationEditor {
    public func edit(_ edit: ConversationEdit, base: ConversationMetadata) throws -> EditOutcome {
        try self.edit(edit, base: base, onStale: .mergeFields)
    }
}

/// The handling of an edit whose base version is no longer the stored one.
public enum StaleEditPolicy: Sendable {
    /// Resolve field by field: fields changed since keep their value, the rest apply.
    case mergeFields
    /// Apply nothing: a compare-and-set for callers that name the version they expect.
    case rejectAll
}

/// The metadata of one conversation at one version.
public struct ConversationMetadata: Sendable, Equatable {
    public var conversationID: Int64
    public var version: Int64
    public var title: String?
    /// Tag names, sorted.
    public var tags: [String]
    public var isArchived: Bool

    public init(conversationID: Int64, version: Int64, title: String?, tags: [String], isArchived: Bool) {
        self.conversationID = conversationID
        self.version = version
        self.title = title
        self.tags = tags
        self.isArchived = isArchived
    }
}

/// Changes to a conversation's metadata; nil and empty fields are left alone.
public struct ConversationEdit: Sendable, Equatable {
    /// The new title; `.some(nil)` removes it.
    public var title: String??
    public var addTags: [String]
    public var removeTags: [String]
    public var isArchived: Bool?

    public init(title: String?? = nil, addTags: [String] = [], removeTags: [String] = [], isArchived: Bool? = nil) {
        self.title = title
        self.addTags = addTags
        self.removeTags = removeTags
        self.isArchived = isArchived
    }

    public var isEmpty: Bool { title == nil && addTags.isEmpty && removeTags.isEmpty && isArchived == nil }
}

/// The result of one metadata edit.
public struct EditOutcome: Sendable, Equatable {
    public enum Resolution: Sendable, Equatable {
        /// The base version was current: everything was applied.
        case applied
        /// The base was stale, but no edit since touched the same fields: everything was applied.
        case merged
        /// The base was stale and a later edit changed some of the same fields: those fields keep
        /// the committed value and the rest was applied. Tags never conflict: additions and
        /// removals apply to the current set.
        case rejected(fields: [String])
    }

    public var resolution: Resolution
    /// The metadata after the edit, as stored.
    public var current: ConversationMetadata
    public var busyRetries: Int
}

/// A live write that could not be made.
public enum LiveWriteError: Error, Equatable, CustomStringConvertible {
    case conversationNotFound(Int64)
    /// A retention run is deleting the conversation, so it takes no new turns.
    case conversationBeingDeleted(Int64)
    case parentNotFound(conversationID: Int64, turnID: Int64)
    case invalidTag(String)
    /// The store stayed locked by other writers for longer than the writer waits.
    case busyTimeout(retries: Int, milliseconds: Int)

    public var description: String {
        switch self {
        case .conversationNotFound(let id):
            "conversation \(id) not found; list conversations with 'confab conversations'"
        case .conversationBeingDeleted(let id):
            "conversation \(id) is being deleted by a retention run and takes no new turns; start a new conversation"
        case .parentNotFound(let conversationID, let turnID):
            "turn \(turnID) is not a turn of conversation \(conversationID)"
        case .invalidTag(let name):
            LiveWriteError.tagProblem(name)
        case .busyTimeout(let retries, let milliseconds):
            "the store stayed locked by other writers for \(milliseconds) ms (\(retries) retries); try again, or look for a stuck writer among the processes that have the store's -wal file open (fuser or lsof)"
        }
    }

    /// Names what makes `name` invalid as a tag: the first of the rules that it breaks.
    private static func tagProblem(_ name: String) -> String {
        let shown = name.debugDescription
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "invalid tag \(shown): tags cannot contain control characters"
        }
        if name.contains(",") {
            return "invalid tag \(shown): tags cannot contain commas, which separate tags"
        }
        return "invalid tag \(shown): a tag needs at least one character that is not a space"
    }
}
