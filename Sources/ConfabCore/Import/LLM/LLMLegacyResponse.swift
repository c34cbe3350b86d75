import Foundation

/// One row of the legacy `responses` table (one model call) with the rows that hang off it.
struct LLMLegacyResponse: LLMModelCallColumns {
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

    var promptText: String {
        LLMTurnText.prompt(prompt, fragments: promptFragments)
    }

    var systemText: String {
        LLMTurnText.system(system, fragments: systemFragments)
    }
}
