/// An option that takes a value: `--limit 20`, `--limit=20` or `-n 20`.
public struct OptionSpec: Sendable {
    /// The long name without dashes, and the key in `ParsedArguments`.
    public var name: String
    public var shortName: Character?
    /// The placeholder in help, shown as `<valueName>`.
    public var valueName: String
    /// What the option sets and in what unit.
    public var help: String
    /// The value used when the option is not given, shown in help. It must satisfy `kind`.
    public var defaultValue: String?
    public var kind: ValueKind
    /// Whether the option may be given more than once to collect several values. Otherwise a
    /// later occurrence replaces an earlier one.
    public var isRepeatable: Bool
    /// Whether every subcommand of the declaring command accepts the option too, as for a
    /// database path that all commands need.
    public var isInherited: Bool

    public init(
        _ name: String,
        short shortName: Character? = nil,
        valueName: String,
        help: String,
        defaultValue: String? = nil,
        kind: ValueKind = .string,
        isRepeatable: Bool = false,
        isInherited: Bool = false
    ) {
        self.name = name
        self.shortName = shortName
        self.valueName = valueName
        self.help = help
        self.defaultValue = defaultValue
        self.kind = kind
        self.isRepeatable = isRepeatable
        self.isInherited = isInherited
    }

    /// The option as usage and errors show it: `--limit <count>`.
    var label: String { "--\(name) <\(valueName)>" }
}

/// An option without a value, which is either present or not: `--json`, `-v`.
public struct FlagSpec: Sendable {
    /// The long name without dashes, and the key in `ParsedArguments`.
    public var name: String
    public var shortName: Character?
    public var help: String
    /// Whether every subcommand of the declaring command accepts the flag too.
    public var isInherited: Bool

    public init(_ name: String, short shortName: Character? = nil, help: String, isInherited: Bool = false) {
        self.name = name
        self.shortName = shortName
        self.help = help
        self.isInherited = isInherited
    }

    var label: String { "--\(name)" }
}
