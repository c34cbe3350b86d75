/// The commands of live health: concurrent writers, metadata edits, following sources and the
/// health figures. Kept here so that `ConfabCommand` names them in two lines.
extension ConfabCommand {
    static let liveSubcommands = [
        SimulateCommand.spec, SimulateWriterCommand.spec, RenameCommand.spec, TagCommand.spec, HealthCommand.spec, FollowCommand.spec,
    ]

    static let liveCommandNames = Set(liveSubcommands.map(\.name))

    static func runLiveCommand(_ name: String, _ context: CommandContext) throws -> Int32 {
        switch name {
        case "simulate": try SimulateCommand.run(context)
        case "simulate-writer": try SimulateWriterCommand.run(context)
        case "rename": try RenameCommand.run(context)
        case "tag": try TagCommand.run(context)
        case "health": try HealthCommand.run(context)
        case "follow": try FollowCommand.run(context)
        default: ExitStatus.usage
        }
    }
}
