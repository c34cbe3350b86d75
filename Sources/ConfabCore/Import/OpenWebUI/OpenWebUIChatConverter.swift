import Foundation

/// Builds a conversation from one row of Open WebUI's `chat` table.
///
/// The message tree comes from `chat.history.messages` (every branch) with `history.currentId` as
/// the leaf the user last saw. The top-level `messages` array contains only the current branch, so
/// it is read only when `history` is missing.
enum OpenWebUIChatConverter {
    /// The columns of a `chat` row that the conversation needs; `chat` is the parsed JSON payload.
    struct Row {
        var id: String
        var userID: String
        var title: String?
        var chat: JSONValue
        var createdAt: Date?
        var updatedAt: Date?
        var archived: Bool?
        var pinned: Bool?
        var meta: JSONValue?
        var folderID: String?
        /// Problems with optional columns, such as `meta` that is not valid JSON.
        var warnings: [String] = []
    }

    /// The reason a chat has nothing to import, with the field at fault.
    struct Failure: Error {
        var field: String
        var reason: String
    }

    static func conversation(_ row: Row, directory: OpenWebUIDirectory,
                             repairs: inout TextRepairs) throws(Failure) -> ImportedConversation {
        var warnings = row.warnings
        let (messages, currentID) = try messageList(row.chat, warnings: &warnings)

        var turns: [ImportedTurn] = []
        for message in messages {
            turns += OpenWebUIMessageConverter.turns(id: message.id, message: message.value, parent: message.parentID,
                                                     repairs: &repairs)
        }
        guard !turns.isEmpty else {
            throw Failure(field: "chat.history.messages", reason: "the chat has no messages")
        }

        let chat = row.chat
        let title = nonEmpty(row.title) ?? nonEmpty(chat["title"]?.stringValue)
        let model = nonEmpty(chat["models"]?.arrayValue?.first?.stringValue) ?? turns.first { $0.model != nil }?.model
        let chatTimestamp = chat["timestamp"].flatMap(TimestampParser.parse)

        return ImportedConversation(
            sourceID: row.id,
            user: directory.user(id: row.userID),
            persona: persona(chat),
            title: title,
            model: model,
            createdAt: row.createdAt ?? chatTimestamp,
            updatedAt: row.updatedAt ?? row.createdAt ?? chatTimestamp,
            tags: tags(row, directory: directory),
            metadataJSON: metadata(row, directory: directory),
            turns: turns,
            defaultLeafSourceID: currentID,
            warnings: warnings)
    }

    // MARK: Messages

    private struct Message {
        var id: String
        var parentID: String?
        var value: JSONValue
    }

    private static func messageList(_ chat: JSONValue, warnings: inout [String]) throws(Failure) -> ([Message], String?) {
        guard chat.objectValue != nil else {
            throw Failure(field: "chat", reason: "the chat payload is not a JSON object")
        }
        if let tree = chat["history"]?["messages"]?.objectValue {
            return (treeMessages(tree, warnings: &warnings), chat["history"]?["currentId"]?.stringValue)
        }
        if let list = chat["messages"]?.arrayValue {
            warnings.append("chat.history is missing; read the linear chat.messages list instead")
            return (linearMessages(list, warnings: &warnings), nil)
        }
        throw Failure(field: "chat.history.messages", reason: "neither history.messages nor messages is present")
    }

    /// Messages of `history.messages`. A message without `parentId` takes the message that lists
    /// it in `childrenIds` as its parent.
    private static func treeMessages(_ tree: JSONObject, warnings: inout [String]) -> [Message] {
        var parentByChild: [String: String] = [:]
        for member in tree.members {
            let id = member.value["id"]?.stringValue ?? member.key
            for child in member.value["childrenIds"]?.arrayValue ?? [] {
                if let childID = child.stringValue, parentByChild[childID] == nil {
                    parentByChild[childID] = id
                }
            }
        }

        var messages: [Message] = []
        for member in tree.members {
            guard member.value.objectValue != nil else {
                warnings.append("message \(member.key) is not a JSON object and was skipped")
                continue
            }
            let id = member.value["id"]?.stringValue ?? member.key
            let parent = member.value["parentId"]?.stringValue ?? parentByChild[id]
            messages.append(Message(id: id, parentID: parent, value: member.value))
        }
        return messages
    }

    private static func linearMessages(_ list: [JSONValue], warnings: inout [String]) -> [Message] {
        var messages: [Message] = []
        for (index, value) in list.enumerated() {
            guard value.objectValue != nil else {
                warnings.append("message \(index) of chat.messages is not a JSON object and was skipped")
                continue
            }
            let id = value["id"]?.stringValue ?? String(index)
            let parent = value["parentId"]?.stringValue ?? messages.last?.id
            messages.append(Message(id: id, parentID: parent, value: value))
        }
        return messages
    }

    // MARK: Conversation fields

    /// Reads the chat's own system prompt: `params.system`, or `options.system` in older versions.
    private static func persona(_ chat: JSONValue) -> ImportedPersona? {
        let prompt = nonEmpty(chat["params"]?["system"]?.stringValue)
            ?? nonEmpty(chat["options"]?["system"]?.stringValue)
            ?? nonEmpty(chat["system"]?.stringValue)
        return prompt.map { ImportedPersona(kind: .systemPrompt, prompt: $0) }
    }

    /// Tags from `meta.tags` (tag ids), the old `chatidtag` table and the chat JSON's own `tags`,
    /// shown by name and without repeats.
    private static func tags(_ row: Row, directory: OpenWebUIDirectory) -> [String] {
        var names: [String] = []
        for tag in row.meta?["tags"]?.arrayValue ?? [] {
            if let id = tag.stringValue {
                names.append(directory.tagName(id, userID: row.userID))
            }
        }
        names += directory.linkedTags(chatID: row.id)
        for tag in row.chat["tags"]?.arrayValue ?? [] {
            if let name = tag.stringValue ?? tag["name"]?.stringValue {
                names.append(directory.tagName(name, userID: row.userID))
            }
        }

        var seen: Set<String> = []
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// `{"archived": …, "pinned": …, "folder": "Parent/Child"}` with the fields the row has.
    private static func metadata(_ row: Row, directory: OpenWebUIDirectory) -> String? {
        var members: [(key: String, value: JSONValue)] = []
        if let archived = row.archived {
            members.append(("archived", .bool(archived)))
        }
        if let pinned = row.pinned {
            members.append(("pinned", .bool(pinned)))
        }
        if let folderID = row.folderID, !folderID.isEmpty {
            if let path = directory.folderPath(folderID) {
                members.append(("folder", .string(path)))
            } else {
                members.append(("folder_id", .string(folderID)))
            }
        }
        return members.isEmpty ? nil : JSONValue.object(JSONObject(members)).serialized()
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
