import Foundation
@testable import ConfabCore

/// An import sink that keeps everything a ChatGPT import delivers, for assertions.
final class ChatGPTRecordingSink: ImportSink {
    var conversations: [ImportedConversation] = []
    var problems: [ImportProblem] = []
    var progressReports: [(done: Int64, total: Int64)] = []
    var repairs = TextRepairs()

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
        repairs += TextRepairs(invalidUTF8: invalidUTF8, loneSurrogates: loneSurrogates)
    }
}

/// The outcome of importing one ChatGPT file: what reached the sink, and the error that stopped
/// reading, if any.
struct ChatGPTImportResult {
    let sink: ChatGPTRecordingSink
    let failure: (any Error)?

    var conversations: [ImportedConversation] { sink.conversations }
    var problems: [ImportProblem] { sink.problems }

    /// The only conversation imported, or nil when there is not exactly one.
    var single: ImportedConversation? {
        conversations.count == 1 ? conversations[0] : nil
    }
}

extension ImportedConversation {
    /// Returns the turn with `sourceID`, or nil.
    func importedTurn(_ sourceID: String) -> ImportedTurn? {
        turns.first { $0.sourceID == sourceID }
    }
}

enum ChatGPTImportRun {
    /// Writes `json` as `conversations.json` (plus any `besides` files) into a fresh folder and
    /// imports it with `ChatGPTImporter`.
    static func run(_ json: String, besides: [String: String] = [:]) throws -> ChatGPTImportResult {
        let folder = try TemporaryDirectory()
        for (name, text) in besides {
            _ = try folder.write(text, to: name)
        }
        let file = try folder.write(json, to: "conversations.json")
        return read(file)
    }

    static func read(_ file: URL) -> ChatGPTImportResult {
        let sink = ChatGPTRecordingSink()
        do {
            try ChatGPTImporter().read(file, into: sink)
            return ChatGPTImportResult(sink: sink, failure: nil)
        } catch {
            return ChatGPTImportResult(sink: sink, failure: error)
        }
    }
}
