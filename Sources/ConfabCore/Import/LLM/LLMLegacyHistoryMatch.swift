/// Maps the messages that `llm` 0.36 copied from a legacy conversation into a thread to the turns
/// the legacy import made from the same `responses` rows.
///
/// Messages are matched by role and text, in chain order, to the responses: a system message to a
/// response's system prompt, a user message to its prompt, a tool message to the next response with
/// tool results, and an assistant message to its answer. Messages that a model call of the message
/// store produced are new and never matched.
///
/// A matched message is stood for by the last legacy turn of the same kind for that response
/// (`<id>:system`, `<id>:prompt`, the last `<id>:tool-result:<n>`, or the last of `<id>:reasoning`,
/// `<id>:response` and `<id>:tool-call:<n>`), so messages added later attach to the turn that the
/// legacy import already stored. A matched message whose kind has no legacy turn (a system prompt
/// equal to the one in effect) is stood for by whatever stands for its parent.
///
/// NOTE: a copied message whose text differs from its response is not matched, so it is imported
/// a second time under its hash, as a branch beside the legacy turns.
struct LLMLegacyHistoryMatch {
    /// Legacy turn source id by message hash, for every matched message.
    private(set) var turnIDs: [String: String] = [:]

    init(responses: [LLMLegacyResponse], legacyTurnIDs: Set<String>, chain: [String], content: LLMThreadContent,
         renderer: LLMMessageRenderer, newMessages: Set<String>) {
        var next = 0
        func find(_ matches: (LLMLegacyResponse) -> Bool) -> Int? {
            guard next < responses.count else { return nil }
            return responses[next...].firstIndex(where: matches)
        }

        for hash in chain where !newMessages.contains(hash) {
            guard let message = content.messages[hash] else { continue }
            let text = renderer.plainText(of: message)
            let role = LLMTurnText.role(message.role)

            var index: Int?
            switch role {
            case .system?:
                index = find { $0.systemText == text }
            case .user?:
                index = find { $0.promptText == text }
                next = index ?? next
            case .tool?:
                index = find { !$0.toolResults.isEmpty }
                next = index ?? next
            case .assistant?:
                index = find { $0.response == text }
                next = index.map { $0 + 1 } ?? next
            case nil:
                index = nil
            }
            guard let index, let role else { continue }

            let parentID = message.parentHash.flatMap { turnIDs[$0] }
            if let turnID = Self.legacyTurnID(for: role, of: responses[index], in: legacyTurnIDs) ?? parentID {
                turnIDs[hash] = turnID
            }
        }
    }

    /// Returns the id of the last turn of `role` that the legacy import made from `response`, or
    /// nil when it made none.
    private static func legacyTurnID(for role: Role, of response: LLMLegacyResponse, in ids: Set<String>) -> String? {
        let candidates: [String]
        switch role {
        case .system:
            candidates = ["\(response.id):system"]
        case .user:
            candidates = ["\(response.id):prompt"]
        case .tool:
            candidates = ["\(response.id):tool-result:\(response.toolResults.count - 1)"]
        case .assistant:
            candidates = ["\(response.id):tool-call:\(response.toolCalls.count - 1)", "\(response.id):response",
                          "\(response.id):reasoning"]
        }
        return candidates.first { ids.contains($0) }
    }
}
