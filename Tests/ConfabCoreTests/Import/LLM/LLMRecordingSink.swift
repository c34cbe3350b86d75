import Foundation
@testable import ConfabCore

/// Records everything the `llm` importer delivers, for assertions.
final class LLMRecordingSink: ImportSink {
    var conversations: [ImportedConversation] = []
    var problems: [ImportProblem] = []
    var progressReports: [(done: Int64, total: Int64)] = []
    var invalidUTF8 = 0
    var loneSurrogates = 0

    func accept(_ conversation: ImportedConversation) throws {
        conversations.append(conversation)
    }

    func skip(_ problem: ImportProblem) {
        problems.append(problem)
    }

    func progress(done: Int64, total: Int64) {
        progressReports.append((done, total))
    }

    func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int) {
        self.invalidUTF8 += invalidUTF8
        self.loneSurrogates += loneSurrogates
    }

    func conversation(_ sourceID: String) -> ImportedConversation? {
        conversations.first { $0.sourceID == sourceID }
    }

    func turn(_ turnID: String, in conversationID: String) -> ImportedTurn? {
        conversation(conversationID)?.turns.first { $0.sourceID == turnID }
    }

    var turnCount: Int {
        conversations.reduce(0) { $0 + $1.turns.count }
    }
}

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

    static func read(_ file: URL) throws -> LLMRecordingSink {
        let sink = LLMRecordingSink()
        try LLMImporter().read(file, into: sink)
        return sink
    }

    /// Parses an ISO 8601 text, for comparing turn times.
    static func date(_ text: String) -> Date? {
        TimestampParser.parse(text)
    }
}
