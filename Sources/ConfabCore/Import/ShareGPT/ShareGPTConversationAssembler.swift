import Foundation

/// Groups ShareGPT records into conversations as they stream past and delivers each one when
/// the next begins.
///
/// Parts of a split conversation (`X_0`, `X_1`, …) arrive next to each other in real dumps, so
/// only consecutive records are grouped, which keeps memory bounded by one conversation. A group
/// ends at a record with another id, at a record without a part number, and at a part number it
/// already has: ids repeat in merged datasets, and a repeated part starts a different
/// conversation with the same id.
final class ShareGPTConversationAssembler {
    private let file: URL
    private let sink: any ImportSink
    private var current: ShareGPTConversationGroup?

    /// Conversations handed to the sink so far.
    private(set) var deliveredCount = 0

    init(file: URL, sink: any ImportSink) {
        self.file = file
        self.sink = sink
    }

    func add(_ record: JSONRecord) throws {
        let recordID = ShareGPTRecord.id(of: record.value).flatMap { $0.isEmpty ? nil : $0 }
        let content: ShareGPTConversationGroup.PartContent
        do throws(RecordFieldError) {
            content = .read(try ShareGPTRecord(record.value))
        } catch {
            sink.skip(ImportProblem(
                file: file.path, location: record.locationDescription, conversationID: recordID,
                field: error.field, reason: error.reason))
            content = .unreadable
        }

        guard let recordID else {
            // Without an id the record cannot belong to a split conversation, and a record too
            // broken to have one is left out without ending the group around it.
            if case let .read(parsed) = content {
                try deliverCurrent()
                try deliver(ShareGPTConversationGroup(
                    standalone: parsed, conversationID: record.synthesizedID(fileName: file.lastPathComponent), location: record.locationDescription))
            }
            return
        }

        guard let partID = ShareGPTPartID(recordID) else {
            try deliverCurrent()
            if case let .read(parsed) = content {
                try deliver(ShareGPTConversationGroup(
                    standalone: parsed, conversationID: recordID, location: record.locationDescription))
            }
            return
        }

        if current?.conversationID != partID.conversationID || current?.contains(partNumber: partID.number) == true {
            try deliverCurrent()
            current = ShareGPTConversationGroup(splitConversationID: partID.conversationID, location: record.locationDescription)
        }
        current?.append(content, number: partID.number)
    }

    /// Delivers the conversation still being grouped. Call it at the end of the file, and before
    /// reporting a break, because a group whose last record was complete is a complete conversation.
    func finish() throws {
        try deliverCurrent()
    }

    private func deliverCurrent() throws {
        guard let group = current else { return }
        current = nil
        try deliver(group)
    }

    private func deliver(_ group: ShareGPTConversationGroup) throws {
        guard let conversation = group.makeConversation() else {
            // Parts that could not be read were reported when they were skipped.
            let hasReadablePart = group.parts.contains { part in
                if case .read = part.content { return true }
                return false
            }
            if hasReadablePart {
                sink.skip(ImportProblem(
                    file: file.path, location: group.firstLocation, conversationID: group.conversationID,
                    field: "conversations", reason: "the conversation has no turns"))
            }
            return
        }
        try sink.accept(conversation)
        deliveredCount += 1
    }
}
