import Testing
@testable import ConfabCLI

/// Whole help pages compared as text, at a narrow and a wide terminal.
@Suite struct HelpFormatterTests {
    private func help(_ arguments: [String], columns: Int) -> CapturedRun {
        runCommandLine(arguments, root: SampleCommands.root, environment: ["COLUMNS": String(columns)])
    }

    @Test func rootAtWidth40() {
        let run = help(["help"], columns: 40)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: Browse and search AI chat
                      transcripts stored in a SQLite
                      database.

            USAGE: confab [--db <path>] [--verbose]
                          <subcommand>

            OPTIONS:
              --db <path>   Database file to open.
                            (default: confab.db)
              -v, --verbose
                            Print progress and
                            timings to standard
                            error.
              -h, --help    Show help for this
                            command.

            SUBCOMMANDS:
              import        Import chat exports into
                            the database.
              conversations
                            List conversations,
                            newest first.
              show          Print the transcript of
                            one conversation.
              users         List and rename users.
              help          Show help for a command.

            See 'confab help <subcommand>' for help
            on a subcommand.

            """)
    }

    @Test func rootAtWidth100() {
        let run = help(["help"], columns: 100)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: Browse and search AI chat transcripts stored in a SQLite database.

            USAGE: confab [--db <path>] [--verbose] <subcommand>

            OPTIONS:
              --db <path>    Database file to open. (default: confab.db)
              -v, --verbose  Print progress and timings to standard error.
              -h, --help     Show help for this command.

            SUBCOMMANDS:
              import         Import chat exports into the database.
              conversations  List conversations, newest first.
              show           Print the transcript of one conversation.
              users          List and rename users.
              help           Show help for a command.

            See 'confab help <subcommand>' for help on a subcommand.

            """)
    }

    @Test func importAtWidth40() {
        let run = help(["import", "--help"], columns: 40)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: Import chat exports into the
                      database.

            Reads each file, detects its format from
            the content and stores every
            conversation. Importing the same file
            again changes nothing.

            USAGE: confab import [--format <format>]
                   [--user <name>] [--tag <tag> ...]
                   [--dry-run] [--db <path>]
                   [--verbose] <file> ...

            ARGUMENTS:
              <file>        Export file to read:
                            JSON, JSONL or SQLite.

            OPTIONS:
              -f, --format <format>
                            Format of the files,
                            when detection picks the
                            wrong one. (values:
                            chatgpt, claude,
                            sharegpt)
              -u, --user <name>
                            User that owns
                            conversations whose
                            export names none.
              --tag <tag>   Tag to add to every
                            imported conversation.
                            (can be repeated)
              -n, --dry-run
                            Read and check the files
                            without writing to the
                            database.
              --db <path>   Database file to open.
                            (default: confab.db)
              -v, --verbose
                            Print progress and
                            timings to standard
                            error.
              -h, --help    Show help for this
                            command.

            """)
    }

    @Test func importAtWidth100() {
        let run = help(["help", "import"], columns: 100)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: Import chat exports into the database.

            Reads each file, detects its format from the content and stores every conversation. Importing the
            same file again changes nothing.

            USAGE: confab import [--format <format>] [--user <name>] [--tag <tag> ...] [--dry-run] [--db <path>]
                                 [--verbose] <file> ...

            ARGUMENTS:
              <file>                 Export file to read: JSON, JSONL or SQLite.

            OPTIONS:
              -f, --format <format>  Format of the files, when detection picks the wrong one. (values: chatgpt,
                                     claude, sharegpt)
              -u, --user <name>      User that owns conversations whose export names none.
              --tag <tag>            Tag to add to every imported conversation. (can be repeated)
              -n, --dry-run          Read and check the files without writing to the database.
              --db <path>            Database file to open. (default: confab.db)
              -v, --verbose          Print progress and timings to standard error.
              -h, --help             Show help for this command.

            """)
    }

    @Test func nestedGroupAtWidth100() {
        let run = help(["users", "-h"], columns: 100)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: List and rename users.

            USAGE: confab users [--db <path>] [--verbose] <subcommand>

            OPTIONS:
              --db <path>    Database file to open. (default: confab.db)
              -v, --verbose  Print progress and timings to standard error.
              -h, --help     Show help for this command.

            SUBCOMMANDS:
              list           List users with their numbers of conversations.
              rename         Rename a user.

            See 'confab help users <subcommand>' for help on a subcommand.

            """)
    }

    @Test func helpCommandAtWidth100() {
        let run = help(["help", "help"], columns: 100)

        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            OVERVIEW: Show help for a command.

            USAGE: confab help [<subcommand> ...]

            ARGUMENTS:
              <subcommand>  The subcommand to describe. Give several names for a nested one.

            OPTIONS:
              -h, --help    Show help for this command.

            """)
    }
}
