import ConfabCore

/// The help page of a command, with OVERVIEW, USAGE, ARGUMENTS, OPTIONS and SUBCOMMANDS
/// sections, wrapped to a width in terminal cells.
///
/// Entries in the last three sections share one layout: the label is indented by two spaces
/// and the help text starts in a column shared by all sections. When a label is too long for
/// that column, its help text starts on the next line.
struct HelpFormatter {
    private struct Entry {
        var label: String
        var help: String
    }

    private static let labelIndent = 2
    private static let gap = 2

    let width: Int

    func format(_ path: [CommandSpec]) -> String {
        let command = path[path.count - 1]
        let sections: [(heading: String, entries: [Entry])] = [
            (Messages.argumentsHeading, argumentEntries(command)),
            (Messages.optionsHeading, optionEntries(path)),
            (Messages.subcommandsHeading, subcommandEntries(command)),
        ]
        let helpColumn = helpColumn(for: sections.flatMap(\.entries))

        var blocks: [[String]] = []
        blocks.append(hangingWrap(Messages.overviewHeading + command.abstract, indent: Messages.overviewHeading.count))
        if let discussion = command.discussion {
            blocks.append(TextWrapper.wrap(discussion, width: width))
        }
        blocks.append(UsageFormatter.format(path, prefix: Messages.usageHeading, width: width))
        for section in sections where !section.entries.isEmpty {
            blocks.append([section.heading] + section.entries.flatMap { format($0, helpColumn: helpColumn) })
        }
        if command.hasSubcommands {
            let helpCommand = ([path[0].name, CommandLineParser.helpCommand.name] + path.dropFirst().map(\.name))
                .joined(separator: " ")
            blocks.append(TextWrapper.wrap(Messages.subcommandHelpHint(helpCommand: helpCommand), width: width))
        }

        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: Entries

    private func argumentEntries(_ command: CommandSpec) -> [Entry] {
        command.arguments.map { argument in
            var help = argument.help
            if case let .choice(values) = argument.kind {
                help += " " + Messages.possibleValues(values)
            }
            return Entry(label: argument.label, help: help)
        }
    }

    private func optionEntries(_ path: [CommandSpec]) -> [Entry] {
        var entries: [Entry] = []
        for accepted in AcceptedOption.all(path) {
            switch accepted {
            case let .option(option):
                entries.append(Entry(label: Self.label(option.label, short: option.shortName), help: Self.help(for: option)))
            case let .flag(flag):
                entries.append(Entry(label: Self.label(flag.label, short: flag.shortName), help: flag.help))
            }
        }
        entries.append(Entry(label: "-h, --help", help: Messages.helpFlagHelp))
        return entries
    }

    /// Returns the option's help followed by its possible values, its default and whether it
    /// can be repeated.
    private static func help(for option: OptionSpec) -> String {
        var parts = [option.help]
        if case let .choice(values) = option.kind {
            parts.append(Messages.possibleValues(values))
        }
        if let defaultValue = option.defaultValue {
            parts.append(Messages.defaultValue(defaultValue))
        }
        if option.isRepeatable {
            parts.append(Messages.repeatableOption)
        }
        return parts.joined(separator: " ")
    }

    private func subcommandEntries(_ command: CommandSpec) -> [Entry] {
        command.subcommands.map { Entry(label: $0.name, help: $0.abstract) }
    }

    private static func label(_ long: String, short: Character?) -> String {
        guard let short else { return long }
        return "-\(short), \(long)"
    }

    // MARK: Layout

    /// Returns the column where help text starts. That is right after the longest label, but at
    /// most at 40% of the width and at column 30, so that help text keeps most of a narrow
    /// terminal.
    private func helpColumn(for entries: [Entry]) -> Int {
        let longestLabel = entries.map { TerminalText.width(of: $0.label) }.max() ?? 0
        let limit = max(Self.labelIndent + Self.gap + 4, min(30, width * 2 / 5))
        return min(Self.labelIndent + longestLabel + Self.gap, limit)
    }

    private func format(_ entry: Entry, helpColumn: Int) -> [String] {
        let labelLine = String(repeating: " ", count: Self.labelIndent) + entry.label
        let helpLines = TextWrapper.wrap(entry.help, width: max(width - helpColumn, 1))
        let helpIndent = String(repeating: " ", count: helpColumn)

        var lines: [String] = []
        let labelWidth = TerminalText.width(of: labelLine)
        if labelWidth + Self.gap <= helpColumn, let first = helpLines.first {
            lines.append(labelLine + String(repeating: " ", count: helpColumn - labelWidth) + first)
            lines += helpLines.dropFirst().map { helpIndent + $0 }
        } else {
            lines.append(labelLine)
            lines += helpLines.map { helpIndent + $0 }
        }
        return lines.map { Self.trimmingTrailingSpaces($0) }
    }

    /// Wraps `text` to the width with continuation lines indented by `indent` cells.
    private func hangingWrap(_ text: String, indent: Int) -> [String] {
        let firstLineWidth = width
        let lines = TextWrapper.wrap(text, width: firstLineWidth)
        guard lines.count > 1 else { return lines }

        let rest = lines.dropFirst().joined(separator: " ")
        let restLines = TextWrapper.wrap(rest, width: max(width - indent, 1))
        return [lines[0]] + restLines.map { String(repeating: " ", count: indent) + $0 }
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line[...]
        while line.last == " " {
            line = line.dropLast()
        }
        return String(line)
    }
}
