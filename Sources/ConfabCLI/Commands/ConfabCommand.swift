import ConfabCore
import Foundation

/// The `confab` command line: its declarations and the dispatch to each command's handler.
public enum ConfabCommand {
    static let databaseOption = OptionSpec(
        "db", valueName: "path",
        help: "SQLite store to use instead of $CONFAB_DB or ~/.local/share/confab/confab.db.",
        isInherited: true)
    static let themeOption = OptionSpec(
        "theme", valueName: "name",
        help: "Console theme: default, light, high-contrast, monochrome, or a theme file's name.",
        isInherited: true)
    static let noColorFlag = FlagSpec("no-color", help: "Draw the console with attributes only (as NO_COLOR does).", isInherited: true)
    static let jsonFlag = FlagSpec("json", help: "Print a JSON array of objects instead of a table.")
    static let limitOption = OptionSpec(
        "limit", valueName: "count", help: "List at most this many items.", kind: .integer(range: 1...Int.max))

    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Import conversation exports into the store.",
        discussion: """
            The format is detected from each file's structure: ChatGPT and Claude.ai conversations.json, \
            ShareGPT JSON or JSONL, OpenAI chat JSONL, an llm logs.db, an Open WebUI webui.db. \
            Importing the same file again changes nothing; a newer export of the same account adds only \
            what is new. A file that ends early imports nothing unless --partial is given.
            """,
        arguments: [ArgumentSpec("file", help: "Export files to import.", arity: .oneOrMore)],
        options: [
            OptionSpec("format", valueName: "format", help: "Read the files as this format instead of detecting it.",
                       kind: .choice(ImportFormat.allCases.filter { $0 != .demo }.map(\.rawValue))),
            OptionSpec("user", valueName: "name",
                       help: "Owner of conversations whose export names no account (created when missing)."),
        ],
        flags: [
            FlagSpec("partial", help: "Keep the complete conversations of a file that ends early."),
            FlagSpec("json", help: "Print the import summaries as a JSON array."),
            FlagSpec("quiet", short: "q", help: "Show no progress bar."),
        ])

    static let demoSpec = CommandSpec(
        name: "demo",
        abstract: "Fill a database with generated demo conversations.",
        discussion: """
            Without --db the data goes to its own demo database (~/.local/share/confab/demo.db), which is \
            replaced on every run and never mixed with your imports. The same seed always generates the \
            same data.
            """,
        options: [
            OptionSpec("users", valueName: "count", help: "Number of users.", defaultValue: "12", kind: .integer(range: 1...1_000_000)),
            OptionSpec("conversations", valueName: "count", help: "Number of conversations.", defaultValue: "400",
                       kind: .integer(range: 1...100_000_000)),
            OptionSpec("seed", valueName: "number", help: "Seed of the generator.", defaultValue: "1", kind: .integer(range: 0...Int.max)),
        ],
        flags: [
            FlagSpec("no-tui", help: "Only fill the database; do not open the console afterwards."),
            FlagSpec("quiet", short: "q", help: "Show no progress bar."),
        ])

    static let statsSpec = CommandSpec(
        name: "stats", abstract: "Show counts and sizes of the store.",
        flags: [FlagSpec("json", help: "Print one JSON object.")])

    static let usersSpec = CommandSpec(
        name: "users", abstract: "List users with their source accounts, by name.",
        options: [limitOption], flags: [jsonFlag])

    static let conversationsSpec = CommandSpec(
        name: "conversations", abstract: "List conversations by last activity, newest first.",
        options: [
            OptionSpec("user", valueName: "user", help: "Only this user's: an id, a unique name or an account id."),
            limitOption,
        ],
        flags: [jsonFlag])

    static let showSpec = CommandSpec(
        name: "show", abstract: "Print one conversation.",
        discussion: "Text and Markdown leave out hidden turns unless --hidden is given; JSON has every turn of the chosen scope.",
        arguments: [ArgumentSpec("conversation", help: "The conversation id, as listed by 'confab conversations'.")],
        options: [
            OptionSpec("format", valueName: "format", help: "Output format.", defaultValue: "text",
                       kind: .choice(["text", "markdown", "json"])),
        ],
        flags: [
            FlagSpec("thread", help: "Only the default thread: the branch the user last saw (the default)."),
            FlagSpec("all-branches", help: "Every turn of every branch."),
            FlagSpec("hidden", help: "Include hidden turns such as system prompts in text and Markdown."),
        ])

    static let consoleSpec = CommandSpec(
        name: "tui",
        abstract: "Open the interactive console (the default when no command is given).",
        discussion: "Keys follow htop, tig and lazygit; press ? in the console for the full list.")

    public static let root = CommandSpec(
        name: "confab",
        abstract: "Browse, search and maintain stores of AI chat conversations.",
        discussion: "Run 'confab' with no command to open the interactive console.",
        options: [databaseOption, themeOption],
        flags: [noColorFlag],
        subcommands: [consoleSpec, importSpec, demoSpec, statsSpec, usersSpec, conversationsSpec, showSpec, SearchCommand.spec,
                      AnalyticsCommand.spec]
            + liveSubcommands
            + retentionSpecs)

    /// Runs a command line (without the program name) and returns the exit status.
    public static func run(
        arguments: [String],
        stdout: OutputSink,
        stderr: OutputSink,
        environment: [String: String],
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) -> Int32 {
        CommandRunner(root: root).run(arguments: ConsoleCommand.defaultingToConsole(arguments), stdout: stdout, stderr: stderr, environment: environment) { invocation in
            let context = CommandContext(
                arguments: invocation.arguments, stdout: invocation.stdout, stderr: invocation.stderr,
                environment: invocation.environment, isCancelled: isCancelled)
            switch invocation.command.subcommandNames.first {
            case "tui": return try ConsoleCommand.run(context)
            case "import": return try ImportCommand.run(context)
            case "demo": return try DemoCommand.run(context)
            case "stats": return try ListingCommands.stats(context)
            case "users": return try ListingCommands.users(context)
            case "conversations": return try ListingCommands.conversations(context)
            case "show": return try ShowCommand.run(context)
            case "search": return try SearchCommand.run(context)
            case "analytics": return try AnalyticsCommand.run(context)
            case let name? where liveCommandNames.contains(name): return try runLiveCommand(name, context)
            case let name? where retentionSpecs.contains(where: { $0.name == name }):
                return try runRetention(name, context: context, subcommand: invocation.command.subcommandNames.dropFirst().first)
            default:
                invocation.stdout.write(CommandRunner(root: root).helpText(for: [root], width: invocation.terminalWidth))
                return ExitStatus.success
            }
        }
    }
}
