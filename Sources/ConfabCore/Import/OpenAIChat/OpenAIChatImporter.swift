import Foundation

/// Reads OpenAI chat fine-tuning files: JSON Lines of `{"messages": [...]}` chat lines or
/// preference lines, one conversation per line. A file holding one such object also reads.
///
/// The format has no conversation ids, timestamps or users. A line without an `id` gets
/// `<file name>:<line number>`, so re-importing the same file maps every line to the same
/// conversation. A line that is not valid JSON, or whose messages are missing or invalid, is
/// skipped with its line number, byte offset and field, and the other lines are imported.
public struct OpenAIChatImporter: ConversationImporter {
    public static let format = ImportFormat.openaiJSONL

    public init() {}

    /// Matches JSON Lines or a single object whose first value has a `messages` array of objects
    /// with a `role` string, or is a preference line (`input.messages` and `preferred_output`).
    public static func matches(_ probe: FormatProbe) -> Bool {
        switch probe.shape {
        case let .jsonLines(first), let .jsonValue(first):
            if let messages = first["messages"]?.arrayValue {
                return hasRoles(messages)
            }
            if let messages = first["input"]?["messages"]?.arrayValue, first["preferred_output"]?.arrayValue != nil {
                return hasRoles(messages)
            }
            return false
        case .jsonArray, .sqlite, .other:
            return false
        }
    }

    private static func hasRoles(_ messages: [JSONValue]) -> Bool {
        !messages.isEmpty && messages.allSatisfy { $0["role"]?.stringValue != nil }
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let stream = JSONRecordStream(file: file, sink: sink, expecting: .lines)
        try stream.importConversations { record throws(RecordFieldError) in
            try OpenAIChatLine.makeConversation(record.value, fallbackID: record.synthesizedID(fileName: file.lastPathComponent))
        }
    }
}
