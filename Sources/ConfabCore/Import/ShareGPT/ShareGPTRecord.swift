/// One ShareGPT record: a whole conversation, or one part of a split one.
///
/// The shape is `{"id": …, "model": …, "conversations": [{"from": …, "value": …}, …]}`. Some
/// variants (LLaMA-Factory) add a record-level `system` prompt and other fields such as `tools`.
struct ShareGPTRecord {
    struct Message {
        var from: String
        var value: String
        /// The turn object's keys other than `from` and `value` as JSON text, or nil when there are none.
        var otherFieldsJSON: String?
    }

    var model: String?
    /// A record-level `system` prompt, which comes before the messages.
    var systemPrompt: String?
    var messages: [Message]
    /// Record keys other than `id`, `model`, `system` and `conversations`, in document order.
    var otherFields: [(key: String, value: JSONValue)]

    private static let knownKeys: Set<String> = ["id", "model", "system", "conversations"]

    /// Reads a record, or throws naming the first field that is missing or has the wrong type.
    init(_ json: JSONValue) throws(RecordFieldError) {
        guard let object = json.objectValue else {
            throw RecordFieldError(field: nil, reason: "the record is not a JSON object")
        }
        guard let turns = object["conversations"] else {
            throw RecordFieldError(field: "conversations", reason: "the field is missing")
        }
        guard let turnValues = turns.arrayValue else {
            throw RecordFieldError(field: "conversations", reason: "the field is not an array")
        }

        messages = []
        messages.reserveCapacity(turnValues.count)
        for (index, turn) in turnValues.enumerated() {
            messages.append(try ShareGPTRecord.readMessage(turn, at: index))
        }

        model = object["model"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        systemPrompt = object["system"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        otherFields = object.members.filter { !ShareGPTRecord.knownKeys.contains($0.key) }
    }

    /// Returns the record's `id` when it is a string, or a number written in decimal, and nil otherwise.
    static func id(of json: JSONValue) -> String? {
        switch json["id"] {
        case let .string(id)?:
            return id
        case let .number(number)?:
            return Int(exactly: number).map(String.init) ?? String(number)
        default:
            return nil
        }
    }

    private static func readMessage(_ turn: JSONValue, at index: Int) throws(RecordFieldError) -> Message {
        let path = "conversations[\(index)]"
        guard let object = turn.objectValue else {
            throw RecordFieldError(field: path, reason: "the turn is not a JSON object")
        }
        guard let fromValue = object["from"] else {
            throw RecordFieldError(field: path + ".from", reason: "the field is missing")
        }
        guard let from = fromValue.stringValue else {
            throw RecordFieldError(field: path + ".from", reason: "the field is not a string")
        }
        guard let valueField = object["value"] else {
            throw RecordFieldError(field: path + ".value", reason: "the field is missing")
        }
        guard let value = valueField.stringValue else {
            throw RecordFieldError(field: path + ".value", reason: "the field is not a string")
        }

        let otherMembers = object.members.filter { $0.key != "from" && $0.key != "value" }
        let otherFieldsJSON = otherMembers.isEmpty ? nil : JSONValue.object(JSONObject(otherMembers)).serialized()
        return Message(from: from, value: value, otherFieldsJSON: otherFieldsJSON)
    }
}
