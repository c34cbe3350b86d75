/// The records that make up one conversation: a standalone record, or the parts of a split one
/// in the order they arrived.
struct ShareGPTConversationGroup {
    enum PartContent {
        case read(ShareGPTRecord)
        /// A part whose record was skipped as invalid. Its number comes from its id.
        case unreadable
    }

    struct Part {
        var number: Int
        var content: PartContent
    }

    /// The conversation's source id: the record id, or for a split conversation the id before `_<n>`.
    let conversationID: String
    /// True when the records are `_<n>` parts, whose turn ids then start with the part number.
    let isSplit: Bool
    /// Where the group's first record starts, for problem reports.
    let firstLocation: String
    private(set) var parts: [Part] = []
    private var partNumbers: Set<Int> = []

    /// A group of one record whose id has no part number.
    init(standalone record: ShareGPTRecord, conversationID: String, location: String) {
        self.conversationID = conversationID
        isSplit = false
        firstLocation = location
        parts = [Part(number: 0, content: .read(record))]
    }

    /// An empty group for the parts of a split conversation.
    init(splitConversationID: String, location: String) {
        conversationID = splitConversationID
        isSplit = true
        firstLocation = location
    }

    func contains(partNumber: Int) -> Bool {
        partNumbers.contains(partNumber)
    }

    mutating func append(_ content: PartContent, number: Int) {
        parts.append(Part(number: number, content: content))
        partNumbers.insert(number)
    }
}
