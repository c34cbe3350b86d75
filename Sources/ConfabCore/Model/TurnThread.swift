/// One thread of a conversation: a path from a root turn down to a leaf, one turn per position.
public enum TurnThread: Sendable, Hashable {
    /// The thread the user last saw in the source, marked `onDefaultThread` at import.
    case defaultThread(conversationID: Int64)
    /// The thread that passes through a turn: its ancestors, the turn itself, and below it the
    /// path to its newest leaf (latest time, untimed leaves last, then the highest id). A new turn
    /// added under that leaf therefore extends the thread.
    case through(turnID: Int64)
}

/// A turn that shares its parent with others: one choice at a branch point.
public struct TurnSibling: Sendable, Equatable {
    public var id: Int64
    public var branchIndex: Int
    public var onDefaultThread: Bool

    public init(id: Int64, branchIndex: Int, onDefaultThread: Bool) {
        self.id = id
        self.branchIndex = branchIndex
        self.onDefaultThread = onDefaultThread
    }
}
