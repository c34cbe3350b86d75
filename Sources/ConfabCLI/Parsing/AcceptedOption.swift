/// An option or flag that a command accepts, declared by it or inherited from an ancestor.
enum AcceptedOption {
    case option(OptionSpec)
    case flag(FlagSpec)

    /// Everything the last command of `path` accepts, in the order usage and help list it: the
    /// command's own options and flags, then those inherited from its nearest ancestor outwards.
    /// The `help` subcommand reads only command names, so it inherits nothing.
    static func all(_ path: [CommandSpec]) -> [AcceptedOption] {
        let isHelpCommand = path.count == 2 && path[1].name == CommandLineParser.helpCommand.name
        let ancestors = isHelpCommand ? [] : path.dropLast().reversed()
        let command = path[path.count - 1]

        var accepted = command.options.map(AcceptedOption.option) + command.flags.map(AcceptedOption.flag)
        for ancestor in ancestors {
            accepted += ancestor.options.filter(\.isInherited).map(AcceptedOption.option)
            accepted += ancestor.flags.filter(\.isInherited).map(AcceptedOption.flag)
        }
        return accepted
    }
}
