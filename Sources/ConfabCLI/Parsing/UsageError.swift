/// A command line that does not match the declarations. `CommandRunner` prints it with the
/// command's usage and exits with status 64 (`EX_USAGE`).
public struct UsageError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case unknownCommand(String)
        /// The option as given, such as `--limt` or `-x`.
        case unknownOption(String)
        /// The option's label, such as `--limit <count>`.
        case missingValue(option: String)
        /// The argument's label, such as `<file>`.
        case missingArgument(String)
        case unexpectedArgument(String)
        /// A value that does not satisfy the `ValueKind`, with the label of what it was given for
        /// and a description of what was expected.
        case invalidValue(String, label: String, expected: String)
        case flagWithValue(String)
        /// A rule a command checks itself, such as two options that exclude each other.
        case invalid(message: String)
    }

    public var reason: Reason
    /// The names of the commands from the root to the one whose usage applies.
    public var commandPath: [String]
    /// A declared name close to a mistyped one, shown as "Did you mean …?".
    public var suggestion: String?

    public init(_ reason: Reason, commandPath: [String], suggestion: String? = nil) {
        self.reason = reason
        self.commandPath = commandPath
        self.suggestion = suggestion
    }

    /// The message after `Error: `.
    public var message: String {
        switch reason {
        case let .unknownCommand(name): Messages.unknownCommand(name)
        case let .unknownOption(option): Messages.unknownOption(option)
        case let .missingValue(option): Messages.missingValue(option: option)
        case let .missingArgument(argument): Messages.missingArgument(argument)
        case let .unexpectedArgument(value): Messages.unexpectedArgument(value)
        case let .invalidValue(value, label, expected): Messages.invalidValue(value, label: label, expected: expected)
        case let .flagWithValue(flag): Messages.flagWithValue(flag)
        case let .invalid(message): message
        }
    }
}
