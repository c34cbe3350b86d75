import Foundation
@testable import ConfabCore

/// An import sink that keeps everything an importer delivers, for assertions.
final class RecordingSink: ImportSink {
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

    var conversationIDs: [String] {
        conversations.map(\.sourceID)
    }

    var turnCount: Int {
        conversations.reduce(0) { $0 + $1.turns.count }
    }

    /// Every value delivered, printed with all stored properties, for searching planted secrets.
    var everything: String {
        String(reflecting: conversations) + String(reflecting: problems)
    }

    /// Returns the first conversation with `sourceID`, or nil.
    func conversation(_ sourceID: String) -> ImportedConversation? {
        conversations.first { $0.sourceID == sourceID }
    }

    func turn(_ turnID: String, in conversationID: String) -> ImportedTurn? {
        conversation(conversationID)?.importedTurn(turnID)
    }
}

extension ImportedConversation {
    /// Returns the turn with `sourceID`, or nil.
    func importedTurn(_ sourceID: String) -> ImportedTurn? {
        turns.first { $0.sourceID == sourceID }
    }
}
