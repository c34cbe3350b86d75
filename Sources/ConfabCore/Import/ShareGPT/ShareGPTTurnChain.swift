/// The turns of a conversation being built, each the child of the one before.
struct ShareGPTTurnChain {
    private(set) var turns: [ImportedTurn] = []
    private(set) var warnings: [String] = []
    /// The number of turns read from the records, not counting notices.
    private(set) var messageCount = 0
    /// The text of a system turn that opens the conversation, for its persona.
    private(set) var systemPrompt: String?
    private var unknownSpeakers: Set<String> = []
    /// The function named by the latest `function_call` turn: the author of the tool results after it.
    private var calledFunction: String?

    /// Appends a hidden system turn that marks a problem in the transcript, and the same
    /// sentence as a warning.
    mutating func appendNotice(_ sentence: String, sourceID: String) {
        append(ImportedTurn(sourceID: sourceID, role: .system, kind: .hidden, text: "[\(sentence)]"))
        warnings.append(sentence)
    }

    mutating func appendMessages(of record: ShareGPTRecord, idPrefix: String) {
        if let systemPrompt = record.systemPrompt {
            appendMessage(ImportedTurn(sourceID: idPrefix + "system", role: .system, text: systemPrompt))
        }

        for (index, message) in record.messages.enumerated() {
            let speaker = ShareGPTSpeaker(from: message.from)
            if !speaker.isKnown, unknownSpeakers.insert(message.from).inserted {
                warnings.append("turns from the unknown speaker \"\(message.from)\" were read as user turns")
            }

            var author = speaker.author
            if speaker.kind == .toolCall {
                calledFunction = ShareGPTTurnChain.functionName(inCall: message.value)
            } else if speaker.kind == .toolResult, let calledFunction {
                author = calledFunction
            }

            appendMessage(ImportedTurn(
                sourceID: idPrefix + String(index),
                role: speaker.role,
                kind: speaker.kind,
                author: author,
                model: speaker.role == .assistant ? record.model : nil,
                text: message.value,
                rawPayloadJSON: message.otherFieldsJSON))
        }
    }

    private mutating func appendMessage(_ turn: ImportedTurn) {
        if messageCount == 0, turn.role == .system, !turn.text.isEmpty {
            systemPrompt = turn.text
        }
        messageCount += 1
        append(turn)
    }

    private mutating func append(_ turn: ImportedTurn) {
        var turn = turn
        turn.parentSourceID = turns.last?.sourceID
        turns.append(turn)
    }

    /// Returns the `name` of a function call written as a JSON object, as LLaMA-Factory writes them.
    private static func functionName(inCall text: String) -> String? {
        guard let call = try? JSONValue.parse(text), let name = call["name"]?.stringValue, !name.isEmpty else {
            return nil
        }
        return name
    }
}
