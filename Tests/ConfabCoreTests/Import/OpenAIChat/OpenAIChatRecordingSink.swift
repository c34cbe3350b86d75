import Foundation
import Testing
@testable import ConfabCore

/// An import sink that keeps everything an importer hands it, for assertions.
final class OpenAIChatRecordingSink: ImportSink {
    var conversations: [ImportedConversation] = []
    var problems: [ImportProblem] = []
    var progressReports: [(done: Int64, total: Int64)] = []
    var textRepairs = TextRepairs()

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
        textRepairs += TextRepairs(invalidUTF8: invalidUTF8, loneSurrogates: loneSurrogates)
    }
}

/// What one run of the OpenAI chat importer produced.
struct OpenAIChatImportOutcome {
    var path: String
    var sink: OpenAIChatRecordingSink
    var failure: ImportFailure?

    var conversations: [ImportedConversation] { sink.conversations }
    var problems: [ImportProblem] { sink.problems }
    var conversationIDs: [String] { sink.conversations.map(\.sourceID) }
}

enum OpenAIChatFixture {
    /// Writes `text` to a file named `name` and runs the importer on it.
    static func run(_ text: String, name: String = "train.jsonl") throws -> OpenAIChatImportOutcome {
        try run(bytes: Array(text.utf8), name: name)
    }

    static func run(bytes: [UInt8], name: String = "train.jsonl") throws -> OpenAIChatImportOutcome {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try run(file)
    }

    static func run(_ file: URL) throws -> OpenAIChatImportOutcome {
        let sink = OpenAIChatRecordingSink()
        do {
            try OpenAIChatImporter().read(file, into: sink)
            return OpenAIChatImportOutcome(path: file.path, sink: sink, failure: nil)
        } catch let failure as ImportFailure {
            return OpenAIChatImportOutcome(path: file.path, sink: sink, failure: failure)
        }
    }

    /// Runs the importer on one line and returns its only conversation.
    static func conversation(_ line: String) throws -> ImportedConversation {
        let outcome = try run(line + "\n")
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        return try #require(outcome.conversations.first)
    }
}
