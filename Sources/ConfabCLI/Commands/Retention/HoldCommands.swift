import ConfabCore

/// `confab hold` and `confab release`: set and clear a legal hold.
enum HoldCommands {
    static let holdSpec = CommandSpec(
        name: "hold",
        abstract: "Put a user or a conversation under legal hold, exempt from every rule and from forget.",
        arguments: [ArgumentSpec("target", help: "A user (id, unique name or account id), or conv:ID for a conversation.")],
        flags: [FlagSpec("conversation", help: "Read the target as a conversation id, uid or source id.")])

    static let releaseSpec = CommandSpec(
        name: "release",
        abstract: "Clear a legal hold.",
        arguments: [ArgumentSpec("target", help: "A user (id, unique name or account id), or conv:ID for a conversation.")],
        flags: [FlagSpec("conversation", help: "Read the target as a conversation id, uid or source id.")])

    static func run(_ context: CommandContext, held: Bool) throws -> Int32 {
        let raw = context.arguments.string("target") ?? ""
        let target: HoldTarget
        if context.arguments.flag("conversation") {
            target = .conversation(raw)
        } else if raw.lowercased().hasPrefix("conv:") {
            target = .conversation(String(raw.dropFirst(5)))
        } else {
            target = .user(raw)
        }
        let store = try context.openExistingStore()
        let change = try store.setLegalHold(target, held: held, context: try RetentionSupport.context(context))
        let state = held ? "under legal hold" : "released from legal hold"
        context.stdout.write(change.changed ? "\(change.subject) is now \(state).\n" : "\(change.subject) was already \(state).\n")
        return ExitStatus.success
    }
}
