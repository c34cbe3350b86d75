extension JSONRecordStream {
    /// Converts each record into one conversation and hands it to the sink.
    ///
    /// A record whose conversion throws `RecordFieldError` is reported with `sink.skip` at the
    /// record's "line N, byte B", and the next record is read. When the file breaks, this throws
    /// `ImportFailure.truncated` or `.malformed` after every conversation before the break has
    /// reached the sink.
    func importConversations(_ convert: (JSONRecord) throws(RecordFieldError) -> ImportedConversation) throws {
        var deliveredCount = 0

        let ending = try forEachRecord { record in
            let conversation: ImportedConversation
            do throws(RecordFieldError) {
                conversation = try convert(record)
            } catch {
                sink.skip(ImportProblem(
                    file: file.path, location: record.locationDescription,
                    conversationID: error.conversationID, field: error.field, reason: error.reason))
                return
            }
            try sink.accept(conversation)
            deliveredCount += 1
        }

        if let failure = ending.failure(file: file.path, completeConversations: deliveredCount) {
            throw failure
        }
    }
}
