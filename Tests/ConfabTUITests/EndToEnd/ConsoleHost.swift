import ConfabTUI
import Foundation
import Testing

/// Runs the real console on the terminal, for the end-to-end tests.
///
/// The end-to-end tests start this test binary inside tmux with `CONFAB_TUI_HOST_STORE` set and
/// a filter that selects only this entry, so the console can be driven as a program before the
/// command-line tool starts it. In an ordinary test run the variable is unset and the entry is
/// skipped. Every screen is a placeholder, so these tests check the console itself; the real
/// screens are driven through the `confab` executable.
@Suite("Console host")
struct ConsoleHost {
    static let storeVariable = "CONFAB_TUI_HOST_STORE"
    static let themeVariable = "CONFAB_TUI_HOST_THEME"
    static let noColorVariable = "CONFAB_TUI_HOST_NO_COLOR"

    static var isRequested: Bool {
        ProcessInfo.processInfo.environment[storeVariable] != nil
    }

    /// Returns the shell command that starts the console host on `store`.
    static func command(store: String) -> String? {
        guard let binary = Executables.testBinary else { return nil }
        return "\(Executables.shellQuoted(binary)) --testing-library swift-testing --filter consoleHostEntry 2>/dev/null"
    }

    @Test(.enabled(if: isRequested, "runs only inside tmux, started by the end-to-end tests"))
    func consoleHostEntry() throws {
        let environment = ProcessInfo.processInfo.environment
        let options = ConsoleOptions(
            themeName: environment[ConsoleHost.themeVariable],
            noColor: environment[ConsoleHost.noColorVariable] != nil,
            environment: environment,
            screens: .placeholders
        )
        let status = try runConsole(storePath: environment[ConsoleHost.storeVariable] ?? "", options: options)
        exit(status)
    }
}
