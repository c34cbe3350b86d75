/// A function call made by an assistant message, read for display: `get_weather({"city":"Paris"})`.
///
/// Reads the items of `tool_calls` (`{id, type: "function", function: {name, arguments}}`, or
/// another `type` whose object has a `name` and `arguments` or `input`) and the legacy
/// `function_call` (`{name, arguments}`).
struct OpenAIChatToolCall: Equatable {
    /// The call id that tool results refer to in `tool_call_id`.
    var id: String?
    var name: String?
    var displayText: String

    /// Nesting depth of JSON text inside JSON strings that `arguments` is decoded through.
    private static let maximumEncodingDepth = 3

    init(_ call: JSONValue) {
        id = call["id"]?.stringValue

        let body: JSONValue
        if let type = call["type"]?.stringValue, let typed = call[type], typed.objectValue != nil {
            body = typed
        } else if let function = call["function"], function.objectValue != nil {
            body = function
        } else {
            body = call
        }

        name = body["name"]?.stringValue
        let arguments = OpenAIChatToolCall.decodedArguments(body["arguments"] ?? body["input"])
        displayText = (name ?? call["type"]?.stringValue ?? "function") + "(" + arguments + ")"
    }

    /// Returns the arguments as compact JSON, decoding the JSON-encoded string they are sent as.
    ///
    /// Some datasets encode the string twice, so decoding repeats while the result is a string
    /// that contains JSON. A string that is not JSON is returned as it is.
    static func decodedArguments(_ arguments: JSONValue?) -> String {
        guard var value = arguments else { return "" }

        for _ in 0..<maximumEncodingDepth {
            guard case let .string(text) = value, let decoded = try? JSONValue.parse(text) else { break }
            value = decoded
        }

        if case let .string(text) = value {
            return text
        }
        return value.serialized()
    }
}
