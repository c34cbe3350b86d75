/// Everything a command's handler receives: its parsed values and where to write.
public struct CommandInvocation: Sendable {
    public let command: ParsedCommand
    public let stdout: OutputSink
    public let stderr: OutputSink
    public let environment: [String: String]
    /// The width in columns to lay out output to `stdout` for; see `TerminalWidth`.
    public let terminalWidth: Int

    public init(
        command: ParsedCommand,
        stdout: OutputSink,
        stderr: OutputSink,
        environment: [String: String],
        terminalWidth: Int
    ) {
        self.command = command
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.terminalWidth = terminalWidth
    }

    public var arguments: ParsedArguments { command.arguments }

    /// Returns an error for a rule the command checks itself, such as two options that exclude
    /// each other. Thrown from the handler, it is printed with the command's usage and the
    /// program exits with status 64.
    public func usageError(_ message: String) -> UsageError {
        UsageError(.invalid(message: message), commandPath: command.commandPath.map(\.name))
    }
}
