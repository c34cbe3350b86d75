/// A parsed JSON value.
///
/// Objects keep their keys in document order, because some exports carry meaning in order and
/// because building a hash table for every small object would dominate import time. Use
/// `subscript(key:)` for the few lookups an importer makes, and `JSONObject.dictionary()` where
/// an object is large and searched often (ChatGPT's `mapping`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        guard case let .object(object) = self else { return nil }
        return object[key]
    }

    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var doubleValue: Double? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The number as an integer when it is integral and fits in `Int`.
    public var intValue: Int? {
        guard case let .number(value) = self, value.rounded() == value,
              value >= -9.0e18, value <= 9.0e18 else { return nil }
        return Int(value)
    }

    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case let .object(value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// A JSON object as an ordered list of members.
public struct JSONObject: Sendable, Equatable {
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    /// Builds a hash table of the members; a repeated key keeps its first value, as `subscript` does.
    public func dictionary() -> [String: JSONValue] {
        var result = [String: JSONValue](minimumCapacity: members.count)
        for member in members where result[member.key] == nil {
            result[member.key] = member.value
        }
        return result
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (left, right) in zip(lhs.members, rhs.members) where left.key != right.key || left.value != right.value {
            return false
        }
        return true
    }
}
