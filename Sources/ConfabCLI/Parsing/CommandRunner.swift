import ConfabCore
import Foundation

/// Runs a command line: parses it, prints help or usage errors, and calls the handler for the
/// command it names. It writes only to the sinks it is given and returns the exit status
/// instead of exiting, so tests can run it like the program.
public struct CommandRunner: Sendable {
    public let parser: CommandLineParser

    public init(root: CommandSpec) {
        parser = CommandLineParser(root: root)
    }

    /// Runs `arguments`, which do not include the program name, and returns the exit status.
    ///
    /// - Help goes to `stdout` with status 0.
    /// - A `UsageError`, from the parser or thrown by the handler, goes to `stderr` as
    ///   `Error: …`, an optional "Did you mean …?", the usage line and a pointer to the help,
    ///   with status 64.
    /// - Any other error thrown by the handler goes to `stderr` as `Error: …` with status 1.
    ///   The message is the error's `LocalizedError.errorDescription` or its description.
    ///
    /// Both sinks are flushed before it returns.
    public func run(
        arguments: [String],
        stdout: OutputSink,
        stderr: OutputSink,
        environment: [String: String],
        handler: (CommandInvocation) throws -> Int32
    ) -> Int32 {
        defer {
            stdout.flush()
            stderr.flush()
        }

        do {
            switch try parser.parse(arguments) {
            case let .help(path):
                stdout.write(helpText(for: path, width: TerminalWidth.resolve(environment: environment, sink: stdout)))
                return ExitStatus.success

            case let .command(command):
                let invocation = CommandInvocation(
                    command: command,
                    stdout: stdout,
                    stderr: stderr,
                    environment: environment,
                    terminalWidth: TerminalWidth.resolve(environment: environment, sink: stdout)
                )
                return try handler(invocation)
            }
        } catch let error as UsageError {
            stdout.flush()
            let width = TerminalWidth.resolve(environment: environment, sink: stderr)
            stderr.write(sanitized(usageErrorText(error, width: width), environment: environment))
            return ExitStatus.usage
        } catch {
            stdout.flush()
            let text = Messages.errorPrefix + Self.message(for: error) + "\n"
            stderr.write(sanitized(text, environment: environment))
            return ExitStatus.failure
        }
    }

    /// Returns the help page of the last command in `path`.
    public func helpText(for path: [CommandSpec], width: Int) -> String {
        HelpFormatter(width: width).format(path)
    }

    /// Returns the lines printed for a usage error, each ending in a line break.
    public func usageErrorText(_ error: UsageError, width: Int) -> String {
        let path = parser.commandPath(named: Array(error.commandPath.dropFirst()))

        var lines = [Messages.errorPrefix + error.message]
        if let suggestion = error.suggestion {
            lines.append(Messages.didYouMean(suggestion))
        }
        lines += UsageFormatter.format(path, prefix: Messages.usagePrefix, width: width)

        let helpCommand = ([parser.root.name] + (parser.root.hasSubcommands ? ["help"] : ["--help"])
            + path.dropFirst().map(\.name)).joined(separator: " ")
        lines.append(Messages.seeHelp(helpCommand))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func message(for error: any Error) -> String {
        if let description = (error as? any LocalizedError)?.errorDescription {
            return description
        }
        return String(describing: error)
    }

    /// Error messages quote command-line values and file names, which may contain escape
    /// sequences, so they go through the sanitiser like any other data.
    private func sanitized(_ text: String, environment: [String: String]) -> String {
        let options = TerminalSanitizer.Options(
            layout: .multiLine,
            charset: .detect(environment: environment)
        )
        return TerminalSanitizer.sanitize(text, options: options)
    }
}
