import Foundation

/// Turns one message of an Open WebUI chat (`history.messages[id]`) into Confab turns.
///
/// An assistant message's `<details type="reasoning">` and `<details type="tool_calls">` blocks
/// become turns of their own in front of the answer: `<id>:reasoning:<n>`, `<id>:tool-call:<n>`
/// and, when the call has a result, `<id>:tool-result:<n>`. The answer keeps the message id, so
/// child messages and `currentId` find it; when nothing is left of the answer, the last block's
/// turn takes the message id instead. A failed generation (`content: ""` with
/// `error.content`) is one `.error` turn whose text is the error message.
///
/// Base64 `data:` URIs become placeholders wherever they appear. Fields Confab does not show
/// (RAG `sources`, old `citations`, `code_executions`, `output`, the user's `annotation` rating,
/// an error next to a non-empty answer) are kept in the answer's raw payload.
enum OpenWebUIMessageConverter {
    /// Fields kept in the answer's raw payload when present.
    private static let keptFields = ["sources", "citations", "code_executions", "output", "annotation"]

    static func turns(id: String, message: JSONValue, parent: String?, repairs: inout TextRepairs) -> [ImportedTurn] {
        let speaker = Speaker(message)
        let createdAt = message["timestamp"].flatMap(TimestampParser.parse)

        var content = render(message["content"])
        var blocks: [OpenWebUIDetailsBlock] = []
        if speaker.role == .assistant {
            (content.text, blocks) = OpenWebUIDetailsBlock.split(content.text)
        }
        content.text = DataURIRedaction.redact(content.text)
        let files = (message["files"]?.arrayValue ?? []).map(OpenWebUIFile.init)
        let answer = Answer(message: message, content: content, files: files)

        var turns = blockTurns(blocks, messageID: id, parent: parent, model: speaker.model, author: speaker.author,
                               createdAt: createdAt, repairs: &repairs)
        if answer.isEmpty && !turns.isEmpty {
            turns[turns.count - 1].sourceID = id
        } else {
            turns.append(ImportedTurn(
                sourceID: id, parentSourceID: turns.last?.sourceID ?? parent, role: speaker.role, kind: answer.kind,
                author: speaker.author, model: speaker.model, text: answer.text, createdAt: createdAt,
                rawPayloadJSON: answer.rawPayloadJSON, attachments: files.map(\.attachment)))
        }

        let usage = OpenWebUIUsage(message["usage"] ?? message["info"])
        turns[turns.count - 1].inputTokens = usage.inputTokens
        turns[turns.count - 1].outputTokens = usage.outputTokens
        turns[turns.count - 1].generationSeconds = usage.generationSeconds
        return turns
    }

    /// The role, model and author of a message. A role Open WebUI does not write becomes an
    /// assistant turn with the role's name as its author.
    private struct Speaker {
        var role: Role
        var model: String?
        var author: String?

        init(_ message: JSONValue) {
            let roleName = message["role"]?.stringValue
            let knownRole = roleName.flatMap(OpenWebUIMessageConverter.role(for:))
            role = knownRole ?? .assistant
            model = role == .assistant ? nonEmpty(message["model"]?.stringValue) : nil
            if knownRole == nil {
                author = roleName
            } else if role == .assistant {
                author = nonEmpty(message["modelName"]?.stringValue) ?? model
            }
        }
    }

    /// The message's own turn: its text with file placeholders, or the error of a failed
    /// generation, and the fields kept raw.
    private struct Answer {
        var text: String
        var kind = TurnKind.message
        var payload: [(key: String, value: JSONValue)] = []

        init(message: JSONValue, content: RenderedContent, files: [OpenWebUIFile]) {
            let lines = (content.text.isEmpty ? [] : [content.text]) + files.map(\.placeholder)
            text = lines.joined(separator: "\n")

            switch errorText(message["error"]) {
            case let .message(error)? where content.text.isEmpty:
                kind = .error
                text = DataURIRedaction.redact(error)
            case .flag? where !text.isEmpty:
                kind = .error
            case .some:
                if let error = message["error"] {
                    payload.append(("error", error))
                }
            case nil:
                break
            }

            for key in OpenWebUIMessageConverter.keptFields {
                if let value = message[key], !value.isNull, !(value.arrayValue?.isEmpty ?? false) {
                    payload.append((key, value))
                }
            }
            if !content.unsupported.isEmpty {
                payload.append(("content", .array(content.unsupported)))
            }
        }

        /// Whether nothing is left to show or keep, so a lifted block can carry the message id.
        var isEmpty: Bool {
            text.isEmpty && kind == .message && payload.isEmpty
        }

        var rawPayloadJSON: String? {
            payload.isEmpty ? nil : DataURIRedaction.redact(.object(JSONObject(payload))).serialized()
        }
    }

    // MARK: Roles and errors

    private static func role(for name: String) -> Role? {
        switch name.lowercased() {
        case "user": return .user
        case "assistant": return .assistant
        case "system": return .system
        case "tool": return .tool
        default: return nil
        }
    }

    private enum ErrorText {
        /// `error: {content: "…"}` or `error: "…"`.
        case message(String)
        /// `error: true`, where older versions put the error message into `content`.
        case flag
    }

    private static func errorText(_ error: JSONValue?) -> ErrorText? {
        switch error {
        case let .string(text)?:
            return .message(text)
        case let .object(object)?:
            if let text = object["content"]?.stringValue ?? object["message"]?.stringValue {
                return .message(text)
            }
            return .message(JSONValue.object(object).serialized())
        case .bool(true)?:
            return .flag
        default:
            return nil
        }
    }

    // MARK: Content

    private struct RenderedContent {
        var text: String
        var unsupported: [JSONValue]
    }

    /// Renders a string, a list of OpenAI-style parts, or anything else as a placeholder.
    private static func render(_ content: JSONValue?) -> RenderedContent {
        switch content {
        case nil, .null?:
            return RenderedContent(text: "", unsupported: [])
        case let .string(text)?:
            return RenderedContent(text: text, unsupported: [])
        case let .array(parts)?:
            var lines: [String] = []
            var unsupported: [JSONValue] = []
            for part in parts {
                switch part["type"]?.stringValue {
                case "text"?, "input_text"?, "output_text"?:
                    if let text = part["text"]?.stringValue, !text.isEmpty { lines.append(text) }
                case "image_url"?, "input_image"?, "image"?:
                    lines.append(Placeholder.image())
                default:
                    if let text = part.stringValue {
                        lines.append(text)
                    } else {
                        lines.append(Placeholder.unsupported(part["type"]?.stringValue ?? "unknown"))
                        unsupported.append(part)
                    }
                }
            }
            return RenderedContent(text: lines.joined(separator: "\n"), unsupported: unsupported)
        case let value?:
            let type = value["type"]?.stringValue ?? "object"
            return RenderedContent(text: Placeholder.unsupported(type), unsupported: [value])
        }
    }

    private static func blockTurns(_ blocks: [OpenWebUIDetailsBlock], messageID: String, parent: String?,
                                   model: String?, author: String?, createdAt: Date?,
                                   repairs: inout TextRepairs) -> [ImportedTurn] {
        var turns: [ImportedTurn] = []
        var reasoningCount = 0
        var toolCallCount = 0
        for block in blocks {
            let parentID = turns.last?.sourceID ?? parent
            if block.type == "reasoning" {
                turns.append(ImportedTurn(
                    sourceID: "\(messageID):reasoning:\(reasoningCount)", parentSourceID: parentID, role: .assistant,
                    kind: .reasoning, author: author, model: model, text: DataURIRedaction.redact(block.plainBody),
                    createdAt: createdAt))
                reasoningCount += 1
                continue
            }

            let call = OpenWebUIToolCall(block, repairs: &repairs)
            let callID = "\(messageID):tool-call:\(toolCallCount)"
            turns.append(ImportedTurn(
                sourceID: callID, parentSourceID: parentID, role: .assistant, kind: .toolCall, author: call.name,
                model: model, text: DataURIRedaction.redact(call.arguments), createdAt: createdAt,
                rawPayloadJSON: DataURIRedaction.redact(call.payload).serialized()))
            if let result = call.result {
                turns.append(ImportedTurn(
                    sourceID: "\(messageID):tool-result:\(toolCallCount)", parentSourceID: callID, role: .tool,
                    kind: .toolResult, author: call.name, text: DataURIRedaction.redact(result), createdAt: createdAt))
            }
            toolCallCount += 1
        }
        return turns
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

/// A tool call read from a `<details type="tool_calls">` block.
struct OpenWebUIToolCall {
    var name: String?
    /// The arguments as compact JSON, or as written when they are not JSON.
    var arguments: String
    /// The result text; nil while the call had not finished (`done="false"`).
    var result: String?
    /// `{id, name, arguments}` for the raw payload.
    var payload: JSONValue

    init(_ block: OpenWebUIDetailsBlock, repairs: inout TextRepairs) {
        name = block.attributes["name"]

        // Open WebUI writes `json.dumps(arguments)`, and the arguments are often already a JSON
        // string, so the attribute can hold JSON inside a JSON string.
        var argumentsValue = OpenWebUIToolCall.json(block.attributes["arguments"] ?? "", repairs: &repairs)
        if let inner = argumentsValue?.stringValue, let decoded = OpenWebUIToolCall.json(inner, repairs: &repairs) {
            argumentsValue = decoded
        }
        arguments = argumentsValue.map { $0.stringValue ?? $0.serialized() } ?? block.attributes["arguments"] ?? ""

        if let written = block.attributes["result"] {
            let value = OpenWebUIToolCall.json(written, repairs: &repairs)
            result = value.map { $0.stringValue ?? $0.serialized() } ?? written
        } else {
            let body = block.plainBody
            result = body.isEmpty ? nil : body
        }

        var members: [(key: String, value: JSONValue)] = []
        if let id = block.attributes["id"] { members.append(("id", .string(id))) }
        if let name { members.append(("name", .string(name))) }
        members.append(("arguments", argumentsValue ?? .string(arguments)))
        payload = .object(JSONObject(members))
    }

    private static func json(_ text: String, repairs: inout TextRepairs) -> JSONValue? {
        guard !text.isEmpty else { return nil }
        return try? JSONValue.parse(text, repairs: &repairs)
    }
}
