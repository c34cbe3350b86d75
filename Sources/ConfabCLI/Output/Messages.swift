/// The command-line front end's user-facing wording, kept in one place so that it reads the
/// same everywhere. Error messages start in lower case and have no final period, because they
/// follow `Error: `. Values from the command line appear in single quotes.
enum Messages {
    // MARK: Prefixes and help layout

    static let errorPrefix = "Error: "
    static let usagePrefix = "Usage: "
    static let overviewHeading = "OVERVIEW: "
    static let usageHeading = "USAGE: "
    static let argumentsHeading = "ARGUMENTS:"
    static let optionsHeading = "OPTIONS:"
    static let subcommandsHeading = "SUBCOMMANDS:"
    static let subcommandPlaceholder = "<subcommand>"

    static func defaultValue(_ value: String) -> String { "(default: \(value))" }
    static func possibleValues(_ values: [String]) -> String { "(values: \(values.joined(separator: ", ")))" }
    static let repeatableOption = "(can be repeated)"

    static let helpFlagHelp = "Show help for this command."
    static let helpCommandAbstract = "Show help for a command."
    static let helpCommandArgumentHelp = "The subcommand to describe. Give several names for a nested one."
    /// `helpCommand` is the command line that shows help, such as `confab help users`.
    static func subcommandHelpHint(helpCommand: String) -> String {
        "See '\(helpCommand) <subcommand>' for help on a subcommand."
    }

    // MARK: Usage errors

    static func unknownCommand(_ name: String) -> String { "unknown command '\(name)'" }
    static func unknownOption(_ option: String) -> String { "unknown option '\(option)'" }
    static func missingValue(option: String) -> String { "missing value for option '\(option)'" }
    static func missingArgument(_ argument: String) -> String { "missing argument '\(argument)'" }
    static func unexpectedArgument(_ value: String) -> String { "unexpected argument '\(value)'" }
    static func flagWithValue(_ flag: String) -> String { "option '\(flag)' does not take a value" }
    static func invalidValue(_ value: String, label: String, expected: String) -> String {
        "invalid value '\(value)' for '\(label)': expected \(expected)"
    }

    static func expectedInteger(in range: ClosedRange<Int>?) -> String {
        guard let range else { return "an integer" }
        switch (range.lowerBound, range.upperBound) {
        case (Int.min, Int.max): return "an integer"
        case (let lower, Int.max): return "an integer of at least \(lower)"
        case (Int.min, let upper): return "an integer of at most \(upper)"
        case let (lower, upper): return "an integer from \(lower) to \(upper)"
        }
    }

    static func expectedChoice(_ values: [String]) -> String {
        "one of " + values.joined(separator: ", ")
    }

    static func didYouMean(_ suggestion: String) -> String { "Did you mean '\(suggestion)'?" }
    static func seeHelp(_ helpCommand: String) -> String { "See '\(helpCommand)'." }
}
