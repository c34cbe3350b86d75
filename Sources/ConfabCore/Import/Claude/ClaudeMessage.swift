import Foundation

/// One entry of a Claude conversation's `chat_messages`, cut into the turns it becomes.
struct ClaudeMessage {
    /// The position of a message in the tree, from its `parent_message_uuid`.
    enum Parent: Equatable {
        /// `parent_message_uuid` is null or the root sentinel.
        case root
        case message(String)
        /// The message has no `parent_message_uuid`: older exports are linear, so the previous
        /// message is its parent.
        case previous
    }

    /// The parent id Claude gives the first message of a conversation.
    static let rootSentinel = "00000000-0000-4000-8000-000000000000"

    let uuid: String
    let parent: Parent
    let createdAt: Date?
    let segments: [ClaudeSegment]
    let files: ClaudeAttachments
    /// Set when the message had no `uuid` and `uuid` was made from its index.
    let hasSynthesisedID: Bool

    /// Reads message number `index`. Throws when it is not an object, `sender` is missing, or
    /// `content` is not an array, a string or null.
    init(_ value: JSONValue, index: Int) throws(RecordFieldError) {
        let path = "chat_messages[\(index)]"
        guard case let .object(message) = value else {
            throw .wrongType(path, expected: "a message object", found: value)
        }
        guard let sender = message["sender"]?.stringValue else {
            throw .missing("\(path).sender")
        }
        let role = Self.role(sender: sender)

        let blocks: [JSONValue]
        switch message["content"] {
        case nil, .null?:
            blocks = []
        case let .array(array)?:
            blocks = array
        case let .string(text)?:
            blocks = [.object(JSONObject([("type", .string("text")), ("text", .string(text))]))]
        case let other?:
            throw .wrongType("\(path).content", expected: "an array of blocks", found: other)
        }

        // `text` flattens the blocks (thinking and answer glued together), so it is read only
        // when the blocks give nothing.
        var segments = ClaudeSegment.segments(of: blocks, role: role)
        if segments.isEmpty {
            segments = [ClaudeSegment(blockIndex: nil, role: role, kind: .message, text: message["text"]?.stringValue ?? "")]
        }
        if role == .system && sender != "system" {
            for index in segments.indices where segments[index].kind == .message {
                segments[index].author = sender
            }
        }

        let uuid = message["uuid"]?.stringValue ?? ""
        self.uuid = uuid.isEmpty ? String(index) : uuid
        hasSynthesisedID = uuid.isEmpty
        parent = Self.parent(message["parent_message_uuid"])
        createdAt = message["created_at"].flatMap { TimestampParser.parse($0) }
        self.segments = segments
        files = ClaudeAttachments(message: message)
    }

    /// Maps `sender` onto a role: `human` and `assistant` as the export writes them, and `user` and
    /// `system` as some tools do. Any other sender is read as system, with the original word kept
    /// as the author.
    static func role(sender: String) -> Role {
        switch sender {
        case "human", "user": .user
        case "assistant": .assistant
        default: .system
        }
    }

    private static func parent(_ value: JSONValue?) -> Parent {
        switch value {
        case nil:
            return .previous
        case let .string(id)? where !id.isEmpty && id != rootSentinel:
            return .message(id)
        default:
            return .root
        }
    }

    /// The index of the segment that carries the message's own uuid and its files: the last
    /// text segment (the answer), else the last segment.
    var primaryIndex: Int {
        segments.lastIndex { $0.kind == .message } ?? segments.count - 1
    }

    /// Returns the id of segment `index`: the message uuid for the primary segment,
    /// `<uuid>#<block index>` for the others.
    func turnID(_ index: Int) -> String {
        if index == primaryIndex {
            return uuid
        }
        return "\(uuid)#\(segments[index].blockIndex ?? index)"
    }

    /// The id of the last turn, where replies to this message attach.
    var lastTurnID: String {
        turnID(segments.count - 1)
    }

    /// Builds the message's turns as a chain: the first hangs from `parentTurnID`, each next one from
    /// the one before.
    func turns(parentTurnID: String?) -> [ImportedTurn] {
        var turns: [ImportedTurn] = []
        var parentID = parentTurnID
        for (index, segment) in segments.enumerated() {
            let isPrimary = index == primaryIndex
            var text = segment.text
            var attachments: [ImportedAttachment] = []
            var raw: [(key: String, value: JSONValue)] = []

            if isPrimary {
                text = (files.placeholders + [text]).filter { !$0.isEmpty }.joined(separator: "\n")
                attachments = files.attachments
                if !files.rawWithContent.isEmpty {
                    raw.append(("attachments", .array(files.rawWithContent)))
                }
            }
            if !segment.rawBlocks.isEmpty {
                raw.append(("blocks", .array(segment.rawBlocks)))
            }

            let id = turnID(index)
            turns.append(ImportedTurn(
                sourceID: id,
                parentSourceID: parentID,
                role: segment.role,
                kind: segment.kind,
                author: segment.author,
                text: text,
                createdAt: isPrimary ? createdAt ?? segment.startedAt : segment.startedAt ?? createdAt,
                rawPayloadJSON: raw.isEmpty ? nil : JSONValue.object(JSONObject(raw)).serialized(),
                attachments: attachments))
            parentID = id
        }
        return turns
    }
}
