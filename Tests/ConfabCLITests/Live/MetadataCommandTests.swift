import Foundation
import Testing
@testable import ConfabCore

@Suite struct MetadataCommandTests {
    private func makeConversation(_ harness: ConfabHarness, title: String = "Start") throws -> Int64 {
        let store = try SQLiteStore(path: harness.databasePath)
        return try store.makeLiveWriter().startConversation(NewConversation(userName: "alice", title: title)).conversationID
    }

    @Test func renameSetsTitle() throws {
        let harness = try ConfabHarness()
        let id = try makeConversation(harness)
        let result = harness.run(["rename", "\(id)", "Budget review", "--json"])

        #expect(result.status == 0)
        let object = try result.json()
        #expect(object["title"]?.stringValue == "Budget review")
        #expect(object["resolution"]?.stringValue == "applied")
        #expect(object["version"]?.doubleValue == 2)
        #expect(harness.run(["conversations", "--json"]).stdout.contains("Budget review"))
    }

    @Test func staleExpectedVersionFails() throws {
        let harness = try ConfabHarness()
        let id = try makeConversation(harness)
        #expect(harness.run(["rename", "\(id)", "First"]).status == 0)
        let late = harness.run(["rename", "\(id)", "Second", "--expect-version", "1"])

        #expect(late.status == 1)
        #expect(late.stderr.contains("edited by someone else"))
        #expect(late.stderr.contains("\"First\""))
        #expect(late.stderr.contains("version 2"))
        let current = try harness.run(["tag", "\(id)", "--json"]).json()
        #expect(current["title"]?.stringValue == "First")
    }

    @Test func currentExpectedVersionApplies() throws {
        let harness = try ConfabHarness()
        let id = try makeConversation(harness)
        let result = harness.run(["rename", "\(id)", "Exact", "--expect-version", "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("version 2"))
    }

    @Test func tagAddRemoveArchive() throws {
        let harness = try ConfabHarness()
        let id = try makeConversation(harness)
        #expect(harness.run(["tag", "\(id)", "--add", "work", "--add", "q3"]).status == 0)
        let result = harness.run(["tag", "\(id)", "--remove", "q3", "--add", "done", "--archive", "--json"])

        #expect(result.status == 0)
        let object = try result.json()
        #expect(object["tags"] == .array([.string("done"), .string("work")]))
        #expect(object["archived"] == .bool(true))
        #expect(object["version"]?.doubleValue == 3)
    }

    @Test func badInputIsNamed() throws {
        let harness = try ConfabHarness()
        let id = try makeConversation(harness)

        let badID = harness.run(["rename", "abc", "x"])
        #expect(badID.status == 64)
        #expect(badID.stderr.contains("invalid conversation id \"abc\""))

        let missing = harness.run(["rename", "999", "x"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("conversation 999 not found"))

        let badTag = harness.run(["tag", "\(id)", "--add", "a,b"])
        #expect(badTag.status == 1)
        #expect(badTag.stderr.contains("invalid tag \"a,b\""))

        let both = harness.run(["tag", "\(id)", "--archive", "--unarchive"])
        #expect(both.status == 64)

        let addedAndRemoved = harness.run(["tag", "\(id)", "--add", "t1", "--remove", "T1"])
        #expect(addedAndRemoved.status == 64)
        #expect(addedAndRemoved.stderr.contains("both added and removed"))

        let controlTag = harness.run(["tag", "\(id)", "--add", "bad\ttag"])
        #expect(controlTag.status == 1)
        #expect(controlTag.stderr.contains("control characters"))
    }
}

@Suite struct HealthWatchOutputTests {
    @Test func watchPrintsOneLinePerSecond() throws {
        let harness = try ConfabHarness()
        let store = try SQLiteStore(path: harness.databasePath)
        _ = try store.makeLiveWriter().startConversation(NewConversation(userName: "u"))

        let result = harness.run(["health", "--watch", "--json", "--seconds", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONValue.parse(String(line))
            #expect(object["sync_latency_ms"]?["samples"]?.doubleValue != nil)
            #expect(object["wal_bytes"]?.doubleValue != nil)
        }

        let text = harness.run(["health", "--watch", "--seconds", "1"])
        #expect(text.stdout.hasPrefix("   time  commits/s"))
        #expect(text.stdout.split(separator: "\n").count == 2)
    }

    @Test func missingStoreIsNamed() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["health", "--seconds", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no Confab store at"))
    }
}
