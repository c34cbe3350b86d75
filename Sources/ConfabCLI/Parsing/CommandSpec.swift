/// The declaration of a command: its name, help text, arguments, options, flags and
/// subcommands. The root command is the program itself, named as the user types it.
///
/// Every command accepts `-h` and `--help`, and a root with subcommands also has a `help`
/// subcommand, so neither is declared. Declarations are checked when the parser is created,
/// and a malformed one stops the program there, because it is a bug rather than bad input.
public struct CommandSpec: Sendable {
    public var name: String
    /// One line that says what the command does, shown in lists of subcommands.
    public var abstract: String
    /// Further paragraphs for the command's own help page.
    public var discussion: String?
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var flags: [FlagSpec]
    public var subcommands: [CommandSpec]

    public init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        flags: [FlagSpec] = [],
        subcommands: [CommandSpec] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.flags = flags
        self.subcommands = subcommands
    }

    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    var hasSubcommands: Bool { !subcommands.isEmpty }
}
