/// The result of parsing a command line: a command to run, or a request for help.
public enum ParseOutcome: Sendable {
    case command(ParsedCommand)
    /// Help on the last command of the path, requested with `help`, `--help` or `-h`, or by
    /// naming a command that has subcommands without naming one of them.
    case help(commandPath: [CommandSpec])
}

/// A command line resolved to one command with its values.
public struct ParsedCommand: Sendable {
    /// The commands from the root to the one to run.
    public let commandPath: [CommandSpec]
    public let arguments: ParsedArguments

    public var command: CommandSpec { commandPath[commandPath.count - 1] }

    /// The names typed after the program name to reach the command: `[]` for the root,
    /// `["import"]`, `["users", "add"]`.
    public var subcommandNames: [String] { commandPath.dropFirst().map(\.name) }
}

/// Parses command lines against a root `CommandSpec`.
public struct CommandLineParser: Sendable {
    /// The declared root, with the `help` subcommand added when it has subcommands.
    public let root: CommandSpec

    /// The subcommand that `confab help CMD` runs.
    static let helpCommand = CommandSpec(
        name: "help",
        abstract: Messages.helpCommandAbstract,
        arguments: [ArgumentSpec("subcommand", help: Messages.helpCommandArgumentHelp, arity: .zeroOrMore)]
    )

    /// Checks the declarations and stops the program when one is malformed; see `DeclarationCheck`.
    public init(root: CommandSpec) {
        DeclarationCheck.validate(root)

        var root = root
        if root.hasSubcommands {
            root.subcommands.append(Self.helpCommand)
        }
        self.root = root
    }

    /// Parses `arguments`, which do not include the program name.
    ///
    /// A request for help wins over any error on the same command line, so
    /// `confab import --bogus --help` shows the help of `import`.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParseOutcome {
        var session = ParseSession(root: root, tokens: ArgumentToken.split(arguments))
        do {
            return try session.run()
        } catch {
            if session.containsHelpRequest {
                return .help(commandPath: session.path)
            }
            throw error
        }
    }

    /// Returns the commands named by `names` below the root, for showing help or usage. The path
    /// ends at the first name that matches no subcommand.
    public func commandPath(named names: [String]) -> [CommandSpec] {
        var path = [root]
        for name in names {
            guard let subcommand = path[path.count - 1].subcommand(named: name) else { break }
            path.append(subcommand)
        }
        return path
    }
}
