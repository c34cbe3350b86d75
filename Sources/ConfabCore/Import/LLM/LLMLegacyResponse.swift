import Foundation

/// One row of the legacy `responses` table (one model call) with the rows that hang off it.
struct LLMLegacyResponse {
    var id: String
    var conversationID: String?
    var model: String?
    var resolvedModel: String?
    /// The typed prompt; "" for the follow-up call that hands tool results back to the model.
    var prompt: String
    var system: String?
    var response: String
    /// Reasoning text, a column `m022_response_reasoning` (llm 0.36) adds.
    var reasoning: String?
    var datetime: String?
    var durationMilliseconds: Int?
    var inputTokens: Int?
    var outputTokens: Int?
    var promptFragments: [LLMFragment] = []
    var systemFragments: [LLMFragment] = []
    var attachments: [LLMAttachment] = []
    var toolCalls: [LLMToolCall] = []
    /// Results of the previous response's tool calls, which `llm` stores on this follow-up call.
    var toolResults: [LLMToolResult] = []

    /// When the prompt was sent.
    var startedAt: Date? {
        datetime.flatMap(TimestampParser.parse)
    }

    /// When the response was complete: the start plus the call's duration.
    var finishedAt: Date? {
        guard let startedAt else { return nil }
        guard let durationMilliseconds, durationMilliseconds > 0 else { return startedAt }
        return startedAt.addingTimeInterval(Double(durationMilliseconds) / 1_000)
    }

    /// The model that generated the response: the resolved model id when the plugin reported one.
    var answeringModel: String? {
        if let resolvedModel, !resolvedModel.isEmpty {
            return resolvedModel
        }
        return model
    }

    var generationSeconds: Double? {
        durationMilliseconds.map { Double($0) / 1_000 }
    }

    var promptText: String {
        LLMTurnText.prompt(prompt, fragments: promptFragments)
    }

    var systemText: String {
        LLMTurnText.system(system, fragments: systemFragments)
    }
}
