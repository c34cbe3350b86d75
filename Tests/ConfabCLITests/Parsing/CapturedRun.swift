import ConfabCLI

/// What one run of a command line wrote and returned.
struct CapturedRun: Equatable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "status \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)"
    }
}

/// The environment tests run commands in: a fixed width and a UTF-8 locale, so that output does
/// not depend on the terminal or locale of the machine that runs the tests.
let testEnvironment = ["COLUMNS": "80", "LANG": "C.UTF-8"]

/// Calls `body` with in-memory standard output and standard error and returns what it wrote
/// together with the status it returned. Use it for an entry point shaped like
/// `run(arguments:stdout:stderr:environment:) -> Int32`.
func captureOutput(stdoutIsTerminal: Bool = false, _ body: (OutputSink, OutputSink) -> Int32) -> CapturedRun {
    let stdout = OutputSink(memoryWithTerminal: stdoutIsTerminal)
    let stderr = OutputSink(memoryWithTerminal: false)
    let status = body(stdout, stderr)
    return CapturedRun(status: status, stdout: stdout.text, stderr: stderr.text)
}

/// Runs `arguments` against `root` with `handler` as the program would, and captures the output.
func runCommandLine(
    _ arguments: [String],
    root: CommandSpec,
    environment: [String: String] = testEnvironment,
    handler: (CommandInvocation) throws -> Int32 = { _ in ExitStatus.success }
) -> CapturedRun {
    let runner = CommandRunner(root: root)
    return captureOutput { stdout, stderr in
        runner.run(arguments: arguments, stdout: stdout, stderr: stderr, environment: environment, handler: handler)
    }
}
