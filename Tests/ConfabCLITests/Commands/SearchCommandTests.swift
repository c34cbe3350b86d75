import ConfabCLI
import ConfabCore
import Foundation
import Testing

@Suite struct SearchCommandTests {
    private static let shareGPT = """
        [
          {"id": "a", "conversations": [{"from": "human", "value": "Is state-of-the-art docker compose hard?"},
                                        {"from": "gpt", "value": "Docker \\u001b]52;c;aGk=\\u0007 compose is easy."}]},
          {"id": "b", "conversations": [{"from": "human", "value": "日本語のテストです"},
                                        {"from": "gpt", "value": "C++ and std::vector, not C."}]}
        ]
        """

    private func harness() throws -> ConfabHarness {
        let harness = try ConfabHarness()
        let file = try harness.write(Self.shareGPT, to: "sharegpt.json")
        #expect(harness.run(["import", "--quiet", "--user", "ada", file]).status == 0)
        return harness
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let harness = try harness()
        let result = harness.run(["search", "--json", "docker"])
        #expect(result.status == 0)
        let object = try result.json()
        guard case let .object(members) = object else {
            Issue.record("not a JSON object: \(result.stdout)")
            return
        }
        #expect(members["total"] == .number(2))
        #expect(members["total_is_lower_bound"] == .bool(false))
        guard case let .array(results)? = members["results"], case let .object(first)? = results.first else {
            Issue.record("no results: \(result.stdout)")
            return
        }
        for field in ["conversation_id", "turn_id", "role", "user", "created_at", "snippet"] {
            #expect(first[field] != nil, "missing \(field)")
        }
        #expect(first["user"] == .string("ada"))
    }

    @Test(arguments: ["\"", "'", "::", "*", "(", "AND", "NEAR", "-", "🚀", "state-of-the-art", "std::vector", "C++",
                      "a OR", "3f2b8c1e-9a4d-4e7f-b2c1-0d9e8f7a6b5c", "gpt-4", "日本語", "本"])
    func hostileQueriesSucceed(_ query: String) throws {
        let harness = try harness()
        let result = harness.run(["search", "--json", "--", query])
        #expect(result.status == 0, "query \(query): \(result.stderr)")
        #expect((try? result.json()) != nil, "query \(query)")
    }

    @Test func listHighlightsOnlyOnATerminal() throws {
        let harness = try harness()
        let piped = harness.run(["search", "compose"])
        #expect(piped.stdout.contains("2 turns match"))
        #expect(!piped.stdout.contains("\u{1B}[1;4m"))
        // The escape sequence stored in a turn reaches the output only as visible text.
        #expect(!piped.stdout.contains("\u{1B}]52"))

        let terminal = harness.run(["search", "compose"], terminal: true)
        #expect(terminal.stdout.contains("\u{1B}[1;4mcompose\u{1B}[22;24m"))
        #expect(!terminal.stdout.contains("\u{1B}]52"))
    }

    @Test func invalidRawQueryIsShort() throws {
        let harness = try harness()
        let result = harness.run(["search", "--raw", "state-of-the-art"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: invalid FTS5 query: 'of' is not a column (the text column is 'text'); put words with '-' or ':' in double quotes\n")
    }

    @Test func rawQueryRuns() throws {
        let harness = try harness()
        let result = harness.run(["search", "--raw", "--json", "\"std::vector\" OR NEAR(docker easy, 10)"])
        #expect(result.status == 0)
        guard case let .object(members) = try result.json() else { return }
        #expect(members["total"] == .number(2))
    }

    @Test func cjkAndFilters() throws {
        let harness = try harness()
        let cjk = harness.run(["search", "--json", "テスト"])
        guard case let .object(members) = try cjk.json() else { return }
        #expect(members["total"] == .number(1))

        let filtered = harness.run(["search", "--json", "role:assistant", "docker"])
        guard case let .object(filteredMembers) = try filtered.json() else { return }
        #expect(filteredMembers["total"] == .number(1))
    }

    @Test func sortAndLimit() throws {
        let harness = try harness()
        let result = harness.run(["search", "--json", "--sort", "recent", "--limit", "1", "docker"])
        guard case let .object(members) = try result.json() else { return }
        #expect(members["order"] == .string("recent"))
        guard case let .array(results)? = members["results"] else { return }
        #expect(results.count == 1)
        #expect(members["total"] == .number(2))
    }

    @Test func timingVariablePrintsRuns() throws {
        let harness = try harness()
        let result = harness.run(["search", "--json", "docker"], environment: ["CONFAB_SEARCH_TIMING_RUNS": "3"])
        let timing = try JSONValue.parse(result.stderr)
        guard case let .object(members) = timing, case let .array(runs)? = members["runs_ms"] else {
            Issue.record("no timings: \(result.stderr)")
            return
        }
        #expect(runs.count == 3)
    }
}
