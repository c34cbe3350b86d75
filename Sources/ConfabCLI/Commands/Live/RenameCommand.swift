import ConfabCore

/// `confab rename CONVERSATION TITLE`: sets a conversation's title with optimistic concurrency.
enum RenameCommand {
    static let spec = CommandSpec(
        name: "rename",
        abstract: "Set the title of a conversation.",
        discussion: """
            When another writer changed the title after the version this edit read, the earlier \
            change is kept and the command fails with status 1, naming the current title. With \
            --expect-version the edit applies only to that exact version. See docs/health.md.
            """,
        arguments: [
            ArgumentSpec("conversation", help: "The conversation id, as listed by 'confab conversations'."),
            ArgumentSpec("title", help: "The new title; an empty string removes the title."),
        ],
        options: [MetadataEditOutput.expectVersionOption],
        flags: [FlagSpec("json", help: "Print the stored metadata after the edit as one JSON object.")])

    static func run(_ context: CommandContext) throws -> Int32 {
        let id = try conversationID(context, command: "rename")
        let title = context.arguments.string("title") ?? ""
        let edit = ConversationEdit(title: .some(title.isEmpty ? nil : title))
        let outcome = try MetadataEditOutput.apply(edit, conversationID: id, context: context)
        let shown = title.isEmpty ? "Removed the title" : "Renamed to \"\(context.safe(title))\""
        return MetadataEditOutput.report(outcome, applied: shown, context: context)
    }

    static func conversationID(_ context: CommandContext, command: String) throws -> Int64 {
        let text = context.arguments.string("conversation") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw UsageError(.invalid(message: "invalid conversation id \"\(context.safe(text))\": expected a positive number"),
                             commandPath: ["confab", command])
        }
        return id
    }
}
