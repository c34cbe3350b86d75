import Foundation
@testable import ConfabCore

/// What one importer run delivered, and the failure that stopped it early, if any.
struct ImportOutcome {
    let path: String
    let sink: RecordingSink
    let failure: ImportFailure?

    var conversations: [ImportedConversation] { sink.conversations }
    var problems: [ImportProblem] { sink.problems }
    var conversationIDs: [String] { sink.conversationIDs }

    /// The only conversation imported, or nil when there is not exactly one.
    var single: ImportedConversation? {
        conversations.count == 1 ? conversations[0] : nil
    }
}
