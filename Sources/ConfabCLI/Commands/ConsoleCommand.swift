import ConfabCore
import ConfabTUI
import Foundation

/// `confab tui`, and `confab` with no command: the interactive console.
enum ConsoleCommand {
    static func run(_ context: CommandContext, storePath: String? = nil) throws -> Int32 {
        let options = ConsoleOptions(
            themeName: context.arguments.string("theme"),
            noColor: context.arguments.flag("no-color"),
            environment: context.environment)
        // Buffered output written before the console starts must reach the terminal first.
        context.stdout.flush()
        context.stderr.flush()
        return try runConsole(storePath: storePath ?? context.storePath, options: options)
    }

    /// Puts `tui` in front of a command line that names no command, keeping its global options,
    /// so `confab --db demo.db` opens the console instead of printing help.
    static func defaultingToConsole(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--db" || argument == "--theme" {
                index += 2
            } else if argument.hasPrefix("--db=") || argument.hasPrefix("--theme=") || argument == "--no-color" {
                index += 1
            } else {
                return arguments
            }
        }
        return ["tui"] + arguments
    }
}
