import Foundation

/// Turns one message of the 0.36 message store into Confab turns.
///
/// Consecutive text and attachment parts form one turn, with attachments as placeholders. Each
/// reasoning, tool call and tool result part is a turn of its own, in part order. The turns form a
/// chain whose last turn has the message hash as its source id, so that child messages (whose
/// `parent_hash` is that hash) and the thread's tip find it. Earlier turns are `<hash>:<position>`.
struct LLMMessageRenderer {
    let fragments: [Int64: LLMFragment]
    let attachments: [String: LLMAttachment]

    /// Time, model and usage for a message, taken from the model call that produced it.
    struct Provenance {
        var time: Date?
        var model: String?
        var inputTokens: Int?
        var outputTokens: Int?
        var generationSeconds: Double?
    }

    private enum Segment {
        case content(position: Int, lines: [String], attachments: [ImportedAttachment], unsupported: [JSONValue])
        case reasoning(position: Int, text: String)
        case toolCall(position: Int, LLMToolCall)
        case toolResult(position: Int, LLMToolResult)

        var position: Int {
            switch self {
            case let .content(position, _, _, _), let .reasoning(position, _), let .toolCall(position, _),
                 let .toolResult(position, _):
                return position
            }
        }
    }

    /// Attachment ids a part refers to: `{"attachment": {"id": …}}` on attachment parts and
    /// `{"attachments": [{"id": …}]}` on tool results.
    static func attachmentIDs(in part: LLMPart) -> [String] {
        var ids: [String] = []
        if let id = part.payload?["attachment"]?["id"]?.stringValue {
            ids.append(id)
        }
        for reference in part.payload?["attachments"]?.arrayValue ?? [] {
            if let id = reference["id"]?.stringValue {
                ids.append(id)
            }
        }
        return ids
    }

    /// Returns the text of the message's text parts, joined as the turn shows them.
    func plainText(of message: LLMMessage) -> String {
        message.parts.filter { $0.type == "text" }.compactMap(text(of:)).joined(separator: "\n")
    }

    func turns(for message: LLMMessage, parent: String?, provenance: Provenance,
               repairs: inout TextRepairs) -> [ImportedTurn] {
        let role = LLMTurnText.role(message.role) ?? .user
        let unknownRole = LLMTurnText.role(message.role) == nil ? message.role : nil
        var segments = self.segments(of: message)
        if segments.isEmpty {
            segments = [.content(position: 0, lines: [], attachments: [], unsupported: [])]
        }
        let usageIndex = segments.firstIndex { if case .content = $0 { true } else { false } } ?? segments.count - 1
        let model = role == .assistant ? provenance.model : nil

        var turns: [ImportedTurn] = []
        var parentID = parent
        for (index, segment) in segments.enumerated() {
            let sourceID = index == segments.count - 1 ? message.hash : "\(message.hash):\(segment.position)"
            var turn: ImportedTurn
            switch segment {
            case let .content(_, lines, attachments, unsupported):
                turn = ImportedTurn(
                    sourceID: sourceID, parentSourceID: parentID, role: role,
                    kind: role == .tool ? .toolResult : .message, author: unknownRole ?? model, model: model,
                    text: lines.joined(separator: "\n"), createdAt: provenance.time,
                    rawPayloadJSON: unsupported.isEmpty ? nil : JSONValue.array(unsupported).serialized(),
                    attachments: attachments)
            case let .reasoning(_, text):
                turn = ImportedTurn(sourceID: sourceID, parentSourceID: parentID, role: role, kind: .reasoning,
                                    author: model, model: model, text: text, createdAt: provenance.time)
            case let .toolCall(_, call):
                turn = LLMTurnText.toolCallTurn(call, sourceID: sourceID, parent: parentID, model: model,
                                                createdAt: provenance.time, repairs: &repairs)
            case let .toolResult(_, result):
                turn = LLMTurnText.toolResultTurn(result, sourceID: sourceID, parent: parentID,
                                                  createdAt: provenance.time)
            }
            if index == usageIndex {
                turn.inputTokens = provenance.inputTokens
                turn.outputTokens = provenance.outputTokens
                turn.generationSeconds = provenance.generationSeconds
            }
            turns.append(turn)
            parentID = sourceID
        }
        return turns
    }

    // MARK: Parts

    private func segments(of message: LLMMessage) -> [Segment] {
        var segments: [Segment] = []
        for part in message.parts {
            switch part.type {
            case "text":
                appendContent(text(of: part).map { [$0] } ?? [], attachments: [], unsupported: nil,
                              position: part.position, to: &segments)
            case "attachment":
                let attachment = attachment(of: part)
                appendContent([attachment.placeholder], attachments: [attachment.imported], unsupported: nil,
                              position: part.position, to: &segments)
            case "reasoning":
                // An empty reasoning part only records that the provider withheld its reasoning.
                if let text = text(of: part), !text.isEmpty {
                    segments.append(.reasoning(position: part.position, text: text))
                }
            case "tool_call":
                segments.append(.toolCall(position: part.position, toolCall(of: part)))
            case "tool_result":
                segments.append(.toolResult(position: part.position, toolResult(of: part)))
            default:
                appendContent([Placeholder.unsupported(part.type)], attachments: [], unsupported: rawPayload(of: part),
                              position: part.position, to: &segments)
            }
        }
        return segments
    }

    private func appendContent(_ lines: [String], attachments: [ImportedAttachment], unsupported: JSONValue?,
                               position: Int, to segments: inout [Segment]) {
        let lines = lines.filter { !$0.isEmpty }
        let unsupported = unsupported.map { [$0] } ?? []
        if case let .content(start, oldLines, oldAttachments, oldUnsupported)? = segments.last {
            segments[segments.count - 1] = .content(position: start, lines: oldLines + lines,
                                                    attachments: oldAttachments + attachments,
                                                    unsupported: oldUnsupported + unsupported)
        } else {
            segments.append(.content(position: position, lines: lines, attachments: attachments, unsupported: unsupported))
        }
    }

    /// Literal text, or text rebuilt from a `text_ref` list of fragments and literals as `llm`
    /// does when it reads a message back.
    private func text(of part: LLMPart) -> String? {
        if let text = part.text {
            return text
        }
        if let pieces = part.payload?["text_ref"]?.arrayValue {
            return pieces.map { piece -> String in
                if let literal = piece["literal"]?.stringValue {
                    return literal
                }
                guard let id = piece["fragment"]?.intValue else { return "" }
                return (fragments[Int64(id)] ?? LLMFragment(id: Int64(id))).text
            }.joined()
        }
        return part.payload?["text"]?.stringValue
    }

    private func attachment(of part: LLMPart) -> LLMAttachment {
        let reference = part.payload?["attachment"]
        if let id = reference?["id"]?.stringValue, let stored = attachments[id] {
            return stored
        }
        // A reference to a missing row, or an inline description: keep its type, path and URL,
        // never the base64 `content`.
        return LLMAttachment(id: reference?["id"]?.stringValue ?? "",
                             mimeType: reference?["type"]?.stringValue,
                             path: reference?["path"]?.stringValue,
                             url: reference?["url"]?.stringValue)
    }

    private func toolCall(of part: LLMPart) -> LLMToolCall {
        let arguments = part.payload?["arguments"]
        return LLMToolCall(name: part.toolName ?? part.payload?["name"]?.stringValue,
                           arguments: arguments.map { $0.stringValue ?? $0.serialized() } ?? part.invalidPayload,
                           toolCallID: part.payload?["tool_call_id"]?.stringValue)
    }

    private func toolResult(of part: LLMPart) -> LLMToolResult {
        let output = part.payload?["output"]
        return LLMToolResult(
            name: part.toolName ?? part.payload?["name"]?.stringValue,
            output: output.map { $0.stringValue ?? $0.serialized() } ?? part.invalidPayload,
            toolCallID: part.payload?["tool_call_id"]?.stringValue,
            exception: part.payload?["exception"]?.stringValue,
            attachments: LLMMessageRenderer.attachmentIDs(in: part).map { attachments[$0] ?? LLMAttachment(id: $0) })
    }

    private func rawPayload(of part: LLMPart) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string(part.type))]
        if let payload = part.payload {
            members.append(("payload", payload))
        } else if let invalid = part.invalidPayload {
            members.append(("payload", .string(invalid)))
        }
        if let text = part.text {
            members.append(("text", .string(text)))
        }
        return .object(JSONObject(members))
    }
}
