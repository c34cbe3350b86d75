import Testing
@testable import ConfabCLI

@Suite struct CommandLineParserTests {
    private let parser = CommandLineParser(root: SampleCommands.root)

    private func parseCommand(_ arguments: [String]) throws -> ParsedCommand {
        guard case let .command(command) = try parser.parse(arguments) else {
            Issue.record("expected a command for \(arguments)")
            throw ParseFailure()
        }
        return command
    }

    private func helpPath(_ arguments: [String]) throws -> [String] {
        guard case let .help(path) = try parser.parse(arguments) else {
            Issue.record("expected help for \(arguments)")
            throw ParseFailure()
        }
        return path.map(\.name)
    }

    private struct ParseFailure: Error {}

    @Test func defaultsWhenNothingIsGiven() throws {
        let command = try parseCommand(["conversations"])

        #expect(command.subcommandNames == ["conversations"])
        #expect(command.arguments.int("limit") == 50)
        #expect(command.arguments.int("offset") == 0)
        #expect(command.arguments.flag("json") == false)
        #expect(command.arguments.string("query") == nil)
        #expect(command.arguments.string("db") == "confab.db")
        #expect(command.arguments.isPresent("limit") == false)
        #expect(command.arguments.isPresent("db") == false)
    }

    @Test func givenValuesReplaceDefaults() throws {
        let command = try parseCommand(["conversations", "--limit", "5", "--json", "cats"])

        #expect(command.arguments.int("limit") == 5)
        #expect(command.arguments.flag("json"))
        #expect(command.arguments.string("query") == "cats")
        #expect(command.arguments.isPresent("limit"))
        #expect(command.arguments.isPresent("query"))
    }

    @Test(arguments: [
        ["conversations", "--limit", "7"],
        ["conversations", "--limit=7"],
        ["conversations", "-l", "7"],
        ["conversations", "-l7"],
        ["conversations", "--limit", "3", "--limit", "7"],
    ])
    func optionValueForms(arguments: [String]) throws {
        #expect(try parseCommand(arguments).arguments.int("limit") == 7)
    }

    @Test(arguments: [
        ["--db", "x.db", "conversations"],
        ["conversations", "--db", "x.db"],
        ["conversations", "--db=x.db"],
        ["users", "--db", "x.db", "list"],
    ])
    func inheritedOptionAnywhereOnPath(arguments: [String]) throws {
        #expect(try parseCommand(arguments).arguments.string("db") == "x.db")
    }

    @Test func repeatingArgumentsAndOptions() throws {
        let command = try parseCommand(["import", "a.json", "--tag", "t1", "b.json", "--tag=t2", "-nv"])

        #expect(command.arguments.strings("file") == ["a.json", "b.json"])
        #expect(command.arguments.strings("tag") == ["t1", "t2"])
        #expect(command.arguments.flag("dry-run"))
        #expect(command.arguments.flag("verbose"))
        #expect(command.arguments.string("user") == nil)
        #expect(command.arguments.strings("user") == [])
    }

    @Test func shortFlagGroupEndingInOption() throws {
        let command = try parseCommand(["import", "-nvf", "claude", "x.json"])

        #expect(command.arguments.flag("dry-run"))
        #expect(command.arguments.flag("verbose"))
        #expect(command.arguments.value("format", as: SampleCommands.Format.self) == .claude)
        #expect(command.arguments.strings("file") == ["x.json"])
    }

    @Test func optionValueMayStartWithDash() throws {
        let command = try parseCommand(["import", "--user", "-bob", "-u", "--", "x.json"])

        #expect(command.arguments.string("user") == "--")
        #expect(command.arguments.strings("file") == ["x.json"])
    }

    @Test func terminatorMakesDashedValuesPositional() throws {
        let command = try parseCommand(["import", "--", "-weird.json", "--help", "-h"])

        #expect(command.arguments.strings("file") == ["-weird.json", "--help", "-h"])
    }

    @Test func negativeNumberIsPositional() throws {
        let command = try parseCommand(["conversations", "-5"])

        #expect(command.arguments.string("query") == "-5")
    }

    @Test func nestedSubcommand() throws {
        let command = try parseCommand(["users", "rename", "ann", "anne"])

        #expect(command.subcommandNames == ["users", "rename"])
        #expect(command.command.name == "rename")
        #expect(command.arguments.string("old-name") == "ann")
        #expect(command.arguments.string("new-name") == "anne")
    }

    @Test(arguments: [
        ([], ["confab"]),
        (["help"], ["confab"]),
        (["--help"], ["confab"]),
        (["-h"], ["confab"]),
        (["help", "import"], ["confab", "import"]),
        (["help", "users", "rename"], ["confab", "users", "rename"]),
        (["help", "help"], ["confab", "help"]),
        (["import", "--help"], ["confab", "import"]),
        (["import", "-h"], ["confab", "import"]),
        (["import", "-vh"], ["confab", "import"]),
        (["import", "--bogus", "--help"], ["confab", "import"]),
        (["show", "--help", "not-a-number"], ["confab", "show"]),
        (["users"], ["confab", "users"]),
        (["users", "--help"], ["confab", "users"]),
        (["users", "rename", "-h"], ["confab", "users", "rename"]),
        (["--db", "x.db"], ["confab"]),
    ] as [([String], [String])])
    func helpRequests(arguments: [String], expectedPath: [String]) throws {
        #expect(try helpPath(arguments) == expectedPath)
    }

    @Test func helpSubcommandIsListedLast() {
        #expect(parser.root.subcommands.map(\.name) == ["import", "conversations", "show", "users", "help"])
    }

    @Test func rootWithoutSubcommandsRunsItself() throws {
        let root = CommandSpec(
            name: "tool",
            abstract: "A tool with no subcommands.",
            arguments: [ArgumentSpec("name", help: "A name.", arity: .zeroOrMore)]
        )
        let parser = CommandLineParser(root: root)

        guard case let .command(command) = try parser.parse(["help", "a"]) else {
            Issue.record("expected a command")
            return
        }
        #expect(command.subcommandNames == [])
        #expect(command.arguments.strings("name") == ["help", "a"])
        #expect(parser.root.subcommands.isEmpty)
    }

    @Test func commandPathByNames() {
        #expect(parser.commandPath(named: ["users", "rename"]).map(\.name) == ["confab", "users", "rename"])
        #expect(parser.commandPath(named: ["nope", "rename"]).map(\.name) == ["confab"])
    }
}
