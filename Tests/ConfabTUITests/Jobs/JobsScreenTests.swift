import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

/// The Jobs screen over a real store: previews, confirmation, a job on its worker, scan and audit.
@Suite("Jobs screen")
struct JobsScreenTests {
    final class JobsFixture {
        let console: ConsoleFixture
        let jobs: JobsScreen

        init(storePath: String, keyPath: String, size: Size = Size(width: 120, height: 24)) throws {
            var created: JobsScreen?
            var catalog = ScreenCatalog.placeholders
            catalog.factories[.jobs] = { context in
                let screen = JobsScreen(context: context, environment: ["CONFAB_KEY_FILE": keyPath, "USER": "tester"])
                created = screen
                return screen
            }
            console = try ConsoleFixture(size: size, screens: catalog, storePath: storePath)
            console.type("4")
            jobs = try #require(created)
        }

        /// Draws and delivers worker results until the screen has no work pending.
        @discardableResult
        func settle(sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while ContinuousClock.now < deadline {
                console.draw()
                if !jobs.isBusy {
                    return console.draw()
                }
                console.loop.waitForResults(timeout: .milliseconds(50))
            }
            Issue.record("the Jobs screen was still busy after 30 s", sourceLocation: sourceLocation)
            return console.draw()
        }

        func text() -> String { settle().joined(separator: "\n") }
    }

    private func makeStore() throws -> (TestStore, String) {
        let store = try TestStore.demo(users: 4, conversations: 30)
        try store.add([
            TestStore.conversation("leak", title: "Deploy notes", turns: [
                (.user, "Write to zed@example.com and use key sk-abcdefghijklmnopqrstuvwxyz"),
                (.assistant, "Rotate that key."),
            ]),
        ], owner: "zed")
        return (store, store.directory.path + "/retention.key")
    }

    @Test func adHocPlanRunsOnlyAfterConfirmation() throws {
        let (store, keyPath) = try makeStore()
        let fixture = try JobsFixture(storePath: store.path, keyPath: keyPath)
        #expect(fixture.text().contains("No stored policies."))

        fixture.console.type(":plan user:zed")
        fixture.console.press(.enter)
        let preview = fixture.text()
        #expect(preview.contains("Plan of delete user:zed; nothing has changed yet:"))
        #expect(preview.contains("Total: 1 conversations, 2 turns."))
        #expect(preview.contains("Press y to run it, Esc to cancel."))

        fixture.console.press(.escape)
        #expect(!fixture.text().contains("Press y to run it"))
        let users = try SQLiteStore(path: store.path).findUsers(matching: "zed")
        #expect(users.count == 1, "Esc must not run the job")

        fixture.console.type(":plan user:zed")
        fixture.console.press(.enter)
        fixture.settle()
        fixture.console.type("y")
        let done = fixture.text()
        #expect(done.contains("finished: 1 conversations, 2 turns"), "\(done)")
        #expect(try SQLiteStore(path: store.path).findUsers(matching: "zed").first?.conversationCount == 0)

        fixture.console.press(.tab, .tab)
        let audit = fixture.text()
        #expect(audit.contains("[Audit log]"))
        #expect(audit.contains("retention run finished"))
        #expect(!audit.contains("user:zed"), "the audit log shows users only as keyed hashes")
    }

    @Test func scanShowsMaskedFindingsAndForgets() throws {
        let (store, keyPath) = try makeStore()
        let fixture = try JobsFixture(storePath: store.path, keyPath: keyPath)
        fixture.settle()
        fixture.console.type("s")
        let findings = fixture.text()
        #expect(findings.contains("[Findings]"))
        #expect(findings.contains("email zed · conversation"), "\(findings)")
        #expect(!findings.contains("example.com"), "a cut address must not show in part")
        #expect(findings.contains("z***@***.com"))
        #expect(!findings.contains("zed@example.com"))
        #expect(!findings.contains("sk-abcdefghijklmnopqrstuvwxyz"))

        fixture.console.type("F")
        let preview = fixture.text()
        #expect(preview.contains("Erase user"))
        #expect(preview.contains("1 conversations, 2 turns"))
        fixture.console.type("y")
        let done = fixture.text()
        #expect(done.contains("Erased 1 conversations, 2 turns"), "\(done)")
        #expect(try SQLiteStore(path: store.path).findUsers(matching: "zed").isEmpty)
    }

    @Test func stopAsksFirst() throws {
        let (store, keyPath) = try makeStore()
        let fixture = try JobsFixture(storePath: store.path, keyPath: keyPath)
        fixture.settle()
        fixture.console.press(.control("c"))
        #expect(!fixture.text().contains("The job is paused"), "without a job Ctrl-C asks nothing")
        #expect(fixture.jobs.hints(context: fixture.console.console).contains { $0.label == "plan" })
    }
}
