/// The state of one parse: the tokens, how far they are read, and what was collected so far.
struct ParseSession {
    private let tokens: [ArgumentToken]
    /// The commands entered so far, starting with the root.
    private(set) var path: [CommandSpec]
    private var index = 0
    private var isAfterTerminator = false
    private var isHelpRequestedInGroup = false
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var positionals: [ArgumentToken] = []

    init(root: CommandSpec, tokens: [ArgumentToken]) {
        self.tokens = tokens
        path = [root]
    }

    private var current: CommandSpec { path[path.count - 1] }

    private var commandNames: [String] { path.map(\.name) }

    /// Whether `--help` or `-h` appears before `--`, or `h` in a group of short flags.
    var containsHelpRequest: Bool {
        isHelpRequestedInGroup || tokens.prefix { $0.kind != .terminator }.contains { Self.isHelpToken($0) }
    }

    mutating func run() throws(UsageError) -> ParseOutcome {
        while index < tokens.count {
            let token = tokens[index]
            index += 1

            switch token.kind {
            case .terminator:
                isAfterTerminator = true
            case let .longOption(name, value):
                if !Self.isHelpToken(token) {
                    try readLongOption(name, attachedValue: value)
                }
            case let .shortOptions(letters):
                if !Self.isHelpToken(token) {
                    try readShortOptions(letters)
                }
            case let .value(text):
                if current.hasSubcommands && !isAfterTerminator {
                    try enterSubcommand(text)
                    if current.name == CommandLineParser.helpCommand.name, path.count == 2 {
                        return try readHelpCommand()
                    }
                } else {
                    positionals.append(token)
                }
            }
        }

        if containsHelpRequest || current.hasSubcommands {
            return .help(commandPath: path)
        }
        let arguments = try bindPositionals()
        return .command(ParsedCommand(commandPath: path, arguments: arguments))
    }

    // MARK: Subcommands

    private mutating func enterSubcommand(_ name: String) throws(UsageError) {
        guard let subcommand = current.subcommand(named: name) else {
            let suggestion = Suggestion.closest(to: name, among: current.subcommands.map(\.name))
            throw UsageError(.unknownCommand(name), commandPath: commandNames, suggestion: suggestion)
        }
        path.append(subcommand)
    }

    /// Reads the names after `help` and returns help on the command they name.
    private mutating func readHelpCommand() throws(UsageError) -> ParseOutcome {
        var target = [path[0]]
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if Self.isHelpToken(token) {
                continue
            }

            let parent = target[target.count - 1]
            guard case let .value(name) = token.kind, parent.hasSubcommands else {
                throw UsageError(.unexpectedArgument(token.text), commandPath: commandNames)
            }
            guard let subcommand = parent.subcommand(named: name) else {
                let suggestion = Suggestion.closest(to: name, among: parent.subcommands.map(\.name))
                throw UsageError(.unknownCommand(name), commandPath: target.map(\.name), suggestion: suggestion)
            }
            target.append(subcommand)
        }
        return .help(commandPath: target)
    }

    // MARK: Options and flags

    private mutating func readLongOption(_ name: String, attachedValue: String?) throws(UsageError) {
        if let option = acceptedOptions.first(where: { $0.name == name }) {
            if let attachedValue {
                try record(attachedValue, for: option)
            } else {
                try record(nextValue(for: option), for: option)
            }
        } else if let flag = acceptedFlags.first(where: { $0.name == name }) {
            guard attachedValue == nil else {
                throw UsageError(.flagWithValue(flag.label), commandPath: commandNames)
            }
            flags.insert(flag.name)
        } else {
            let suggestion = Suggestion.closest(to: name, among: acceptedLongNames).map { "--" + $0 }
            throw UsageError(.unknownOption("--" + name), commandPath: commandNames, suggestion: suggestion)
        }
    }

    /// Reads a group such as `-vn 20` or `-vn20`: every letter but the last must be a flag,
    /// unless a letter is an option, which takes the rest of the group or the next argument.
    private mutating func readShortOptions(_ letters: String) throws(UsageError) {
        var remaining = Substring(letters)
        while let letter = remaining.first {
            remaining = remaining.dropFirst()

            if let option = acceptedOptions.first(where: { $0.shortName == letter }) {
                if remaining.isEmpty {
                    try record(nextValue(for: option), for: option)
                } else {
                    try record(String(remaining), for: option)
                }
                return
            } else if let flag = acceptedFlags.first(where: { $0.shortName == letter }) {
                flags.insert(flag.name)
            } else if letter == "h" {
                isHelpRequestedInGroup = true
            } else {
                // `-limit` was probably meant as `--limit`.
                let suggestion = letters.count > 1
                    ? Suggestion.closest(to: letters, among: acceptedLongNames).map { "--" + $0 }
                    : nil
                throw UsageError(.unknownOption("-" + String(letter)), commandPath: commandNames, suggestion: suggestion)
            }
        }
    }

    /// Returns the argument after an option, whatever it looks like, so that values may start
    /// with `-`.
    private mutating func nextValue(for option: OptionSpec) throws(UsageError) -> String {
        guard index < tokens.count else {
            throw UsageError(.missingValue(option: option.label), commandPath: commandNames)
        }
        defer { index += 1 }
        return tokens[index].text
    }

    private mutating func record(_ value: String, for option: OptionSpec) throws(UsageError) {
        if let expectation = option.kind.expectationUnmet(by: value) {
            throw UsageError(.invalidValue(value, label: option.label, expected: expectation), commandPath: commandNames)
        }
        if option.isRepeatable {
            values[option.name, default: []].append(value)
        } else {
            values[option.name] = [value]
        }
    }

    private var acceptedOptions: [OptionSpec] {
        AcceptedOption.all(path).compactMap {
            if case let .option(option) = $0 { option } else { nil }
        }
    }

    private var acceptedFlags: [FlagSpec] {
        AcceptedOption.all(path).compactMap {
            if case let .flag(flag) = $0 { flag } else { nil }
        }
    }

    private var acceptedLongNames: [String] {
        acceptedOptions.map(\.name) + acceptedFlags.map(\.name) + ["help"]
    }

    // MARK: Positional arguments

    /// Assigns the collected values to the current command's arguments in order: required ones
    /// first, then optional ones, and the rest to a repeating last argument.
    private func bindPositionals() throws(UsageError) -> ParsedArguments {
        var arguments = ParsedArguments(declarations: declarations)
        for (name, list) in values {
            for value in list {
                arguments.append(value, for: name)
            }
        }
        for flag in flags {
            arguments.setFlag(flag)
        }

        var remaining = positionals[...]
        for argument in current.arguments {
            let assigned: ArraySlice<ArgumentToken>
            switch argument.arity {
            case .required, .optional:
                assigned = remaining.prefix(1)
            case .zeroOrMore, .oneOrMore:
                assigned = remaining
            }
            remaining = remaining.dropFirst(assigned.count)

            if assigned.isEmpty && argument.isRequired {
                throw UsageError(.missingArgument(argument.label), commandPath: commandNames)
            }
            for token in assigned {
                if let expectation = argument.kind.expectationUnmet(by: token.text) {
                    let reason = UsageError.Reason.invalidValue(token.text, label: argument.label, expected: expectation)
                    throw UsageError(reason, commandPath: commandNames)
                }
                arguments.append(token.text, for: argument.name)
            }
        }

        if let extra = remaining.first {
            throw UsageError(.unexpectedArgument(extra.text), commandPath: commandNames)
        }
        return arguments
    }

    /// Every name that `ParsedArguments` can be asked for on this path.
    private var declarations: [String: ParsedArguments.Declaration] {
        var declarations: [String: ParsedArguments.Declaration] = [:]
        for command in path {
            for option in command.options {
                declarations[option.name] = .option(option)
            }
            for flag in command.flags {
                declarations[flag.name] = .flag(flag)
            }
        }
        for argument in current.arguments {
            declarations[argument.name] = .argument(argument)
        }
        return declarations
    }

    private static func isHelpToken(_ token: ArgumentToken) -> Bool {
        switch token.kind {
        case let .longOption(name, _): name == "help"
        case let .shortOptions(letters): letters == "h"
        default: false
        }
    }
}
