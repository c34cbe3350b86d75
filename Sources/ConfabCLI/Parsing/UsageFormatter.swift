import ConfabCore

/// The usage synopsis of a command: `confab list [--limit <count>] [--json] [<query>]`.
enum UsageFormatter {
    /// Returns the pieces of the synopsis after the command's name. Wrapping never splits one.
    static func elements(_ path: [CommandSpec]) -> [String] {
        let command = path[path.count - 1]

        var elements: [String] = []
        for accepted in AcceptedOption.all(path) {
            switch accepted {
            case let .option(option):
                elements.append(option.isRepeatable ? "[\(option.label) ...]" : "[\(option.label)]")
            case let .flag(flag):
                elements.append("[\(flag.label)]")
            }
        }
        if command.hasSubcommands {
            elements.append(Messages.subcommandPlaceholder)
        }
        for argument in command.arguments {
            switch argument.arity {
            case .required: elements.append(argument.label)
            case .optional: elements.append("[\(argument.label)]")
            case .zeroOrMore: elements.append("[\(argument.label) ...]")
            case .oneOrMore: elements.append("\(argument.label) ...")
            }
        }
        return elements
    }

    /// Returns the synopsis after `prefix`, wrapped to `width` cells. Continuation lines line up
    /// with the first element after the command name, unless that is past half the width: then
    /// they line up with the command name.
    static func format(_ path: [CommandSpec], prefix: String, width: Int) -> [String] {
        let lead = prefix + path.map(\.name).joined(separator: " ")
        let alignedIndent = TerminalText.width(of: lead) + 1
        let indent = alignedIndent <= width / 2 ? alignedIndent : TerminalText.width(of: prefix)

        var lines: [String] = []
        var line = lead
        var lineWidth = TerminalText.width(of: lead)
        for element in elements(path) {
            let elementWidth = TerminalText.width(of: element)
            if lineWidth + 1 + elementWidth > width, lineWidth > indent {
                lines.append(line)
                line = String(repeating: " ", count: indent - 1)
                lineWidth = indent - 1
            }
            line += " " + element
            lineWidth += 1 + elementWidth
        }
        lines.append(line)
        return lines
    }
}
