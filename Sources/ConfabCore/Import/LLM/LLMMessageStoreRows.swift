import Foundation

/// A row of the 0.36 `threads` table: a named pointer at the tip message of a conversation.
struct LLMThread {
    var id: String
    var name: String?
    var tipHash: String?
    /// The thread this one was forked from; the two share every message up to the fork point.
    var forkedFrom: String?
    var datetime: String?
}

/// A row of the content-addressed `messages` table with its parts in position order.
struct LLMMessage {
    /// `b2:<hex>`, a hash over the content and the parent's hash.
    var hash: String
    var parentHash: String?
    var role: String?
    var parts: [LLMPart] = []
}

/// A row of `parts`.
struct LLMPart {
    var position: Int
    /// `text`, `reasoning`, `tool_call`, `tool_result` or `attachment`.
    var type: String
    var toolName: String?
    /// Literal text of a text or reasoning part; NULL when the payload carries a `text_ref`.
    var text: String?
    /// The rest of the part as JSON: tool call arguments, tool output, attachment references, or
    /// `{"text_ref": [{"fragment": 1}, {"literal": "…"}]}` for text built from fragments.
    var payload: JSONValue?
    /// The payload column's text when it is not valid JSON.
    var invalidPayload: String?
}

/// A row of `turns`: one model call, which added the messages after `parentHash` up to `tipHash`.
struct LLMModelCall: LLMModelCallColumns {
    var id: String
    var threadID: String?
    /// The last message sent to the model (the prompt).
    var parentHash: String?
    /// The last message the model produced.
    var tipHash: String?
    var model: String?
    var resolvedModel: String?
    var inputTokens: Int?
    var outputTokens: Int?
    var durationMilliseconds: Int?
    var datetime: String?
}

/// Everything read from the source for one thread.
struct LLMThreadContent {
    var thread: LLMThread
    /// Messages by hash: every message on the chain to the thread's tip and to the tips of the
    /// thread's own model calls.
    var messages: [String: LLMMessage]
    /// Message hashes with every parent before its children.
    var order: [String]
    /// The thread's own model calls first, then those of the threads it was forked from; each
    /// group in time order.
    var modelCalls: [LLMModelCall]
    /// Fragment contents by id, for `text_ref` payloads.
    var fragments: [Int64: LLMFragment]
    var attachments: [String: LLMAttachment]
    /// Things noticed while reading, such as a parent hash that names no message.
    var warnings: [String]
}
