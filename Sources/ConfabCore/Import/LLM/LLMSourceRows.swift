import Foundation

/// A fragment used by a prompt, a system prompt or a message part; `content` is nil when the
/// fragment row is missing.
struct LLMFragment {
    var id: Int64
    var content: String? = nil
    var source: String? = nil

    /// The fragment's text, or a placeholder naming it when its row is gone.
    var text: String {
        content ?? Placeholder.file(source ?? "fragment \(id)")
    }
}

/// A row of the `attachments` table. Only its description is read: the `content` BLOB never
/// leaves the source, just its length.
struct LLMAttachment {
    /// The SHA-256 hex id `llm` gives each attachment.
    var id: String
    var mimeType: String?
    var path: String?
    var url: String?
    var contentBytes: Int?

    /// Reads `id, type, path, url, length(content)` starting at column `start`.
    init(_ statement: Statement, from start: Int32, id: String, repairs: inout TextRepairs) {
        self.id = id
        mimeType = statement.text(start, repairs: &repairs)
        path = statement.text(start + 1, repairs: &repairs)
        url = statement.text(start + 2, repairs: &repairs)
        contentBytes = statement.optionalInt(start + 3)
    }

    init(id: String, mimeType: String? = nil, path: String? = nil, url: String? = nil, contentBytes: Int? = nil) {
        self.id = id
        self.mimeType = mimeType
        self.path = path
        self.url = url
        self.contentBytes = contentBytes
    }

    /// The file name: the last component of the path or URL.
    var name: String? {
        if let path, !path.isEmpty {
            return (path as NSString).lastPathComponent
        }
        if let url, let parsed = URL(string: url), !parsed.lastPathComponent.isEmpty, parsed.lastPathComponent != "/" {
            return parsed.lastPathComponent
        }
        return nil
    }

    var imported: ImportedAttachment {
        ImportedAttachment(name: name, mimeType: mimeType, sizeBytes: contentBytes, reference: path ?? url ?? id)
    }

    /// The placeholder for the display text, chosen by MIME type.
    var placeholder: String {
        let type = mimeType?.lowercased() ?? ""
        if type.hasPrefix("image/") { return Placeholder.image(name) }
        if type.hasPrefix("audio/") { return Placeholder.audio(name) }
        if type.hasPrefix("video/") { return Placeholder.video(name) }
        return Placeholder.file(name)
    }
}

/// A tool call: a `tool_calls` row or a message store `tool_call` part.
struct LLMToolCall {
    var name: String?
    /// The arguments as JSON text.
    var arguments: String?
    var toolCallID: String?
}

/// A tool's output: a `tool_results` row or a message store `tool_result` part.
struct LLMToolResult {
    var name: String?
    var output: String?
    var toolCallID: String?
    var exception: String?
    var attachments: [LLMAttachment] = []
}

/// Turn building shared by both stores.
enum LLMTurnText {
    /// Builds the prompt as `llm` 0.27.1 and 0.36 send it: fragment contents, then the typed
    /// prompt, joined by newlines.
    static func prompt(_ prompt: String, fragments: [LLMFragment]) -> String {
        var pieces = fragments.map(\.text)
        if !prompt.isEmpty {
            pieces.append(prompt)
        }
        return pieces.joined(separator: "\n")
    }

    /// Builds the system prompt as `llm` 0.36 combines it: system fragments, then the system
    /// text, each trimmed, empty ones dropped, joined by blank lines.
    static func system(_ system: String?, fragments: [LLMFragment]) -> String {
        let pieces = fragments.map(\.text) + [system ?? ""]
        return pieces
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    /// Returns the arguments as compact JSON, so calls read the same from both stores. Text that
    /// is not JSON stays as it is.
    static func normalizedArguments(_ arguments: String?, repairs: inout TextRepairs) -> (text: String, value: JSONValue) {
        guard let arguments else { return ("", .null) }
        if let value = try? JSONValue.parse(arguments, repairs: &repairs) {
            return (value.serialized(), value)
        }
        return (arguments, .string(arguments))
    }

    static func toolCallTurn(_ call: LLMToolCall, sourceID: String, parent: String?, model: String?,
                             createdAt: Date?, repairs: inout TextRepairs) -> ImportedTurn {
        let arguments = normalizedArguments(call.arguments, repairs: &repairs)
        var payload: [(key: String, value: JSONValue)] = [
            ("name", call.name.map(JSONValue.string) ?? .null),
            ("arguments", arguments.value),
        ]
        if let toolCallID = call.toolCallID {
            payload.append(("tool_call_id", .string(toolCallID)))
        }
        return ImportedTurn(
            sourceID: sourceID, parentSourceID: parent, role: .assistant, kind: .toolCall, author: call.name,
            model: model, text: arguments.text, createdAt: createdAt,
            rawPayloadJSON: JSONValue.object(JSONObject(payload)).serialized())
    }

    /// Builds a tool result turn. An exception follows the output, because `llm` sends it to the
    /// model as part of the result.
    static func toolResultTurn(_ result: LLMToolResult, sourceID: String, parent: String?,
                               createdAt: Date?) -> ImportedTurn {
        var lines: [String] = []
        if let output = result.output, !output.isEmpty {
            lines.append(output)
        }
        if let exception = result.exception, !exception.isEmpty {
            lines.append("Exception: \(exception)")
        }
        lines.append(contentsOf: result.attachments.map(\.placeholder))

        var payload: [(key: String, value: JSONValue)] = [
            ("name", result.name.map(JSONValue.string) ?? .null),
            ("output", result.output.map(JSONValue.string) ?? .null),
        ]
        if let toolCallID = result.toolCallID {
            payload.append(("tool_call_id", .string(toolCallID)))
        }
        if let exception = result.exception {
            payload.append(("exception", .string(exception)))
        }
        return ImportedTurn(
            sourceID: sourceID, parentSourceID: parent, role: .tool, kind: .toolResult, author: result.name,
            text: lines.joined(separator: "\n"), createdAt: createdAt,
            rawPayloadJSON: JSONValue.object(JSONObject(payload)).serialized(),
            attachments: result.attachments.map(\.imported))
    }

    /// Maps an `llm` message role to a role. `developer` is OpenAI's newer name for `system`.
    static func role(_ name: String?) -> Role? {
        switch name?.lowercased() {
        case "system", "developer": return .system
        case "user": return .user
        case "assistant": return .assistant
        case "tool": return .tool
        default: return nil
        }
    }
}
