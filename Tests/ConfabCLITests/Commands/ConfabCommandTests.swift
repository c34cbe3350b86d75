import ConfabCLI
import ConfabCore
import Foundation
import Testing

@Suite struct ConfabCommandTests {
    private static let shareGPT = """
        [
          {"id": "abc_0", "conversations": [{"from": "human", "value": "How do I parse JSON in Swift?"},
                                            {"from": "gpt", "value": "Use a streaming reader."}]},
          {"id": "abc_1", "conversations": [{"from": "human", "value": "And \\u001b]52;c;aGk=\\u0007 this?"},
                                            {"from": "gpt", "value": "That is an OSC 52 sequence."}]},
          {"id": "solo", "conversations": [{"from": "human", "value": "日本語のテスト"}]}
        ]
        """

    @Test func unknownCommandSuggests() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["imprt", "x.json"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: unknown command 'imprt'"))
        #expect(result.stderr.contains("Did you mean 'import'?"))
        #expect(result.stdout.isEmpty)
    }

    @Test func folderAsStoreFails() throws {
        let harness = try ConfabHarness()
        try FileManager.default.createDirectory(atPath: harness.databasePath, withIntermediateDirectories: true)
        for command in [["stats"], ["search", "docker"], ["health", "--json", "--seconds", "1"]] {
            let result = harness.run(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("is a folder; --db takes the path of a store file"), "\(command): \(result.stderr)")
        }
    }

    @Test func userBySourceAndAccount() throws {
        let harness = try ConfabHarness()
        #expect(harness.run(["demo", "--no-tui", "--quiet", "--users", "3", "--conversations", "12"]).status == 0)
        let byAccount = try #require(try harness.run(["conversations", "--user", "demo-user-0001", "--json"]).json().arrayValue)
        let bySourceAndAccount = try #require(
            try harness.run(["conversations", "--user", "demo:demo-user-0001", "--json"]).json().arrayValue)
        #expect(!byAccount.isEmpty)
        #expect(bySourceAndAccount == byAccount, "the form 'confab users' prints selects the same user")
    }

    @Test func readingMissingStoreFails() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["stats", "--json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no Confab store at"))
        #expect(!FileManager.default.fileExists(atPath: harness.databasePath))
    }

    @Test func importThenListAndShow() throws {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")

        let imported = harness.run(["import", "--user", "ada", file])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("2 new, 0 updated, 0 unchanged, 0 skipped"))

        let stats = try harness.run(["stats", "--json"]).json()
        #expect(stats["users"]?.intValue == 1)
        #expect(stats["conversations"]?.intValue == 2)
        #expect(stats["turns"]?.intValue == 5)
        #expect((stats["database_bytes"]?.intValue ?? 0) > 0)

        let users = try #require(try harness.run(["users", "--json"]).json().arrayValue)
        #expect(users.count == 1)
        #expect(users.first?["name"]?.stringValue == "ada")
        #expect(users.first?["external_ids"]?.arrayValue?.isEmpty == true)

        let conversations = try #require(try harness.run(["conversations", "--user", "ada", "--json"]).json().arrayValue)
        #expect(conversations.count == 2)
        let merged = try #require(conversations.first { $0["turns"]?.intValue == 4 })
        #expect(merged["user_name"]?.stringValue == "ada")
        #expect(merged["updated_at"] == .null)
        let mergedID = try #require(merged["id"]?.intValue)

        let shown = try harness.run(["show", "\(mergedID)", "--format", "json"]).json()
        #expect(shown["id"]?.intValue == mergedID)
        let turns = try #require(shown["turns"]?.arrayValue)
        #expect(turns.map { $0["role"]?.stringValue } == ["user", "assistant", "user", "assistant"])
        #expect(turns.allSatisfy { $0["on_default_thread"] == .bool(true) })
        #expect(turns[0]["parent_id"] == .null)
        #expect(turns[1]["parent_id"] == turns[0]["id"])
        #expect(turns[2]["text"]?.stringValue?.contains("\u{1B}]52") == true)
    }

    @Test func reimportChangesNothing() throws {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")
        #expect(harness.run(["import", file]).status == 0)
        let again = harness.run(["import", file])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 new, 0 updated, 2 unchanged"))
    }

    @Test func terminalOutputIsSanitised() throws {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")
        #expect(harness.run(["import", file]).status == 0)
        let conversations = try #require(try harness.run(["conversations", "--json"]).json().arrayValue)
        let id = try #require(conversations.first { $0["turns"]?.intValue == 4 }?["id"]?.intValue)

        let onTerminal = harness.run(["show", "\(id)"], terminal: true)
        #expect(onTerminal.status == 0)
        #expect(!onTerminal.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(onTerminal.stdout.contains("OSC 52"))

        let piped = harness.run(["show", "\(id)"], terminal: false)
        #expect(piped.stdout.contains("\u{1B}]52"))
    }

    @Test func truncatedFileNeedsPartial() throws {
        let harness = try ConfabHarness()
        let cut = String(Self.shareGPT.prefix(Self.shareGPT.count - 60))
        let file = try harness.write(cut, to: "cut.json")

        let refused = harness.run(["import", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("file ends early"))
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(try harness.run(["stats", "--json"]).json()["turns"]?.intValue == 0)

        let partial = harness.run(["import", "--partial", file])
        #expect(partial.status == 0)
        #expect(try harness.run(["stats", "--json"]).json()["conversations"]?.intValue == 1)
    }

    @Test func unknownFormatNamesTried() throws {
        let harness = try ConfabHarness()
        let file = try harness.write("{\"hello\": 1}", to: "other.json")
        let result = harness.run(["import", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a known export format"))
        #expect(result.stderr.contains("chatgpt"))
        #expect(result.stderr.contains("open-webui"))
    }

    @Test func showRejectsBothScopes() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["show", "1", "--thread", "--all-branches"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--thread and --all-branches exclude each other"))
    }

    @Test func missingFileAndDirectoryExplained() throws {
        let harness = try ConfabHarness()
        let missing = harness.run(["import", harness.folder.appendingPathComponent("nope.json").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.json: cannot read file: no such file"))

        let directory = harness.run(["import", harness.folder.path])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("it is a directory"))
    }

    @Test func forcedWrongFormatWarnsAndFails() throws {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")
        let result = harness.run(["import", "--format", "chatgpt", file])
        #expect(result.stderr.contains("does not have the structure of a chatgpt export"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(result.status == 1)
    }

    @Test func showRejectsNonNumericID() throws {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")
        #expect(harness.run(["import", file]).status == 0)
        let result = harness.run(["show", "abc"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("invalid conversation id 'abc'"))
    }

    @Test func jsonOutputEscapesC1Controls() throws {
        let harness = try ConfabHarness()
        let hostile = #"[{"id": "c1", "conversations": [{"from": "human", "value": "csi \u009b31m osc \u009d0;x\u009c del \u007f"}]}]"#
        let file = try harness.write(hostile, to: "hostile.json")
        #expect(harness.run(["import", file]).status == 0)
        let listed = try #require(try harness.run(["conversations", "--json"]).json().arrayValue)
        let id = try #require(listed.first?["id"]?.intValue)

        let shown = harness.run(["show", "\(id)", "--format", "json"])
        #expect(!shown.stdout.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        let turns = try #require(try shown.json()["turns"]?.arrayValue)
        #expect(turns.first?["text"]?.stringValue == "csi \u{9B}31m osc \u{9D}0;x\u{9C} del \u{7F}")
    }
}
