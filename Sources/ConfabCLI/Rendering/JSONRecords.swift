import ConfabCore
import Foundation

/// The `--json` shapes of Confab's records. Times are ISO 8601 strings in UTC or null; ids are the
/// integer keys other commands accept.
enum JSONRecords {
    static func time(_ date: Date?) -> JSONValue {
        date.map { .string(ISO8601.format($0)) } ?? .null
    }

    static func string(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    static func number(_ value: Int?) -> JSONValue {
        value.map { .number(Double($0)) } ?? .null
    }

    static func number(_ value: Int64) -> JSONValue {
        .number(Double(value))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    static func user(_ user: UserSummary) -> JSONValue {
        object([
            ("id", number(user.id)),
            ("uid", .string(user.uid)),
            ("name", .string(user.name)),
            ("external_ids", .array(user.externalIDs.map { .string($0.externalID) })),
            ("accounts", .array(user.externalIDs.map {
                object([("source", .string($0.source)), ("external_id", .string($0.externalID))])
            })),
            ("legal_hold", .bool(user.legalHold)),
            ("conversations", number(user.conversationCount)),
            ("last_activity_at", time(user.lastActivityAt)),
        ])
    }

    static func conversation(_ conversation: ConversationSummary) -> JSONValue {
        object([
            ("id", number(conversation.id)),
            ("uid", .string(conversation.uid)),
            ("user", number(conversation.userID)),
            ("user_name", .string(conversation.userName)),
            ("title", string(conversation.title)),
            ("model", string(conversation.model)),
            ("source", .string(conversation.source)),
            ("source_id", .string(conversation.sourceID)),
            ("turns", number(conversation.turnCount)),
            ("created_at", time(conversation.createdAt)),
            ("updated_at", time(conversation.updatedAt)),
        ])
    }

    static func turn(_ turn: TurnRecord) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", number(turn.id)),
            ("uid", .string(turn.uid)),
            ("parent_id", turn.parentID.map(number) ?? .null),
            ("source_id", .string(turn.sourceID)),
            ("position", number(turn.position)),
            ("branch", number(turn.branchIndex)),
            ("branches", number(turn.siblingCount)),
            ("role", .string(turn.role.rawValue)),
            ("kind", .string(turn.kind.rawValue)),
            ("on_default_thread", .bool(turn.onDefaultThread)),
            ("author", string(turn.author)),
            ("model", string(turn.model)),
            ("text", .string(turn.text)),
            ("created_at", time(turn.createdAt)),
            ("input_tokens", number(turn.inputTokens)),
            ("output_tokens", number(turn.outputTokens)),
            ("generation_seconds", turn.generationSeconds.map(JSONValue.number) ?? .null),
        ]
        if !turn.attachments.isEmpty {
            members.append(("attachments", .array(turn.attachments.map { attachment in
                object([
                    ("name", string(attachment.name)),
                    ("mime_type", string(attachment.mimeType)),
                    ("size_bytes", number(attachment.sizeBytes)),
                    ("reference", string(attachment.reference)),
                ])
            })))
        }
        if let raw = turn.rawPayloadJSON {
            members.append(("raw_payload", (try? JSONValue.parse(raw)) ?? .string(raw)))
        }
        return object(members)
    }

    static func statistics(_ statistics: StoreStatistics, path: String) -> JSONValue {
        object([
            ("database", .string(path)),
            ("users", number(statistics.users)),
            ("conversations", number(statistics.conversations)),
            ("turns", number(statistics.turns)),
            ("database_bytes", number(statistics.databaseBytes)),
            ("wal_bytes", number(statistics.walBytes)),
            ("page_size", number(statistics.pageSize)),
            ("page_count", number(statistics.pageCount)),
            ("freelist_count", number(statistics.freelistCount)),
            ("imports", number(statistics.imports)),
            ("turns_by_kind", object(statistics.turnsByKind.sorted { $0.key < $1.key }.map { ($0.key, number($0.value)) })),
            ("conversations_by_source", object(statistics.conversationsBySource.sorted { $0.key < $1.key }.map { ($0.key, number($0.value)) })),
            ("oldest_turn_at", time(statistics.oldestTurnAt)),
            ("newest_turn_at", time(statistics.newestTurnAt)),
        ])
    }

    /// Serialises a listing as a JSON array, one element per line, so large listings stay readable
    /// in a pager and diff well.
    static func array(_ values: [JSONValue]) -> String {
        guard !values.isEmpty else { return "[]\n" }
        return "[\n" + values.map { "  " + $0.serialized() }.joined(separator: ",\n") + "\n]\n"
    }
}
