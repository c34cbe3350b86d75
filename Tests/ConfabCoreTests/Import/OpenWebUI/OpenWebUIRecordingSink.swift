import Foundation
@testable import ConfabCore

/// Records everything the Open WebUI importer delivers, for assertions.
final class OpenWebUIRecordingSink: ImportSink {
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

    /// Every value delivered, printed with all stored properties, for searching planted secrets.
    var everything: String {
        String(reflecting: conversations) + String(reflecting: problems)
    }
}
