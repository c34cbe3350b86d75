/// Checks command declarations once, when the parser is created. A malformed declaration is a
/// bug in the program, so it stops the program with a message naming the command.
enum DeclarationCheck {
    static func validate(_ root: CommandSpec) {
        precondition(
            root.subcommand(named: CommandLineParser.helpCommand.name) == nil,
            "'\(root.name)' declares a subcommand named 'help', which the parser provides"
        )
        validate(root, path: root.name, inheritedLongNames: [], inheritedShortNames: [])
    }

    /// - Parameters:
    ///   - inheritedLongNames: Long names of every option and flag of the ancestors, since all of
    ///     them share one `ParsedArguments`.
    ///   - inheritedShortNames: Short names of the ancestors' inherited options and flags, which
    ///     this command accepts too.
    private static func validate(
        _ command: CommandSpec,
        path: String,
        inheritedLongNames: Set<String>,
        inheritedShortNames: Set<Character>
    ) {
        precondition(isValidName(command.name), "'\(path)' has an invalid command name '\(command.name)'")

        var longNames = inheritedLongNames
        var shortNames = inheritedShortNames
        var passedShortNames = inheritedShortNames

        func claim(_ name: String, short: Character?, isInherited: Bool) {
            precondition(isValidName(name), "'\(path)' has an invalid name '\(name)'")
            precondition(name != "help", "'\(path)' declares '--help', which the parser provides")
            precondition(longNames.insert(name).inserted, "'\(path)' declares the name '\(name)' twice")
            guard let short else { return }
            precondition(short != "h", "'\(path)' declares '-h', which the parser provides for help")
            precondition(short != "-" && !short.isWhitespace, "'\(path)' has an invalid short name '\(short)'")
            precondition(shortNames.insert(short).inserted, "'\(path)' declares '-\(short)' twice")
            if isInherited {
                passedShortNames.insert(short)
            }
        }

        for option in command.options {
            claim(option.name, short: option.shortName, isInherited: option.isInherited)
            validate(option.kind, defaultValue: option.defaultValue, label: "\(path) --\(option.name)")
        }
        for flag in command.flags {
            claim(flag.name, short: flag.shortName, isInherited: flag.isInherited)
        }
        for argument in command.arguments {
            claim(argument.name, short: nil, isInherited: false)
            validate(argument.kind, defaultValue: nil, label: "\(path) <\(argument.name)>")
        }
        validateArgumentOrder(command.arguments, path: path)

        precondition(
            command.arguments.isEmpty || command.subcommands.isEmpty,
            "'\(path)' has both arguments and subcommands, which makes its command lines ambiguous"
        )
        let subcommandNames = command.subcommands.map(\.name)
        precondition(Set(subcommandNames).count == subcommandNames.count, "'\(path)' repeats a subcommand name")

        for subcommand in command.subcommands {
            validate(
                subcommand,
                path: path + " " + subcommand.name,
                inheritedLongNames: longNames,
                inheritedShortNames: passedShortNames
            )
        }
    }

    /// Required arguments come first, then optional ones, and only the last may repeat.
    private static func validateArgumentOrder(_ arguments: [ArgumentSpec], path: String) {
        var hasOptional = false
        for (position, argument) in arguments.enumerated() {
            if argument.isRepeating {
                precondition(position == arguments.count - 1, "'\(path)': only the last argument can repeat")
            }
            if argument.arity == .required {
                precondition(!hasOptional, "'\(path)': required argument <\(argument.name)> follows an optional one")
            } else {
                hasOptional = true
            }
        }
    }

    private static func validate(_ kind: ValueKind, defaultValue: String?, label: String) {
        if case let .choice(values) = kind {
            precondition(!values.isEmpty, "\(label) has no choices")
        }
        if let defaultValue {
            precondition(
                kind.expectationUnmet(by: defaultValue) == nil,
                "\(label) has the default '\(defaultValue)', which its kind rejects"
            )
        }
    }

    /// Returns whether `name` can be typed without quotes and cannot be mistaken for an option.
    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first != "-" else { return false }
        return !name.contains { $0.isWhitespace || $0 == "=" }
    }
}
