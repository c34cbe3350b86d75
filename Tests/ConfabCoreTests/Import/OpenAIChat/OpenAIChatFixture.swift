import Testing
@testable import ConfabCore

/// Runs of the OpenAI chat importer over hand-written files.
enum OpenAIChatFixture {
    /// Writes `text` to a file named `name` and runs the importer on it.
    static func run(_ text: String, name: String = "train.jsonl") throws -> ImportOutcome {
        try OpenAIChatImporter().outcome(reading: text, writtenAs: name)
    }

    static func run(bytes: [UInt8], name: String = "train.jsonl") throws -> ImportOutcome {
        try OpenAIChatImporter().outcome(readingBytes: bytes, writtenAs: name)
    }

    /// Runs the importer on one line and returns its only conversation.
    static func conversation(_ line: String) throws -> ImportedConversation {
        let outcome = try run(line + "\n")
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        return try #require(outcome.conversations.first)
    }
}
