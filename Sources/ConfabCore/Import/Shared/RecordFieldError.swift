/// A record of a JSON or JSON Lines file that cannot be read, with the field that stopped it.
///
/// The converters of the JSON formats throw it. `JSONRecordStream` reports it as an
/// `ImportProblem` at the record's location, then reads the next record.
struct RecordFieldError: Error, Equatable {
    /// The conversation id, when it could be read before the failure.
    var conversationID: String?
    /// The path of the missing or invalid field, such as `mapping.a1b2.message.author.role` or
    /// `conversations[3].value`, or nil when the record itself has the wrong type.
    var field: String?
    var reason: String

    init(conversationID: String? = nil, field: String?, reason: String) {
        self.conversationID = conversationID
        self.field = field
        self.reason = reason
    }

    /// Names the JSON type of `value` in words, for reasons such as "expected an object, found a string".
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    static func wrongType(_ field: String, expected: String, found value: JSONValue) -> RecordFieldError {
        RecordFieldError(field: field, reason: "expected \(expected), found \(describe(value))")
    }

    static func missing(_ field: String) -> RecordFieldError {
        RecordFieldError(field: field, reason: "missing")
    }
}
