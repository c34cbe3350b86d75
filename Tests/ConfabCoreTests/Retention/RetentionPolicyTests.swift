import Foundation
import Testing
@testable import ConfabCore

/// The policy file format and its errors.
@Suite struct RetentionPolicyTests {
    @Test func parsesRulesInOrder() throws {
        let text = """
            # Keep support chats for two years.
            [rule stale-demo]
            match = source:demo idle:365d
            action = delete

            [rule old-support]
            match = tag:support idle:2y
            action = archive
            archive = /tmp/support.db

            [rule analytics]
            match = model:gpt-4*
            action = anonymize
            """
        let policy = try RetentionPolicyParser.parse(text, file: "p.conf")
        #expect(policy.rules.map(\.name) == ["stale-demo", "old-support", "analytics"])
        #expect(policy.rules.map(\.action) == [.delete, .archive, .anonymise])
        #expect(policy.rules[1].archivePath == "/tmp/support.db")
        #expect(try RetentionPolicyParser.parse(policy.text, file: "again") == policy)
    }

    @Test(arguments: [
        ("[rule a]\nmatch = source:demo\n", 1, "no 'action ='"),
        ("match = source:demo\n", 1, "must follow a '[rule NAME]'"),
        ("[rule a]\nmatch = source:demo\naction = shred\n", 3, "unknown action 'shred'"),
        ("[rule a]\nmatch = source:demo\naction = archive\n", 1, "has no 'archive = PATH'"),
        ("[rule a]\nmatch = source:demo\naction = delete\ncolour = red\n", 4, "unknown setting 'colour'"),
        ("[policy a]\n", 1, "expected '[rule NAME]'"),
        ("[rule a]\nmatch = before:yesterday\naction = delete\n", 2, "no valid date"),
        ("[rule a]\r\nmatch = in:title\r\naction = delete\r\n", 2, "selects nothing"),
        ("[rule a]\nmatch = source:demo\naction = delete\n[rule a]\nmatch = tag:x\naction = delete\n", 4, "defined twice"),
        ("# only a comment\n", 1, "has no rules"),
    ])
    func invalidFileNamesLineAndProblem(text: String, line: Int, message: String) {
        do {
            _ = try RetentionPolicyParser.parse(text, file: "bad.conf")
            Issue.record("expected an error containing \(message)")
        } catch let error as RetentionPolicyError {
            #expect(error.file == "bad.conf")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func idleAgeCountsFromReferenceTime() throws {
        let rule = RetentionRule(name: "r", match: "idle:10d", action: .delete)
        let now = Date(timeIntervalSince1970: 1_000_000_000)
        let query = try rule.query(at: now)
        #expect(query.filters.first?.date == Date(timeIntervalSince1970: 1_000_000_000 - 10 * 86_400))
    }

    static let ages: [(String, Double)] = [("90d", 7_776_000), ("12w", 7_257_600), ("2y", 63_072_000), ("30", 2_592_000)]

    @Test(arguments: ages)
    func idleFilterParses(value: String, seconds: Double) {
        let query = SearchQuery.parse("idle:\(value)")
        #expect(query.problems.isEmpty)
        #expect(query.filters.first?.kind == .idle)
        #expect(query.filters.first?.ageSeconds == seconds)
    }

    @Test(arguments: ["idle:soon", "idle:5m", "idle:-3d", "idle:d"])
    func invalidIdleIsAProblem(text: String) {
        let query = SearchQuery.parse(text)
        #expect(query.filters.isEmpty)
        #expect(query.problems.count == 1)
    }
}
