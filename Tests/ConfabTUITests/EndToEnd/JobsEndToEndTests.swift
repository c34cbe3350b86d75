import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Jobs screen driven through the real `confab` executable in tmux: a plan preview, a job that
/// runs after `y`, the audit log. Every step waits for text on the pane; nothing sleeps.
@Suite("Jobs through confab in tmux", .serialized, .enabled(if: Executables.confabUnavailableReason == nil, "\(Executables.confabUnavailableReason ?? "")"))
struct JobsEndToEndTests {
    private static let timeout: Duration = .seconds(60)

    @Test func previewRunAndAudit() throws {
        let directory = try TemporaryDirectory()
        let confab = try #require(Executables.confab)
        let path = directory.path + "/demo.db"
        let status = try Subprocess.run(
            confab, ["demo", "--no-tui", "--db", path, "--users", "5", "--conversations", "60"], outputPath: directory.path + "/demo.txt")
        #expect(status == 0)
        let store = try SQLiteStore(path: path, readOnly: true)
        let user = try #require(try store.users(after: nil, limit: 1).first)

        let command = Executables.shellQuoted(confab) + " --db " + Executables.shellQuoted(path)
        let session = try TmuxSession(
            command: command,
            environment: ["XDG_CONFIG_HOME": directory.path + "/config", "CONFAB_KEY_FILE": directory.path + "/retention.key"],
            size: TmuxSession.defaultSize)
        try session.waitForText("All users", timeout: Self.timeout)

        try session.sendKeys("4")
        try session.waitForText("No stored policies.", timeout: Self.timeout)
        try session.sendKeys(":")
        try session.sendText("plan user:\(user.id)")
        try session.sendKeys("Enter")
        try session.waitForText("Press y to run it, Esc to cancel.", timeout: Self.timeout)
        try session.waitForText("Total: \(user.conversationCount) conversations", timeout: Self.timeout)

        try session.sendKeys("y")
        try session.waitForText("finished: \(user.conversationCount) conversations", timeout: Self.timeout)
        try session.sendKeys("Tab")
        try session.sendKeys("Tab")
        try session.waitForText("retention run finished", timeout: Self.timeout)

        try session.sendKeys("Q")
        #expect(try session.waitForExit(timeout: Self.timeout) == 0)
        #expect(try SQLiteStore(path: path, readOnly: true).findUsers(matching: String(user.id)).first?.conversationCount == 0)
    }
}
