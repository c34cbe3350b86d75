import ConfabCLI
import ConfabCore
import Foundation
import Testing

/// The retention commands in-process: outputs, JSON fields, errors and exit statuses.
@Suite struct RetentionCommandTests {
    private static let export = """
        [
          {"id": "a1", "conversations": [{"from": "human", "value": "My card is 4111 1111 1111 1111, mail ada@example.com"},
                                         {"from": "gpt", "value": "Please never paste a card number."}]},
          {"id": "a2", "conversations": [{"from": "human", "value": "Deploy to 10.0.0.7 with key sk-abcdefghijklmnopqrstuvwxyz"},
                                         {"from": "gpt", "value": "Rotate the key."}]}
        ]
        """

    private func harness() throws -> (ConfabHarness, String) {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.export, to: "ada.json")
        #expect(harness.run(["import", "--quiet", "--user", "ada", file]).status == 0)
        let other = try harness.write(#"[{"id": "b1", "conversations": [{"from": "human", "value": "hello there"}]}]"#, to: "bo.json")
        #expect(harness.run(["import", "--quiet", "--user", "bo", other]).status == 0)
        return (harness, file)
    }

    private func object(_ result: CommandResult) throws -> JSONObject {
        guard case let .object(members) = try result.json() else {
            throw CommandFailureForTest(message: "not a JSON object: \(result.stdout)")
        }
        return members
    }

    struct CommandFailureForTest: Error {
        var message: String
    }

    @Test func planChangesNothing() throws {
        let (harness, _) = try harness()
        let result = harness.run(["retention", "plan", "--match", "user:ada"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Total: 2 conversations, 4 turns"))
        #expect(result.stdout.contains("Nothing was changed."))

        let json = try object(harness.run(["retention", "plan", "--match", "user:ada", "--json"]))
        #expect(json["conversations"] == .number(2))
        #expect(json["turns"] == .number(4))
        #expect(harness.run(["conversations", "--json"]).stdout.contains("a2"))
    }

    @Test func invalidSelectionRejected() throws {
        let (harness, _) = try harness()
        let result = harness.run(["retention", "run", "--match", "before:yesterday"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: rule 'match': 'before:yesterday' has no valid date"))

        let missing = harness.run(["retention", "plan"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--policy FILE or --match QUERY"))

        let policy = try harness.write("[rule x]\nmatch = user:ada\naction = burn\n", to: "bad.policy")
        let bad = harness.run(["retention", "plan", "--policy", policy])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.policy:3: rule 'x': unknown action 'burn'"), "the line of the action")
    }

    @Test func runDeletesAndReports() throws {
        let (harness, _) = try harness()
        let result = harness.run(["retention", "run", "--match", "user:bo", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result)
        #expect(json["status"] == .string("finished"))
        #expect(json["conversations"] == .number(1))
        #expect(json["wal"] == .string("complete"))
        #expect(harness.run(["check"]).stdout.contains("ok:"))

        let audit = harness.run(["audit", "--json"])
        #expect(audit.stdout.contains("\"action\":\"retention run\""))
        #expect(!audit.stdout.contains("user:bo"), "user names appear only as keyed hashes")
    }

    @Test func anonymiseRedactsAndPseudonymises() throws {
        let (harness, file) = try harness()
        let result = harness.run(["anonymise", "--match", "user:ada", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try object(result)["conversations"] == .number(2))
        #expect(harness.run(["scan"]).stdout.contains("0 findings in 5 turns."))
        let users = harness.run(["users", "--json"]).stdout
        #expect(!users.contains("\"ada\""))
        #expect(users.contains("anon-"))
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":2"), "the text outside findings stays")

        let again = harness.run(["import", "--user", "ada", file])
        #expect(again.stdout.contains("2 conversation(s) skipped because they were erased or anonymised earlier"))
    }

    @Test func archiveNeedsPath() throws {
        let (harness, _) = try harness()
        let result = harness.run(["retention", "run", "--match", "user:ada", "--action", "archive"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--action archive needs --archive PATH"))
        let archive = harness.folder.appendingPathComponent("archive.db").path
        let archived = harness.run(["retention", "run", "--match", "user:ada", "--action", "archive", "--archive", archive, "--json"])
        #expect(archived.status == 0, "\(archived.stderr)")
        #expect(try object(archived)["conversations"] == .number(2))
        #expect(FileManager.default.fileExists(atPath: archive))
    }

    @Test func archiveIntoStoreRejected() throws {
        let (harness, _) = try harness()
        let link = harness.folder.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: harness.databasePath)
        for archive in [harness.databasePath, link] {
            let result = harness.run(["retention", "run", "--match", "user:ada", "--action", "archive", "--archive", archive])
            #expect(result.status == 1, "\(archive)")
            #expect(result.stderr.contains("which is this store itself"), "\(result.stderr)")
        }
        let kept = harness.run(["search", "card", "--json"])
        #expect(kept.stdout.contains("\"total\":2"), "nothing was deleted: \(kept.stdout)")
    }

    @Test func forgetNeedsConfirmation() throws {
        let (harness, _) = try harness()
        let result = harness.run(["forget", "ada"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing was erased; confirm by typing the user id, or pass --yes"))
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":2"))
    }

    @Test func forgetErasesAndBlocksReimport() throws {
        let (harness, file) = try harness()
        let result = harness.run(["forget", "ada", "--yes", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let receipt = try object(result)
        #expect(receipt["conversations"] == .number(2))
        #expect(receipt["turns"] == .number(4))
        #expect(receipt["wal"] == .string("complete"))
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":0"))

        let again = harness.run(["import", "--user", "ada", file])
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 conversation(s) skipped because they were erased or anonymised earlier"))
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":0"))
    }

    @Test func holdBlocksForgetUntilReleased() throws {
        let (harness, _) = try harness()
        #expect(harness.run(["hold", "ada"]).stdout.contains("is now under legal hold"))
        let refused = harness.run(["forget", "ada", "--yes"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is under legal hold; release it first with 'confab release'"))
        #expect(harness.run(["release", "ada"]).stdout.contains("released from legal hold"))
        #expect(harness.run(["forget", "ada", "--yes"]).status == 0)
    }

    @Test func scanMasksFindings() throws {
        let (harness, _) = try harness()
        let result = harness.run(["scan", "--json"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("4111 1111 1111 1111"))
        #expect(!result.stdout.contains("ada@example.com"))
        #expect(!result.stdout.contains("sk-abcdefghijklmnopqrstuvwxyz"))
        let json = try object(result)
        guard case let .array(findings)? = json["findings"] else {
            Issue.record("no findings array")
            return
        }
        #expect(findings.count == 4)
        #expect(harness.run(["scan"]).stdout.contains("4 findings in 5 turns (1 email, 1 card, 1 ip, 1 secret)."))
    }

    @Test func backupCheckRestore() throws {
        let (harness, _) = try harness()
        let path = harness.folder.appendingPathComponent("copy.db").path
        let backup = harness.run(["backup", path, "--json"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try object(backup)["verified"] == .bool(true))

        #expect(harness.run(["retention", "run", "--match", "user:ada"]).status == 0)
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":0"))
        let restore = harness.run(["restore", path, "--yes"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(harness.run(["search", "--json", "card"]).stdout.contains("\"total\":2"))

        let exists = harness.run(["backup", path])
        #expect(exists.status == 1)
        #expect(exists.stderr.contains("the file already exists"))
    }
}
