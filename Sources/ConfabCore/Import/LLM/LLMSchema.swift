/// The parts of the `llm` logs.db schema that one file has.
///
/// `llm` adds tables and columns through named migrations (0.27.1 stops at
/// `m021_tool_results_exception`; 0.36 adds `m022_response_reasoning` and the message store in
/// `m023_message_store`), so the readers probe for each piece instead of assuming a version.
struct LLMSchema {
    /// The legacy store: one `responses` row per model call.
    var hasResponses: Bool
    var hasConversations: Bool
    /// The 0.36 message store: `threads`, `messages` and `parts`.
    var hasMessageStore: Bool
    var hasTurns: Bool
    var hasFragments: Bool
    var hasPromptFragments: Bool
    var hasSystemFragments: Bool
    var hasAttachments: Bool
    var hasPromptAttachments: Bool
    var hasToolCalls: Bool
    var hasToolResults: Bool
    var hasToolResultAttachments: Bool

    init(database: SQLiteSourceDatabase) throws {
        let tables = database.tables
        hasResponses = tables.contains("responses")
        hasConversations = tables.contains("conversations")
        hasMessageStore = tables.isSuperset(of: ["threads", "messages", "parts"])
        hasTurns = tables.contains("turns")
        hasFragments = tables.contains("fragments")
        hasPromptFragments = tables.contains("prompt_fragments")
        hasSystemFragments = tables.contains("system_fragments")
        hasAttachments = tables.contains("attachments")
        hasPromptAttachments = hasAttachments && tables.contains("prompt_attachments")
        hasToolCalls = tables.contains("tool_calls")
        hasToolResults = tables.contains("tool_results")
        hasToolResultAttachments = hasAttachments && hasToolResults && tables.contains("tool_results_attachments")
    }
}
