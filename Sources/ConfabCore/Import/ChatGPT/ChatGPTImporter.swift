import Foundation

/// Reads the `conversations.json` of a ChatGPT data export: an array of conversations whose
/// messages form a tree in `mapping`, or a single conversation object.
///
/// Conversations belong to the account in `user.json` beside the file when there is one.
public struct ChatGPTImporter: ConversationImporter {
    public static let format = ImportFormat.chatgpt

    public init() {}

    /// Matches a JSON array whose first element, or a single JSON object, has a `mapping` object.
    public static func matches(_ probe: FormatProbe) -> Bool {
        switch probe.shape {
        case let .jsonArray(first?), let .jsonValue(first):
            return first["mapping"]?.objectValue != nil
        default:
            return false
        }
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let user = ChatGPTAccountFile.user(besides: file)
        let fileName = file.lastPathComponent

        let stream = JSONRecordStream(file: file, sink: sink, expecting: .jsonOrLines)
        try stream.importConversations { record throws(RecordFieldError) in
            // Without an id, the element's index in the file keeps the id stable across imports.
            var conversation = try ChatGPTConversation.read(record.value, fallbackID: "\(fileName)#\(record.location.index)")
            conversation.user = user
            return conversation
        }
    }
}
