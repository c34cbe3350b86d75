@testable import ConfabCore

/// Builders for hand-written ChatGPT export JSON, and a run of the importer over it. Every string
/// goes through `JSONValue.stringLiteral`, so fixtures may contain quotes, newlines and private-use
/// characters.
enum ChatGPTFixture {
    /// Writes `json` as `conversations.json` (plus any `besides` files) into a fresh folder and
    /// imports it with `ChatGPTImporter`.
    static func run(_ json: String, besides: [String: String] = [:]) throws -> ImportOutcome {
        try ChatGPTImporter().outcome(reading: json, writtenAs: "conversations.json", besides: besides)
    }

    static func quoted(_ text: String?) -> String {
        text.map(JSONValue.stringLiteral) ?? "null"
    }

    /// Builds a `mapping` node. `message` is message JSON, or nil for a pass-through node.
    static func node(_ id: String, parent: String?, children: [String], message: String?) -> String {
        let childList = children.map(quoted).joined(separator: ",")
        return "\(quoted(id)):{\"id\":\(quoted(id)),\"message\":\(message ?? "null"),\"parent\":\(quoted(parent)),\"children\":[\(childList)]}"
    }

    /// Builds a message with `text` content of one part.
    static func textMessage(
        _ id: String, role: String, text: String, metadata: String = "{}", weight: String = "1.0", extra: String = ""
    ) -> String {
        message(id, role: role, content: "{\"content_type\":\"text\",\"parts\":[\(quoted(text))]}",
                metadata: metadata, weight: weight, extra: extra)
    }

    /// Builds a message with the given content JSON. `extra` adds members that the parameters do not cover.
    static func message(
        _ id: String, role: String, authorName: String? = nil, content: String, metadata: String = "{}",
        weight: String = "1.0", recipient: String = "all", createTime: String = "null", extra: String = ""
    ) -> String {
        let tail = extra.isEmpty ? "" : "," + extra
        return "{\"id\":\(quoted(id)),\"author\":{\"role\":\(quoted(role)),\"name\":\(quoted(authorName)),\"metadata\":{}},"
            + "\"create_time\":\(createTime),\"content\":\(content),\"weight\":\(weight),\"metadata\":\(metadata),"
            + "\"recipient\":\(quoted(recipient))\(tail)}"
    }

    /// Builds a conversation object from results of `node`. `extra` adds members.
    static func conversation(_ id: String, nodes: [String], currentNode: String? = nil, extra: String = "") -> String {
        let tail = extra.isEmpty ? "" : "," + extra
        return "{\"title\":\"Fixture\",\"create_time\":1695326273.5,\"mapping\":{\(nodes.joined(separator: ","))},\"current_node\":\(quoted(currentNode)),\"conversation_id\":\(quoted(id))\(tail)}"
    }

    /// Builds a conversation of one message under a pass-through root, for tests about anything
    /// but the tree.
    static func simpleConversation(_ id: String, message: String, extra: String = "") -> String {
        conversation(id, nodes: [
            node("root", parent: nil, children: ["m"], message: nil),
            node("m", parent: "root", children: [], message: message),
        ], currentNode: "m", extra: extra)
    }
}
