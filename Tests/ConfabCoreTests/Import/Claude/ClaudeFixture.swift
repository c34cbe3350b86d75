@testable import ConfabCore

/// Builders for hand-written Claude export JSON, and a run of the importer over it.
enum ClaudeFixture {
    /// Writes `json` as `conversations.json` (plus any `besides` files) into a fresh folder and
    /// imports it with `ClaudeImporter`.
    static func run(_ json: String, besides: [String: String] = [:]) throws -> ImportOutcome {
        try ClaudeImporter().outcome(reading: json, writtenAs: "conversations.json", besides: besides)
    }

    static let rootParent = "00000000-0000-4000-8000-000000000000"

    static func quoted(_ text: String?) -> String {
        text.map(JSONValue.stringLiteral) ?? "null"
    }

    static func textBlock(_ text: String) -> String {
        #"{"start_timestamp":"2025-07-06T03:10:13.605158Z","stop_timestamp":"2025-07-06T03:10:13.605158Z","flags":null,"type":"text","text":\#(quoted(text)),"citations":[]}"#
    }

    /// Builds a message. A nil `parent` leaves out `parent_message_uuid`, and `blocks` are JSON block objects.
    static func message(
        _ uuid: String, sender: String, blocks: [String], text: String = "", parent: String? = nil,
        createdAt: String = "2025-07-06T03:10:13.609691Z", attachments: String = "[]", files: String = "[]"
    ) -> String {
        let parentMember = parent.map { #","parent_message_uuid":\#(quoted($0))"# } ?? ""
        return #"{"uuid":\#(quoted(uuid)),"text":\#(quoted(text)),"content":[\#(blocks.joined(separator: ","))],"sender":\#(quoted(sender)),"created_at":\#(quoted(createdAt)),"updated_at":\#(quoted(createdAt)),"attachments":\#(attachments),"files":\#(files)\#(parentMember)}"#
    }

    static func conversation(_ uuid: String, messages: [String], account: String = "acct-1", extra: String = "") -> String {
        let tail = extra.isEmpty ? "" : "," + extra
        return #"{"uuid":\#(quoted(uuid)),"name":"Fixture","summary":"","created_at":"2025-07-06T03:10:13.076141Z","updated_at":"2025-07-06T03:10:27.139200Z","account":{"uuid":\#(quoted(account))},"chat_messages":[\#(messages.joined(separator: ","))]\#(tail)}"#
    }
}
