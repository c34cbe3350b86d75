/// The speaker of a turn, normalised across export formats.
///
/// Formats name roles differently (ShareGPT `human`/`gpt`, Claude `human`/`assistant`, OpenAI
/// `developer`); importers map them onto these four and keep the original word in the turn's
/// author field when it carries information.
public enum Role: String, Sendable, Codable, CaseIterable {
    case system
    case user
    case assistant
    case tool
}

/// How a turn takes part in the transcript.
///
/// Only `message` turns form the visible transcript by default. The others are kept, so search
/// and retention can include or exclude them on purpose, and the console can show them on request.
public enum TurnKind: String, Sendable, Codable, CaseIterable {
    /// Prose a person or the model wrote for the conversation.
    case message
    /// A turn the product hid from its own transcript: hidden system prompts, custom instructions,
    /// memory context, scheduled prompts.
    case hidden
    /// An assistant turn addressed to a tool (code to run, a search request, a function call).
    case toolCall = "tool_call"
    /// Output that a tool returned.
    case toolResult = "tool_result"
    /// Reasoning or thinking text that is not part of the answer.
    case reasoning
    /// A failed generation: the text is the error message.
    case error
}

/// The export formats Confab reads, with the names used by `--format` and stored as a
/// conversation's source.
public enum ImportFormat: String, Sendable, Codable, CaseIterable {
    case chatgpt
    case claude
    case sharegpt
    case openaiJSONL = "openai-jsonl"
    case llm
    case openWebUI = "open-webui"
    /// Data made by `confab demo`.
    case demo
}
