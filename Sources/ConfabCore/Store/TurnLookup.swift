/// Reads one turn by id, so a view can open a conversation at a turn it found elsewhere, such as
/// a search hit.
///
/// A protocol of its own rather than a `ConversationStore` requirement, so backends add it
/// without touching the main protocol; `SQLiteStore` implements it.
public protocol TurnLookup: AnyObject {
    /// Returns the turn with `id`, with its position, branch and attachments; nil when no turn
    /// has that id.
    func turn(id: Int64) throws -> TurnRecord?
}
