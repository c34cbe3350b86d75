import Foundation

/// Builds a conversation from legacy `responses` rows, as one linear chain in the given order.
///
/// Each response adds, in this order and with ids derived from the response id:
/// - `<id>:system`, a system turn, when its system prompt (with system fragments) is set and
///   differs from the one in effect, because `llm` keeps sending a system prompt on later calls;
/// - `<id>:tool-result:<n>`, the results of the previous response's tool calls, which `llm`
///   stores on this follow-up call;
/// - `<id>:prompt`, the user's prompt with fragment contents and attachment placeholders, left
///   out when it is empty (tool follow-ups have `prompt = ""`);
/// - `<id>:reasoning`, when the reasoning column has text;
/// - `<id>:response`, the answer, left out only when it is empty and tool calls follow;
/// - `<id>:tool-call:<n>`, one turn per tool call.
/// The answer (or else the first tool call) carries the call's token counts and duration.
enum LLMLegacyConversationBuilder {
    static func conversation(sourceID: String, title: String?, model: String?, responses: [LLMLegacyResponse],
                             repairs: inout TextRepairs) -> ImportedConversation {
        var turns: [ImportedTurn] = []
        var systemInEffect = ""
        var persona: ImportedPersona?

        for response in responses {
            var parent = turns.last?.sourceID
            func append(_ turn: ImportedTurn) {
                turns.append(turn)
                parent = turn.sourceID
            }

            let system = response.systemText
            if !system.isEmpty && system != systemInEffect {
                systemInEffect = system
                if persona == nil {
                    persona = ImportedPersona(kind: .systemPrompt, prompt: system)
                }
                append(ImportedTurn(sourceID: "\(response.id):system", parentSourceID: parent, role: .system,
                                    text: system, createdAt: response.startedAt))
            }

            for (index, result) in response.toolResults.enumerated() {
                append(LLMTurnText.toolResultTurn(result, sourceID: "\(response.id):tool-result:\(index)",
                                                  parent: parent, createdAt: response.startedAt))
            }

            if let prompt = promptTurn(response, parent: parent) {
                append(prompt)
            }

            if let reasoning = response.reasoning, !reasoning.isEmpty {
                append(ImportedTurn(sourceID: "\(response.id):reasoning", parentSourceID: parent, role: .assistant,
                                    kind: .reasoning, author: response.answeringModel, model: response.answeringModel,
                                    text: reasoning, createdAt: response.finishedAt))
            }

            var usageTurnIndex: Int?
            if !response.response.isEmpty || response.toolCalls.isEmpty {
                usageTurnIndex = turns.count
                append(ImportedTurn(sourceID: "\(response.id):response", parentSourceID: parent, role: .assistant,
                                    author: response.answeringModel, model: response.answeringModel,
                                    text: response.response, createdAt: response.finishedAt))
            }

            for (index, call) in response.toolCalls.enumerated() {
                if usageTurnIndex == nil {
                    usageTurnIndex = turns.count
                }
                append(LLMTurnText.toolCallTurn(call, sourceID: "\(response.id):tool-call:\(index)", parent: parent,
                                                model: response.answeringModel, createdAt: response.finishedAt,
                                                repairs: &repairs))
            }

            if let usageTurnIndex {
                turns[usageTurnIndex].inputTokens = response.inputTokens
                turns[usageTurnIndex].outputTokens = response.outputTokens
                turns[usageTurnIndex].generationSeconds = response.generationSeconds
            }
        }

        return ImportedConversation(
            sourceID: sourceID,
            persona: persona,
            title: title,
            model: model ?? responses.first?.answeringModel,
            createdAt: responses.first?.startedAt,
            updatedAt: responses.last?.finishedAt,
            turns: turns)
    }

    private static func promptTurn(_ response: LLMLegacyResponse, parent: String?) -> ImportedTurn? {
        let prompt = response.promptText
        guard !prompt.isEmpty || !response.attachments.isEmpty else { return nil }

        let lines = (prompt.isEmpty ? [] : [prompt]) + response.attachments.map(\.placeholder)
        return ImportedTurn(sourceID: "\(response.id):prompt", parentSourceID: parent, role: .user,
                            text: lines.joined(separator: "\n"), createdAt: response.startedAt,
                            attachments: response.attachments.map(\.imported))
    }
}
