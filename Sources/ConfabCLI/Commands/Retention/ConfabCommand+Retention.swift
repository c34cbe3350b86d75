import ConfabCore

extension ConfabCommand {
    /// The retention commands, in the order help lists them.
    static let retentionSpecs = [
        RetentionCommand.spec, ForgetCommand.spec, AnonymiseCommand.spec, ScanCommand.spec, HoldCommands.holdSpec,
        HoldCommands.releaseSpec, AuditCommand.spec, BackupCommands.backupSpec, BackupCommands.restoreSpec, BackupCommands.checkSpec,
    ]

    static func runRetention(_ name: String, context: CommandContext, subcommand: String?) throws -> Int32 {
        do {
            switch name {
            case "retention": return try RetentionCommand.run(context, subcommand: subcommand)
            case "forget": return try ForgetCommand.run(context)
            case "anonymise": return try AnonymiseCommand.run(context)
            case "scan": return try ScanCommand.run(context)
            case "hold": return try HoldCommands.run(context, held: true)
            case "release": return try HoldCommands.run(context, held: false)
            case "audit": return try AuditCommand.run(context)
            case "backup": return try BackupCommands.backup(context)
            case "restore": return try BackupCommands.restore(context)
            default: return try BackupCommands.check(context)
            }
        } catch let error as RetentionError {
            throw CommandFailure(context.safe(error.description))
        } catch let error as RetentionPolicyError {
            throw CommandFailure(context.safe(error.description))
        }
    }
}
