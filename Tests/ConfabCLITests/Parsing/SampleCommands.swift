import ConfabCLI

/// A command tree shaped like Confab's, with every kind of declaration the parser supports.
enum SampleCommands {
    enum Format: String {
        case chatgpt
        case claude
        case sharegpt
    }

    static let root = CommandSpec(
        name: "confab",
        abstract: "Browse and search AI chat transcripts stored in a SQLite database.",
        options: [
            OptionSpec("db", valueName: "path", help: "Database file to open.", defaultValue: "confab.db", isInherited: true),
        ],
        flags: [
            FlagSpec("verbose", short: "v", help: "Print progress and timings to standard error.", isInherited: true),
        ],
        subcommands: [importCommand, conversationsCommand, showCommand, usersCommand]
    )

    static let importCommand = CommandSpec(
        name: "import",
        abstract: "Import chat exports into the database.",
        discussion: """
            Reads each file, detects its format from the content and stores every conversation. \
            Importing the same file again changes nothing.
            """,
        arguments: [
            ArgumentSpec("file", help: "Export file to read: JSON, JSONL or SQLite.", arity: .oneOrMore),
        ],
        options: [
            OptionSpec(
                "format", short: "f", valueName: "format",
                help: "Format of the files, when detection picks the wrong one.",
                kind: .choice(["chatgpt", "claude", "sharegpt"])
            ),
            OptionSpec("user", short: "u", valueName: "name", help: "User that owns conversations whose export names none."),
            OptionSpec("tag", valueName: "tag", help: "Tag to add to every imported conversation.", isRepeatable: true),
        ],
        flags: [
            FlagSpec("dry-run", short: "n", help: "Read and check the files without writing to the database."),
        ]
    )

    static let conversationsCommand = CommandSpec(
        name: "conversations",
        abstract: "List conversations, newest first.",
        arguments: [
            ArgumentSpec("query", help: "Words that titles must contain.", arity: .optional),
        ],
        options: [
            OptionSpec(
                "limit", short: "l", valueName: "count", help: "Maximum number of conversations to list.",
                defaultValue: "50", kind: .integer(range: 1...10_000)
            ),
            OptionSpec(
                "offset", valueName: "count", help: "Number of conversations to skip before listing.",
                defaultValue: "0", kind: .integer(range: 0...Int.max)
            ),
        ],
        flags: [
            FlagSpec("json", help: "Print one JSON object per conversation instead of a table."),
        ]
    )

    static let showCommand = CommandSpec(
        name: "show",
        abstract: "Print the transcript of one conversation.",
        arguments: [
            ArgumentSpec("id", help: "Conversation id, as listed by 'conversations'.", kind: .integer(range: 1...Int.max)),
        ],
        options: [
            OptionSpec(
                "width", short: "w", valueName: "columns",
                help: "Line width in terminal columns; the terminal's width when omitted.",
                kind: .integer(range: 20...1_000)
            ),
        ]
    )

    static let usersCommand = CommandSpec(
        name: "users",
        abstract: "List and rename users.",
        subcommands: [
            CommandSpec(name: "list", abstract: "List users with their numbers of conversations."),
            CommandSpec(
                name: "rename",
                abstract: "Rename a user.",
                arguments: [
                    ArgumentSpec("old-name", help: "The user's current name."),
                    ArgumentSpec("new-name", help: "The name to give the user."),
                ]
            ),
        ]
    )
}
