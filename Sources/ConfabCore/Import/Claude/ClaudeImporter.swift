import Foundation

/// Reads the `conversations.json` of a Claude.ai data export: an array of conversations, each with
/// a flat `chat_messages` list that `parent_message_uuid` links into a tree.
///
/// Each conversation belongs to its `account.uuid`, named from `users.json` beside the file when
/// that file lists the account.
public struct ClaudeImporter: ConversationImporter {
    public static let format = ImportFormat.claude

    public init() {}

    /// Matches a JSON array whose first element, or a single JSON object, has a `chat_messages`
    /// array and a string `uuid`.
    public static func matches(_ probe: FormatProbe) -> Bool {
        switch probe.shape {
        case let .jsonArray(first?), let .jsonValue(first):
            return first["chat_messages"]?.arrayValue != nil && first["uuid"]?.stringValue != nil
        default:
            return false
        }
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let accountNames = ClaudeUsersFile.names(besides: file)
        let fileName = file.lastPathComponent

        let stream = JSONRecordStream(file: file, sink: sink, expecting: .jsonOrLines)
        try stream.importConversations { record throws(RecordFieldError) in
            // Without a uuid, the element's index in the file keeps the id stable across imports.
            try ClaudeConversation.read(record.value, accountNames: accountNames, fallbackID: "\(fileName)#\(record.location.index)")
        }
    }
}
