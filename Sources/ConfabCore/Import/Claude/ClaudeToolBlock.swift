/// Display text for Claude's `tool_use` and `tool_result` blocks. The blocks themselves are kept
/// raw on their turns.
enum ClaudeToolBlock {
    /// Returns the readable part of a tool call's `input`: an artifact's title and content (or the
    /// replacement text of an update), a search query, or else the input as compact JSON.
    static func inputText(_ input: JSONValue?) -> String {
        guard case let .object(object)? = input else {
            return input.map { $0.isNull ? "" : $0.serialized() } ?? ""
        }

        let title = object["title"]?.stringValue ?? ""
        if let body = object["content"]?.stringValue ?? object["new_str"]?.stringValue {
            return [title, body].filter { !$0.isEmpty }.joined(separator: "\n")
        }
        if let query = object["query"]?.stringValue {
            return query
        }
        return JSONValue.object(object).serialized()
    }

    /// Renders a tool result's `content`: text items as they are, knowledge items (search
    /// hits) as their title and URL, anything else as a placeholder, one item per line.
    static func resultText(_ content: JSONValue?) -> String {
        switch content {
        case let .string(text)?:
            return text
        case let .array(items)?:
            return items.map(itemText).filter { !$0.isEmpty }.joined(separator: "\n")
        case nil, .null?:
            return ""
        case let other?:
            return other.serialized()
        }
    }

    private static func itemText(_ item: JSONValue) -> String {
        if case let .string(text) = item {
            return text
        }
        let type = item["type"]?.stringValue ?? ""
        switch type {
        case "text":
            return item["text"]?.stringValue ?? ""
        case "knowledge":
            return [item["title"]?.stringValue, item["url"]?.stringValue]
                .compactMap { $0 }
                .filter { !$0.isEmpty }
                .joined(separator: "\n")
        default:
            return Placeholder.unsupported(type)
        }
    }
}
