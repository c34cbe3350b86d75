import ConfabCore

/// `confab tag CONVERSATION --add NAME --remove NAME --archive`: edits tags and the archived flag.
enum TagCommand {
    static let spec = CommandSpec(
        name: "tag",
        abstract: "Add or remove tags of a conversation, or archive it.",
        discussion: """
            Tag additions and removals never conflict: they apply to the tags stored when the edit \
            commits, whoever else edited the conversation. The archived flag follows the same rule \
            as titles in 'confab rename'. Without changes, prints the current tags.
            """,
        arguments: [ArgumentSpec("conversation", help: "The conversation id, as listed by 'confab conversations'.")],
        options: [
            OptionSpec("add", valueName: "tag", help: "A tag to add; repeat for several.", isRepeatable: true),
            OptionSpec("remove", valueName: "tag", help: "A tag to remove; repeat for several.", isRepeatable: true),
            MetadataEditOutput.expectVersionOption,
        ],
        flags: [
            FlagSpec("archive", help: "Mark the conversation archived."),
            FlagSpec("unarchive", help: "Clear the archived mark."),
            FlagSpec("json", help: "Print the stored metadata after the edit as one JSON object."),
        ])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let id = try RenameCommand.conversationID(context, command: "tag")
        if arguments.flag("archive") && arguments.flag("unarchive") {
            throw UsageError(.invalid(message: "--archive and --unarchive cannot be given together"), commandPath: ["confab", "tag"])
        }
        let both = Set(arguments.strings("add").map { $0.lowercased() }).intersection(arguments.strings("remove").map { $0.lowercased() })
        if let tag = both.sorted().first {
            throw UsageError(.invalid(message: "tag \(tag.debugDescription) is both added and removed; give it once"), commandPath: ["confab", "tag"])
        }
        let archived: Bool? = arguments.flag("archive") ? true : (arguments.flag("unarchive") ? false : nil)
        let edit = ConversationEdit(addTags: arguments.strings("add"), removeTags: arguments.strings("remove"), isArchived: archived)

        let outcome = try MetadataEditOutput.apply(edit, conversationID: id, context: context)
        let tags = outcome.current.tags.isEmpty ? "no tags" : "tags: " + outcome.current.tags.map(context.safe).joined(separator: ", ")
        let archivedNote = outcome.current.isArchived ? "; the conversation is archived" : ""
        return MetadataEditOutput.report(outcome, applied: "Conversation has \(tags)\(archivedNote)", context: context)
    }
}
