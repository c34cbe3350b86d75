import Foundation
@testable import ConfabCore

/// Builds `llm` logs.db fixtures in a temporary folder from SQL text.
enum LLMFixture {
    /// Creates `name` in `directory` by running each SQL text in order, and closes it.
    static func database(_ sql: [String], in directory: TemporaryDirectory, name: String = "logs.db") throws -> URL {
        let path = directory.path(name)
        do {
            let connection = try Connection(path: path)
            try connection.writeTransaction {
                for text in sql {
                    try connection.execute(text)
                }
            }
        }
        return URL(fileURLWithPath: path)
    }

    /// Parses an ISO 8601 text, for comparing turn times.
    static func date(_ text: String) -> Date? {
        TimestampParser.parse(text)
    }
}
