/// The role and kind of a ShareGPT turn, read from its `from` field.
///
/// The original dump uses `human`, `gpt` and `system`. Later datasets add `user`, `assistant`,
/// `chatgpt`, `bing` and `bard`, and tool-style `function_call`, `observation`, `function` and
/// `tool` (LLaMA-Factory, NeMo). Matching ignores letter case.
struct ShareGPTSpeaker: Equatable {
    var role: Role
    var kind: TurnKind
    /// The original `from` word, kept where it says more than the role does (`bing`, `bard`,
    /// `observation`), and nil for `human`, `gpt` and the role names themselves.
    var author: String?
    /// False for a `from` word outside the known vocabulary, which is read as a user turn.
    var isKnown: Bool

    init(from: String) {
        let word = from.lowercased()
        switch word {
        case "human", "user":
            (role, kind, isKnown) = (.user, .message, true)
        case "gpt", "chatgpt", "bing", "bard", "assistant":
            (role, kind, isKnown) = (.assistant, .message, true)
        case "system":
            (role, kind, isKnown) = (.system, .message, true)
        case "function_call":
            (role, kind, isKnown) = (.assistant, .toolCall, true)
        case "observation", "function", "tool":
            (role, kind, isKnown) = (.tool, .toolResult, true)
        default:
            // Datasets with other speakers are mostly role-play with named characters, so a turn
            // by an unknown speaker is kept as a user turn under that speaker's name rather than dropped.
            (role, kind, isKnown) = (.user, .message, false)
        }

        let impliedWords: Set<String> = ["human", "gpt", "user", "assistant", "system"]
        author = impliedWords.contains(word) || from.isEmpty ? nil : from
    }
}
