import ConfabCore

/// Output shared by `confab rename` and `confab tag`.
enum MetadataEditOutput {
    /// Applies `edit` with the version the user expects, when given, as a compare-and-set.
    static func apply(_ edit: ConversationEdit, conversationID: Int64, context: CommandContext) throws -> EditOutcome {
        let store = try context.openExistingStore()
        let writer = store.makeLiveWriter()
        guard var base = try writer.metadata(ofConversation: conversationID) else {
            throw CommandFailure(LiveWriteError.conversationNotFound(conversationID).description)
        }
        var policy = StaleEditPolicy.mergeFields
        if let expected = context.arguments.int("expect-version") {
            base.version = Int64(expected)
            policy = .rejectAll
        }
        do {
            return try writer.edit(edit, base: base, onStale: policy)
        } catch let error as LiveWriteError {
            throw CommandFailure(context.safe(error.description))
        }
    }

    static func json(_ outcome: EditOutcome) -> JSONValue {
        let resolution: String
        var rejected: [String] = []
        switch outcome.resolution {
        case .applied: resolution = "applied"
        case .merged: resolution = "merged"
        case .rejected(let fields):
            resolution = "rejected"
            rejected = fields
        }
        let current = outcome.current
        return JSONRecords.object([
            ("conversation_id", JSONRecords.number(current.conversationID)),
            ("resolution", .string(resolution)),
            ("rejected_fields", .array(rejected.map(JSONValue.string))),
            ("version", JSONRecords.number(current.version)),
            ("title", JSONRecords.string(current.title)),
            ("tags", .array(current.tags.map(JSONValue.string))),
            ("archived", .bool(current.isArchived)),
            ("busy_retries", JSONRecords.number(outcome.busyRetries)),
        ])
    }

    /// Prints the outcome and returns the exit status: 1 when a field was rejected.
    static func report(_ outcome: EditOutcome, applied: String, context: CommandContext) -> Int32 {
        if context.arguments.flag("json") {
            context.stdout.write(json(outcome).serialized() + "\n")
        }
        let current = outcome.current
        let id = current.conversationID
        switch outcome.resolution {
        case .applied:
            if !context.arguments.flag("json") {
                context.stdout.write("\(applied) (conversation \(id), version \(current.version)).\n")
            }
            return ExitStatus.success
        case .merged:
            if !context.arguments.flag("json") {
                context.stdout.write("\(applied) (conversation \(id), version \(current.version)); another edit committed in between changed other fields and was kept.\n")
            }
            return ExitStatus.success
        case .rejected(let fields):
            let title = context.safe(current.title ?? "(untitled)")
            context.stderr.write("""
                Error: conversation \(id) was edited by someone else since the version you read, and their \
                \(fields.joined(separator: " and ")) was kept. It is now version \(current.version), titled "\(title)", \
                tags: \(current.tags.isEmpty ? "none" : current.tags.map(context.safe).joined(separator: ", ")). \
                Run the command again to apply your edit on top.

                """)
            return ExitStatus.failure
        }
    }

    static let expectVersionOption = OptionSpec(
        "expect-version", valueName: "version",
        help: "Apply the edit only if the conversation is still at this version (as 'confab show --format json' reports it).",
        kind: .integer(range: 1...Int.max))
}
