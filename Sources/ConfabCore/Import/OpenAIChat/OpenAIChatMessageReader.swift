/// Reads the messages of one OpenAI chat line into turns.
///
/// Roles: `system` and `developer` become system turns, `tool` and the legacy `function` tool
/// results, and any other role word a user turn under that name. An assistant message that calls
/// functions (`tool_calls`, legacy `function_call`) is a tool-call turn whose text is its prose,
/// if any, followed by one `name(arguments)` line per call.
struct OpenAIChatMessageReader {
    /// Function names by call id, so a tool result can name the function that produced it.
    private var functionNamesByCallID: [String: String] = [:]
    private var unknownRoles: Set<String> = []
    private(set) var warnings: [String] = []

    /// Reads the message at `path` (such as `messages[3]`), or throws naming the invalid field.
    mutating func makeTurn(_ message: JSONValue, path: String, sourceID: String, parentSourceID: String?) throws(RecordFieldError) -> ImportedTurn {
        guard let object = message.objectValue else {
            throw RecordFieldError(field: path, reason: "the message is not a JSON object")
        }
        guard let roleValue = object["role"] else {
            throw RecordFieldError(field: path + ".role", reason: "the field is missing")
        }
        guard let roleWord = roleValue.stringValue else {
            throw RecordFieldError(field: path + ".role", reason: "the field is not a string")
        }

        var turn = ImportedTurn(sourceID: sourceID, parentSourceID: parentSourceID, role: .user, text: "")
        applyRole(roleWord, to: &turn)

        let content = OpenAIChatContent(object["content"])
        var pieces = content.pieces
        turn.attachments = content.attachments

        if let refusal = object["refusal"]?.stringValue, !refusal.isEmpty {
            pieces.append(refusal)
        }
        if let audio = object["audio"], !audio.isNull {
            pieces.append(Placeholder.audio())
            if let transcript = audio["transcript"]?.stringValue, !transcript.isEmpty {
                pieces.append(transcript)
            }
        }

        let calls = readCalls(of: object)
        if !calls.isEmpty {
            // NOTE: prose sent with the calls stays in this turn, so it is hidden whenever
            // tool-call turns are hidden from the transcript.
            turn.kind = .toolCall
            pieces += calls.map(\.displayText)
        }

        if let name = object["name"]?.stringValue, !name.isEmpty {
            turn.author = name
        } else if turn.role == .tool, let callID = object["tool_call_id"]?.stringValue {
            turn.author = functionNamesByCallID[callID]
        }

        turn.text = pieces.joined(separator: "\n")
        turn.rawPayloadJSON = OpenAIChatMessageReader.unrenderedFields(of: object, contentIsRendered: content.isFullyRendered)
        return turn
    }

    private mutating func applyRole(_ roleWord: String, to turn: inout ImportedTurn) {
        switch roleWord {
        case "system":
            turn.role = .system
        case "developer":
            turn.role = .system
            turn.author = roleWord
        case "user":
            turn.role = .user
        case "assistant":
            turn.role = .assistant
        case "tool", "function":
            turn.role = .tool
            turn.kind = .toolResult
        default:
            turn.role = .user
            turn.author = roleWord.isEmpty ? nil : roleWord
            if unknownRoles.insert(roleWord).inserted {
                warnings.append("messages with the unknown role \"\(roleWord)\" were read as user turns")
            }
        }
    }

    /// Reads the `tool_calls` items and the legacy `function_call`, remembering each call's
    /// function name for the tool results that follow.
    private mutating func readCalls(of message: JSONObject) -> [OpenAIChatToolCall] {
        var callValues = message["tool_calls"]?.arrayValue ?? []
        if let legacyCall = message["function_call"], legacyCall.objectValue != nil {
            callValues.append(legacyCall)
        }

        let calls = callValues.map(OpenAIChatToolCall.init)
        for call in calls {
            if let id = call.id, let name = call.name {
                functionNamesByCallID[id] = name
            }
        }
        return calls
    }

    /// Returns the message's fields that the turn's text does not contain in full (tool calls,
    /// `weight`, `name`, non-text content) as JSON text without embedded file bodies, or nil when
    /// none remain.
    private static func unrenderedFields(of message: JSONObject, contentIsRendered: Bool) -> String? {
        let members = message.members.filter { member in
            !(member.key == "role" || (member.key == "content" && contentIsRendered))
        }
        guard !members.isEmpty else { return nil }
        return JSONValue.object(JSONObject(members)).removingBinaryPayloads().serialized()
    }
}
