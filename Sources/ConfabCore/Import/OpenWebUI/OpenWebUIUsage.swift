/// Token counts and generation time from an Open WebUI message's `usage` object (older versions:
/// `info`).
///
/// Ollama reports `prompt_eval_count`, `eval_count`, `total_duration` in nanoseconds and
/// `response_token/s`. OpenAI-compatible APIs report `prompt_tokens` and `completion_tokens`, and
/// Open WebUI 0.6 copies Ollama's counts into these names too. Some providers use `input_tokens`
/// and `output_tokens`. The generation time is `total_duration`, which includes loading the model,
/// or else `eval_count` divided by `response_token/s`.
struct OpenWebUIUsage: Equatable {
    var inputTokens: Int?
    var outputTokens: Int?
    var generationSeconds: Double?

    init(_ usage: JSONValue?) {
        guard let usage, usage.objectValue != nil else { return }

        inputTokens = OpenWebUIUsage.count(usage, ["prompt_tokens", "prompt_eval_count", "input_tokens"])
        outputTokens = OpenWebUIUsage.count(usage, ["completion_tokens", "eval_count", "output_tokens"])

        if let nanoseconds = usage["total_duration"]?.doubleValue, nanoseconds > 0 {
            generationSeconds = nanoseconds / 1e9
        } else if let tokens = usage["eval_count"]?.doubleValue,
                  let rate = usage["response_token/s"]?.doubleValue, rate > 0 {
            generationSeconds = tokens / rate
        }
    }

    private static func count(_ usage: JSONValue, _ keys: [String]) -> Int? {
        for key in keys {
            if let value = usage[key]?.intValue, value >= 0 {
                return value
            }
        }
        return nil
    }
}
