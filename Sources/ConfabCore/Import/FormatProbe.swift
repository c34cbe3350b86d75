import Foundation

/// What a file looks like structurally, read once and shown to every importer's `matches`.
public struct FormatProbe: Sendable {
    public enum Shape: Sendable, Equatable {
        /// A SQLite database with these table names.
        case sqlite(tables: Set<String>)
        /// A JSON array; `first` is its first element, nil when the array is empty.
        case jsonArray(first: JSONValue?)
        /// A single top-level JSON value.
        case jsonValue(JSONValue)
        /// JSON Lines; `first` is the first line that parsed.
        case jsonLines(first: JSONValue)
        /// Neither SQLite nor JSON whose first value could be read.
        case other(reason: String)
    }

    public let file: URL
    public let shape: Shape

    public init(file: URL, shape: Shape) {
        self.file = file
        self.shape = shape
    }

    /// The value a JSON importer looks at: the first array element, the single value, or the
    /// first line.
    public var firstJSONValue: JSONValue? {
        switch shape {
        case let .jsonArray(first): return first
        case let .jsonValue(value): return value
        case let .jsonLines(first): return first
        case .sqlite, .other: return nil
        }
    }

    public var sqliteTables: Set<String>? {
        if case let .sqlite(tables) = shape { return tables }
        return nil
    }
}
