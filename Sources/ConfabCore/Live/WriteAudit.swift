/// Compares the turns a store contains with the turns whose commit writers acknowledged.
public protocol WriteAudit: AnyObject {
    /// Returns the ids among `turnIDs` that name a stored turn.
    func storedTurnIDs(among turnIDs: [Int64]) throws -> Set<Int64>

    /// Returns the number of turns stored in the given conversations.
    func turnCount(inConversations conversationIDs: [Int64]) throws -> Int
}
