/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    public enum Arity: Sendable, Equatable {
        case required
        case optional
        /// Any number of values, including none. Only the last argument can repeat.
        case zeroOrMore
        /// At least one value. Only the last argument can repeat.
        case oneOrMore
    }

    /// The name shown as `<name>` in help, and the key in `ParsedArguments`.
    public var name: String
    public var help: String
    public var arity: Arity
    public var kind: ValueKind

    public init(_ name: String, help: String, arity: Arity = .required, kind: ValueKind = .string) {
        self.name = name
        self.help = help
        self.arity = arity
        self.kind = kind
    }

    var isRepeating: Bool { arity == .zeroOrMore || arity == .oneOrMore }

    var isRequired: Bool { arity == .required || arity == .oneOrMore }

    var label: String { "<\(name)>" }
}
