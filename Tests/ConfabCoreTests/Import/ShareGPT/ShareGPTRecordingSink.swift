import Foundation
@testable import ConfabCore

/// An import sink that keeps everything an importer hands it, for assertions.
final class ShareGPTRecordingSink: ImportSink {
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

/// What one run of the ShareGPT importer produced.
struct ShareGPTImportOutcome {
    var path: String
    var sink: ShareGPTRecordingSink
    var failure: ImportFailure?

    var conversations: [ImportedConversation] { sink.conversations }
    var problems: [ImportProblem] { sink.problems }
    var conversationIDs: [String] { sink.conversations.map(\.sourceID) }
}

enum ShareGPTFixture {
    /// Returns one record as JSON text, with `turns` given as `(from, value)` pairs.
    static func record(_ id: String?, _ turns: [(String, String)], model: String? = nil) -> String {
        var members: [String] = []
        if let id {
            members.append("\"id\": \(JSONValue.stringLiteral(id))")
        }
        if let model {
            members.append("\"model\": \(JSONValue.stringLiteral(model))")
        }
        let turnTexts = turns.map { from, value in
            "{\"from\": \(JSONValue.stringLiteral(from)), \"value\": \(JSONValue.stringLiteral(value))}"
        }
        members.append("\"conversations\": [\(turnTexts.joined(separator: ", "))]")
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// Returns a record with a human and a gpt turn whose texts name the record ("X_3 asks").
    static func part(_ id: String) -> String {
        record(id, [("human", "\(id) asks"), ("gpt", "\(id) answers")])
    }

    static func array(_ records: [String]) -> String {
        "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    static func lines(_ records: [String]) -> String {
        records.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to a file named `name` and runs the importer on it.
    static func run(_ text: String, name: String = "sample.json") throws -> ShareGPTImportOutcome {
        try run(bytes: Array(text.utf8), name: name)
    }

    static func run(bytes: [UInt8], name: String = "sample.json") throws -> ShareGPTImportOutcome {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try run(file)
    }

    static func run(_ file: URL) throws -> ShareGPTImportOutcome {
        let sink = ShareGPTRecordingSink()
        do {
            try ShareGPTImporter().read(file, into: sink)
            return ShareGPTImportOutcome(path: file.path, sink: sink, failure: nil)
        } catch let failure as ImportFailure {
            return ShareGPTImportOutcome(path: file.path, sink: sink, failure: failure)
        }
    }
}
