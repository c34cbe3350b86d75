/// How a ChatGPT message takes part in the transcript.
///
/// The visible transcript is what the ChatGPT web app shows as prose: user prompts and assistant
/// answers addressed to everyone. Everything else is kept as a non-message kind:
/// - `.hidden`: messages marked `is_visually_hidden_from_conversation`, `is_user_system_message`
///   or `rebase_developer_message`, custom instructions (`user_editable_context`), memory
///   (`model_editable_context`), and weight-0 system turns and scheduled (automation) prompts;
/// - `.toolCall`: assistant messages whose `recipient` is not `all` (python code, search requests);
/// - `.toolResult`: tool output (`execution_output`, browsing and quote results, any tool-role message);
/// - `.reasoning`: `thoughts`, the `reasoning_recap` marker ("Thought for 7s"), and assistant text
///   on the `commentary` or `analysis` channel addressed to everyone, which is the model's narration
///   between tool calls rather than the answer. Commentary addressed to a tool is a tool call;
/// - `.error`: `system_error` outside a tool message. A tool's own `system_error` is its result.
enum ChatGPTTurnKind {
    static func classify(role: Role, contentType: String, message: JSONObject) -> TurnKind {
        let metadata = message["metadata"]?.objectValue
        if isHidden(role: role, contentType: contentType, message: message, metadata: metadata) {
            return .hidden
        }

        switch contentType {
        case "execution_output", "tether_browsing_display", "tether_quote", "sonic_webpage":
            return .toolResult
        case "system_error":
            return role == .tool ? .toolResult : .error
        case "thoughts", "reasoning_recap":
            return .reasoning
        default:
            break
        }

        if role == .tool {
            return .toolResult
        }
        if role == .assistant {
            if let recipient = message["recipient"]?.stringValue, recipient != "all" {
                return .toolCall
            }
            if let channel = message["channel"]?.stringValue, channel == "commentary" || channel == "analysis" {
                return .reasoning
            }
        }
        return .message
    }

    private static func isHidden(role: Role, contentType: String, message: JSONObject, metadata: JSONObject?) -> Bool {
        let flags = ["is_visually_hidden_from_conversation", "is_user_system_message", "rebase_developer_message"]
        if flags.contains(where: { metadata?[$0]?.boolValue == true }) {
            return true
        }
        if contentType == "user_editable_context" || contentType == "model_editable_context" {
            return true
        }

        guard message["weight"]?.doubleValue == 0 else { return false }
        return role == .system || metadata?["real_author_type"]?.stringValue == "automation"
    }
}
