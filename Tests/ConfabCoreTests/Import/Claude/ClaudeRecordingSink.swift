import Foundation
@testable import ConfabCore

/// An import sink that keeps everything a Claude import delivers, for assertions.
final class ClaudeRecordingSink: ImportSink {
    var conversations: [ImportedConversation] = []
    var problems: [ImportProblem] = []
    var lastProgress: (done: Int64, total: Int64)?
    var repairs = TextRepairs()

    func accept(_ conversation: ImportedConversation) throws {
        conversations.append(conversation)
    }

    func skip(_ problem: ImportProblem) {
        problems.append(problem)
    }

    func progress(done: Int64, total: Int64) {
        lastProgress = (done, total)
    }

    func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int) {
        repairs += TextRepairs(invalidUTF8: invalidUTF8, loneSurrogates: loneSurrogates)
    }
}

/// The outcome of importing one Claude file: what reached the sink, and the error that stopped
/// reading, if any.
struct ClaudeImportResult {
    let sink: ClaudeRecordingSink
    let failure: (any Error)?

    var conversations: [ImportedConversation] { sink.conversations }
    var problems: [ImportProblem] { sink.problems }

    /// The only conversation imported, or nil when there is not exactly one.
    var single: ImportedConversation? {
        conversations.count == 1 ? conversations[0] : nil
    }
}

enum ClaudeImportRun {
    /// Writes `json` as `conversations.json` (plus any `besides` files) into a fresh folder and
    /// imports it with `ClaudeImporter`.
    static func run(_ json: String, besides: [String: String] = [:]) throws -> ClaudeImportResult {
        let folder = try TemporaryDirectory()
        for (name, text) in besides {
            _ = try folder.write(text, to: name)
        }
        return read(try folder.write(json, to: "conversations.json"))
    }

    static func read(_ file: URL) -> ClaudeImportResult {
        let sink = ClaudeRecordingSink()
        do {
            try ClaudeImporter().read(file, into: sink)
            return ClaudeImportResult(sink: sink, failure: nil)
        } catch {
            return ClaudeImportResult(sink: sink, failure: error)
        }
    }
}
