/// Reads one line of an OpenAI chat fine-tuning file into a conversation.
///
/// A chat line is `{"messages": [...]}` with optional `tools`, `parallel_tool_calls`,
/// `functions`, `metadata`, `id` and `model`. A preference (DPO) line is
/// `{"input": {"messages": [...]}, "preferred_output": [...], "non_preferred_output": [...]}`:
/// both outputs continue the input thread as sibling branches, and the preferred one is the
/// default thread.
///
/// Turn source ids are message indices (`0`, `1`, …), and preference outputs are `preferred:<i>`
/// and `non_preferred:<i>`. Fields other than the messages are kept in the conversation's metadata.
enum OpenAIChatLine {
    private static let messageKeys: Set<String> = ["messages", "input", "preferred_output", "non_preferred_output"]

    /// Builds the conversation of `line`, using `fallbackID` when the line has no `id`.
    /// Throws naming the first field that is missing or invalid, and the line's `id` when it has one.
    static func makeConversation(_ line: JSONValue, fallbackID: String) throws(RecordFieldError) -> ImportedConversation {
        do throws(RecordFieldError) {
            return try readConversation(line, fallbackID: fallbackID)
        } catch {
            var failure = error
            failure.conversationID = conversationID(of: line)
            throw failure
        }
    }

    private static func readConversation(_ line: JSONValue, fallbackID: String) throws(RecordFieldError) -> ImportedConversation {
        guard let object = line.objectValue else {
            throw RecordFieldError(field: nil, reason: "the line is not a JSON object")
        }

        var reader = OpenAIChatMessageReader()
        var turns: [ImportedTurn]
        var defaultLeaf: String?
        var metadata = object.members.filter { !messageKeys.contains($0.key) }

        if object["messages"] == nil, let input = object["input"] {
            guard let inputObject = input.objectValue else {
                throw RecordFieldError(field: "input", reason: "the field is not a JSON object")
            }
            turns = try readMessages(inputObject["messages"], path: "input.messages", idPrefix: "", after: nil, with: &reader)
            let inputLeaf = turns.last?.sourceID
            let preferred = try readMessages(object["preferred_output"], path: "preferred_output", idPrefix: "preferred:", after: inputLeaf, with: &reader, isOptional: true)
            let rejected = try readMessages(object["non_preferred_output"], path: "non_preferred_output", idPrefix: "non_preferred:", after: inputLeaf, with: &reader, isOptional: true)
            defaultLeaf = preferred.last?.sourceID
            turns += preferred + rejected
            for member in inputObject.members where member.key != "messages" && !metadata.contains(where: { $0.key == member.key }) {
                metadata.append(member)
            }
        } else {
            turns = try readMessages(object["messages"], path: "messages", idPrefix: "", after: nil, with: &reader)
        }

        guard !turns.isEmpty else {
            throw RecordFieldError(field: object["messages"] == nil ? "input.messages" : "messages", reason: "the line has no messages")
        }

        let firstTurn = turns[0]
        let persona = firstTurn.role == .system && !firstTurn.text.isEmpty
            ? ImportedPersona(kind: .systemPrompt, prompt: firstTurn.text)
            : nil

        return ImportedConversation(
            sourceID: conversationID(of: line) ?? fallbackID,
            persona: persona,
            model: object["model"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            metadataJSON: metadata.isEmpty ? nil : JSONValue.object(JSONObject(metadata)).removingBinaryPayloads().serialized(),
            turns: turns,
            defaultLeafSourceID: defaultLeaf,
            warnings: reader.warnings)
    }

    /// Returns the line's `id`: a non-empty string, or an integer written in decimal.
    static func conversationID(of line: JSONValue) -> String? {
        switch line["id"] {
        case let .string(id)? where !id.isEmpty:
            return id
        case let .number(number)?:
            return Int(exactly: number).map(String.init)
        default:
            return nil
        }
    }

    /// Reads the array at `path` into a chain of turns whose first turn is a child of `parentID`.
    private static func readMessages(
        _ value: JSONValue?,
        path: String,
        idPrefix: String,
        after parentID: String?,
        with reader: inout OpenAIChatMessageReader,
        isOptional: Bool = false
    ) throws(RecordFieldError) -> [ImportedTurn] {
        guard let value, !(isOptional && value.isNull) else {
            if isOptional { return [] }
            throw RecordFieldError(field: path, reason: "the field is missing")
        }
        guard let messages = value.arrayValue else {
            throw RecordFieldError(field: path, reason: "the field is not an array")
        }

        var turns: [ImportedTurn] = []
        turns.reserveCapacity(messages.count)
        var parent = parentID
        for (index, message) in messages.enumerated() {
            let turn = try reader.makeTurn(message, path: "\(path)[\(index)]", sourceID: idPrefix + String(index), parentSourceID: parent)
            parent = turn.sourceID
            turns.append(turn)
        }
        return turns
    }
}
