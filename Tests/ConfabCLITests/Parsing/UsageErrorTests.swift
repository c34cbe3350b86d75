import Foundation
import Testing
@testable import ConfabCLI

@Suite struct UsageErrorTests {
    /// Wide enough that no usage line wraps, so each case shows its message plainly.
    private static let wideEnvironment = ["COLUMNS": "200", "LANG": "C.UTF-8"]

    private static let rootUsage = "Usage: confab [--db <path>] [--verbose] <subcommand>"
    private static let conversationsUsage =
        "Usage: confab conversations [--limit <count>] [--offset <count>] [--json] [--db <path>] [--verbose] [<query>]"
    private static let importUsage =
        "Usage: confab import [--format <format>] [--user <name>] [--tag <tag> ...] [--dry-run] [--db <path>] [--verbose] <file> ..."
    private static let showUsage = "Usage: confab show [--width <columns>] [--db <path>] [--verbose] <id>"
    private static let usersUsage = "Usage: confab users [--db <path>] [--verbose] <subcommand>"
    private static let renameUsage = "Usage: confab users rename [--db <path>] [--verbose] <old-name> <new-name>"

    static let cases: [(arguments: [String], stderr: [String])] = [
        (["conversation"], [
            "Error: unknown command 'conversation'",
            "Did you mean 'conversations'?",
            rootUsage,
            "See 'confab help'.",
        ]),
        (["frobnicate"], [
            "Error: unknown command 'frobnicate'",
            rootUsage,
            "See 'confab help'.",
        ]),
        (["help", "imprt"], [
            "Error: unknown command 'imprt'",
            "Did you mean 'import'?",
            rootUsage,
            "See 'confab help'.",
        ]),
        (["users", "lst"], [
            "Error: unknown command 'lst'",
            "Did you mean 'list'?",
            usersUsage,
            "See 'confab help users'.",
        ]),
        (["conversations", "--limt", "5"], [
            "Error: unknown option '--limt'",
            "Did you mean '--limit'?",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "--limt=5"], [
            "Error: unknown option '--limt'",
            "Did you mean '--limit'?",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "-x"], [
            "Error: unknown option '-x'",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "-json"], [
            "Error: unknown option '-j'",
            "Did you mean '--json'?",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["--bogus", "conversations"], [
            "Error: unknown option '--bogus'",
            rootUsage,
            "See 'confab help'.",
        ]),
        (["conversations", "--limit"], [
            "Error: missing value for option '--limit <count>'",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "-l"], [
            "Error: missing value for option '--limit <count>'",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["show"], [
            "Error: missing argument '<id>'",
            showUsage,
            "See 'confab help show'.",
        ]),
        (["import", "--tag", "x"], [
            "Error: missing argument '<file>'",
            importUsage,
            "See 'confab help import'.",
        ]),
        (["users", "rename", "ann"], [
            "Error: missing argument '<new-name>'",
            renameUsage,
            "See 'confab help users rename'.",
        ]),
        (["show", "1", "2"], [
            "Error: unexpected argument '2'",
            showUsage,
            "See 'confab help show'.",
        ]),
        (["users", "list", "everyone"], [
            "Error: unexpected argument 'everyone'",
            "Usage: confab users list [--db <path>] [--verbose]",
            "See 'confab help users list'.",
        ]),
        (["help", "show", "extra"], [
            "Error: unexpected argument 'extra'",
            "Usage: confab help [<subcommand> ...]",
            "See 'confab help help'.",
        ]),
        (["conversations", "--limit", "ten"], [
            "Error: invalid value 'ten' for '--limit <count>': expected an integer from 1 to 10000",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "--limit", "0"], [
            "Error: invalid value '0' for '--limit <count>': expected an integer from 1 to 10000",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["conversations", "--offset=-1"], [
            "Error: invalid value '-1' for '--offset <count>': expected an integer of at least 0",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
        (["show", "abc"], [
            "Error: invalid value 'abc' for '<id>': expected an integer of at least 1",
            showUsage,
            "See 'confab help show'.",
        ]),
        (["show", "12", "--width", "5.5"], [
            "Error: invalid value '5.5' for '--width <columns>': expected an integer from 20 to 1000",
            showUsage,
            "See 'confab help show'.",
        ]),
        (["import", "-f", "gemini", "x.json"], [
            "Error: invalid value 'gemini' for '--format <format>': expected one of chatgpt, claude, sharegpt",
            importUsage,
            "See 'confab help import'.",
        ]),
        (["conversations", "--json=yes"], [
            "Error: option '--json' does not take a value",
            conversationsUsage,
            "See 'confab help conversations'.",
        ]),
    ]

    @Test(arguments: cases)
    func messageUsageAndStatus(arguments: [String], stderr: [String]) {
        let run = runCommandLine(arguments, root: SampleCommands.root, environment: Self.wideEnvironment) { _ in
            Issue.record("the handler must not run")
            return ExitStatus.success
        }

        #expect(run.status == 64)
        #expect(run.stderr == stderr.joined(separator: "\n") + "\n")
        #expect(run.stdout == "")
    }

    @Test func usageLineWrapsToWidth() {
        let run = runCommandLine(["import"], root: SampleCommands.root, environment: ["COLUMNS": "40"])

        #expect(run.stderr == """
            Error: missing argument '<file>'
            Usage: confab import [--format <format>]
                   [--user <name>] [--tag <tag> ...]
                   [--dry-run] [--db <path>]
                   [--verbose] <file> ...
            See 'confab help import'.

            """)
    }

    @Test func handlerUsageErrorExits64() {
        let run = runCommandLine(["conversations", "--json"], root: SampleCommands.root) { invocation in
            throw invocation.usageError("'--json' cannot be combined with a query")
        }

        #expect(run.status == 64)
        #expect(run.stderr == """
            Error: '--json' cannot be combined with a query
            Usage: confab conversations [--limit <count>] [--offset <count>] [--json]
                                        [--db <path>] [--verbose] [<query>]
            See 'confab help conversations'.

            """)
    }

    private struct DatabaseMissing: LocalizedError {
        var errorDescription: String? { "database 'x.db' not found: run 'confab import' first" }
    }

    private struct PlainFailure: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    @Test func runtimeErrorExits1() {
        let run = runCommandLine(["conversations"], root: SampleCommands.root) { invocation in
            invocation.stdout.write("partial output\n")
            throw DatabaseMissing()
        }

        #expect(run.status == 1)
        #expect(run.stdout == "partial output\n")
        #expect(run.stderr == "Error: database 'x.db' not found: run 'confab import' first\n")
    }

    @Test func runtimeErrorUsesDescription() {
        let run = runCommandLine(["conversations"], root: SampleCommands.root) { _ in throw PlainFailure() }

        #expect(run.status == 1)
        #expect(run.stderr == "Error: disk full\n")
    }

    @Test func handlerStatusIsReturned() {
        let run = runCommandLine(["show", "3"], root: SampleCommands.root) { invocation in
            invocation.stdout.write("conversation \(invocation.arguments.int("id") ?? 0)\n")
            return 3
        }

        #expect(run == CapturedRun(status: 3, stdout: "conversation 3\n", stderr: ""))
    }

    @Test func escapeSequencesInArgumentsAreNeutralised() {
        let unicode = runCommandLine(["conversations", "--x\u{1B}]52;c;QUJD\u{7}"], root: SampleCommands.root,
                                     environment: Self.wideEnvironment)
        let ascii = runCommandLine(["\u{9B}2J"], root: SampleCommands.root, environment: ["COLUMNS": "200"])

        #expect(unicode.stderr.hasPrefix("Error: unknown option '--x␛]52;c;QUJD␇'\n"))
        #expect(ascii.stderr.hasPrefix("Error: unknown command '^[[2J'\n"))
    }
}
