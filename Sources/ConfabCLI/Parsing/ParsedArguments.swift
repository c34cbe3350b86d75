/// The values of a parsed command line, by declared name.
///
/// Options and arguments that were not given read as their default value, or as nil or empty
/// when they have none. Reading a name that no command on the path declares stops the program,
/// and so does reading a value as an integer that was not declared as `.integer`. Both are bugs
/// in the command. Bad input cannot cause them, because the parser has already rejected every
/// value that does not match its kind.
public struct ParsedArguments: Sendable {
    enum Declaration: Sendable {
        case option(OptionSpec)
        case flag(FlagSpec)
        case argument(ArgumentSpec)
    }

    private let declarations: [String: Declaration]
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(declarations: [String: Declaration]) {
        self.declarations = declarations
    }

    mutating func append(_ value: String, for name: String) {
        values[name, default: []].append(value)
    }

    mutating func setFlag(_ name: String) {
        flags.insert(name)
    }

    /// Returns the value of an option or argument: the last one given, else the default.
    public func string(_ name: String) -> String? {
        strings(name).last
    }

    /// Returns every value of a repeatable option or repeating argument, in command-line order.
    /// When none was given, returns the default value alone, or an empty array.
    public func strings(_ name: String) -> [String] {
        switch declaration(name) {
        case let .option(option):
            return values[name] ?? option.defaultValue.map { [$0] } ?? []
        case .argument:
            return values[name] ?? []
        case .flag:
            preconditionFailure("'\(name)' is a flag: read it with flag(_:)")
        }
    }

    public func int(_ name: String) -> Int? {
        ints(name).last
    }

    public func ints(_ name: String) -> [Int] {
        precondition(isInteger(name), "'\(name)' is not declared with kind .integer")
        return strings(name).map { Int($0)! }
    }

    /// Returns the value of an option or argument declared as `.choice`, converted to the
    /// enumeration whose raw values are the choices.
    public func value<Value: RawRepresentable>(_ name: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            preconditionFailure("'\(text)' is a declared choice of '\(name)' but not a \(Value.self)")
        }
        return value
    }

    public func flag(_ name: String) -> Bool {
        guard case .flag = declaration(name) else {
            preconditionFailure("'\(name)' is not a flag")
        }
        return flags.contains(name)
    }

    /// Returns whether the option, flag or argument was given on the command line, as opposed
    /// to taking its default.
    public func isPresent(_ name: String) -> Bool {
        _ = declaration(name)
        return flags.contains(name) || values[name] != nil
    }

    private func declaration(_ name: String) -> Declaration {
        guard let declaration = declarations[name] else {
            preconditionFailure("no option, flag or argument named '\(name)' is declared")
        }
        return declaration
    }

    private func isInteger(_ name: String) -> Bool {
        switch declaration(name) {
        case let .option(option):
            if case .integer = option.kind { return true }
        case let .argument(argument):
            if case .integer = argument.kind { return true }
        case .flag:
            break
        }
        return false
    }
}
