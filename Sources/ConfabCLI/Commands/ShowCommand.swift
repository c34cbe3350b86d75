import ConfabCore
import Foundation

/// `confab show CONVERSATION`: one transcript as text, Markdown or JSON.
enum ShowCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        if arguments.flag("thread") && arguments.flag("all-branches") {
            throw UsageError(.invalid(message: "--thread and --all-branches exclude each other"), commandPath: ["confab", "show"])
        }
        let scope: ThreadScope = arguments.flag("all-branches") ? .allBranches : .defaultThread

        let store = try context.openExistingStore()
        let reference = arguments.string("conversation") ?? ""
        guard let id = Int64(reference) else {
            throw UsageError(.invalid(message: "invalid conversation id '\(context.safe(reference))': expected a number as listed by 'confab conversations'"),
                             commandPath: ["confab", "show"])
        }
        guard let conversation = try store.conversation(id: id) else {
            throw CommandFailure("no conversation with id '\(context.safe(reference))'; list them with: confab conversations")
        }

        var turns: [TurnRecord] = []
        var cursor: TurnCursor?
        while true {
            let page = try store.turns(conversationID: id, scope: scope, after: cursor, limit: 1_000)
            guard let last = page.last else { break }
            turns += page
            cursor = TurnCursor(position: last.position, branchIndex: last.branchIndex, id: last.id)
        }

        switch arguments.string("format") ?? "text" {
        case "json":
            let object = JSONRecords.object([
                ("id", JSONRecords.number(conversation.id)),
                ("uid", .string(conversation.uid)),
                ("title", JSONRecords.string(conversation.title)),
                ("user", JSONRecords.number(conversation.userID)),
                ("user_name", .string(conversation.userName)),
                ("source", .string(conversation.source)),
                ("source_id", .string(conversation.sourceID)),
                ("model", JSONRecords.string(conversation.model)),
                ("created_at", JSONRecords.time(conversation.createdAt)),
                ("updated_at", JSONRecords.time(conversation.updatedAt)),
                ("scope", .string(scope == .defaultThread ? "thread" : "all_branches")),
                ("turns", .array(turns.map(JSONRecords.turn))),
            ])
            context.stdout.write(object.serialized() + "\n")
        case let format:
            let renderer = TranscriptRenderer(
                style: format == "markdown" ? .markdown : .text,
                sanitizer: context.transcriptSanitizer,
                includeHidden: arguments.flag("hidden"))
            context.stdout.write(renderer.render(conversation, turns: turns, scope: scope))
        }
        return ExitStatus.success
    }
}
