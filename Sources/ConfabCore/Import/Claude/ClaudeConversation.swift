/// Converts one conversation object of a Claude.ai export into an `ImportedConversation`.
enum ClaudeConversation {
    /// Conversation fields kept in `metadataJSON` when present, not null and not "".
    static let keptMetadataKeys = ["summary", "is_starred", "project"]

    /// Reads `value`. `accountNames` maps account uuids to the names in `users.json`; `fallbackID`
    /// becomes the conversation id when `uuid` is missing. Throws when `value` is not an object,
    /// `chat_messages` is missing or not an array, or a message has the wrong shape.
    static func read(_ value: JSONValue, accountNames: [String: String], fallbackID: String) throws(RecordFieldError) -> ImportedConversation {
        guard case let .object(object) = value else {
            throw RecordFieldError(field: nil, reason: "expected a conversation object, found \(RecordFieldError.describe(value))")
        }

        let id = nonEmpty(object["uuid"]?.stringValue)
        do {
            return try read(object, id: id, accountNames: accountNames, fallbackID: fallbackID)
        } catch {
            var failure = error
            failure.conversationID = id
            throw failure
        }
    }

    private static func read(
        _ object: JSONObject, id: String?, accountNames: [String: String], fallbackID: String
    ) throws(RecordFieldError) -> ImportedConversation {
        guard let messagesValue = object["chat_messages"] else {
            throw .missing("chat_messages")
        }
        guard case let .array(messageValues) = messagesValue else {
            throw .wrongType("chat_messages", expected: "an array", found: messagesValue)
        }

        var warnings: [String] = []
        var messages: [ClaudeMessage] = []
        var seen = Set<String>()
        for (index, messageValue) in messageValues.enumerated() {
            let message = try ClaudeMessage(messageValue, index: index)
            guard seen.insert(message.uuid).inserted else {
                warnings.append("message \(message.uuid) appears more than once; only the first was imported")
                continue
            }
            if message.hasSynthesisedID {
                warnings.append("message \(index) has no uuid; its id is \(message.uuid)")
            }
            messages.append(message)
        }

        let parentIndex = parentIndices(messages)
        var turns: [ImportedTurn] = []
        for (index, message) in messages.enumerated() {
            let parentTurnID = parentIndex[index].map { messages[$0].lastTurnID }
            turns += message.turns(parentTurnID: parentTurnID)
        }

        if id == nil {
            warnings.append("the conversation has no uuid; its id is \(fallbackID)")
        }
        let user = nonEmpty(object["account"]?["uuid"]?.stringValue).map {
            ImportedUser(externalID: $0, name: accountNames[$0])
        }
        // The official export has no current-leaf pointer; shapes derived from the API do.
        let currentLeaf = nonEmpty(object["current_leaf_message_uuid"]?.stringValue).flatMap { leaf in
            messages.first { $0.uuid == leaf }?.lastTurnID
        }

        return ImportedConversation(
            sourceID: id ?? fallbackID,
            user: user,
            title: nonEmpty(object["name"]?.stringValue),
            model: nonEmpty(object["model"]?.stringValue),
            createdAt: object["created_at"].flatMap { TimestampParser.parse($0) },
            updatedAt: object["updated_at"].flatMap { TimestampParser.parse($0) },
            metadataJSON: metadataJSON(of: object),
            turns: turns,
            defaultLeafSourceID: currentLeaf,
            warnings: warnings
        )
    }

    /// Resolves each message's parent to its index, or nil for a root. A parent uuid that names no
    /// message makes a root, and so does the message that closes a loop of parents.
    static func parentIndices(_ messages: [ClaudeMessage]) -> [Int?] {
        var indexByUUID: [String: Int] = [:]
        for (index, message) in messages.enumerated() {
            indexByUUID[message.uuid] = index
        }

        var parent: [Int?] = messages.indices.map { index in
            switch messages[index].parent {
            case .root:
                return nil
            case .previous:
                return index > 0 ? index - 1 : nil
            case let .message(uuid):
                return indexByUUID[uuid].flatMap { $0 == index ? nil : $0 }
            }
        }
        ConversationTree.breakCycles(&parent)
        return parent
    }

    private static func metadataJSON(of object: JSONObject) -> String? {
        let kept = keptMetadataKeys.compactMap { key -> (key: String, value: JSONValue)? in
            guard let value = object[key], !value.isNull, value != .string("") else { return nil }
            return (key, value)
        }
        return kept.isEmpty ? nil : JSONValue.object(JSONObject(kept)).serialized()
    }

    private static func nonEmpty(_ string: String?) -> String? {
        guard let string, !string.isEmpty else { return nil }
        return string
    }
}
