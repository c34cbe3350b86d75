@testable import ConfabCLI
import ConfabCore
import Foundation
import Testing

/// `confab analytics` compared with independent SQL over the same demo store.
@Suite struct AnalyticsCommandTests {
    private func demoHarness() throws -> ConfabHarness {
        let harness = try ConfabHarness()
        #expect(harness.run(["demo", "--no-tui", "--quiet", "--users", "6", "--conversations", "90"]).status == 0)
        return harness
    }

    /// Figures per group computed with plain SQL: conversations, turns, characters, output tokens, generation seconds.
    private func reference(_ harness: ConfabHarness, group: String, where condition: String) throws -> [String: [Double?]] {
        let connection = try Connection(path: harness.databasePath, mode: .readOnly)
        var result: [String: [Double?]] = [:]
        for (key, values) in try connection.query("""
            SELECT \(group), count(DISTINCT t.conversation_id), count(*), sum(length(t.text)), sum(t.output_tokens),
                   sum(t.generation_seconds)
            FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE \(condition) GROUP BY 1
            """, row: { row in
                (row.optionalString(0) ?? "null", [Double(row.int(1)), Double(row.int(2)), Double(row.int(3)),
                                                   row.optionalDouble(4), row.optionalDouble(5)])
            }) {
            result[key] = values
        }
        return result
    }

    private func rows(_ result: CommandResult) throws -> [[String: JSONValue]] {
        guard case .array(let items) = try result.json() else {
            Issue.record("not a JSON array: \(result.stdout)")
            return []
        }
        return items.compactMap { item in
            guard case .object(let object) = item else { return nil }
            return Dictionary(object.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number }
        return nil
    }

    @Test(arguments: [
        ("", "1", "month", "strftime('%Y-%m', coalesce(t.created_at, c.created_at), 'unixepoch')"),
        ("role:assistant", "t.role = 'assistant'", "model", "coalesce(t.model, c.model)"),
        ("model:gpt-4o* after:2026-01", "lower(coalesce(t.model, c.model)) LIKE 'gpt-4o%' AND coalesce(t.created_at, c.created_at) >= 1767225600",
         "day", "date(coalesce(t.created_at, c.created_at), 'unixepoch')"),
        ("docker", "t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'docker')", "week",
         "date(coalesce(t.created_at, c.created_at), 'unixepoch', '-6 days', 'weekday 1')"),
    ])
    func jsonRowsMatchReferenceSQL(match: String, condition: String, grouping: String, group: String) throws {
        let harness = try demoHarness()
        let result = harness.run(["analytics", "--json", "--by", grouping] + (match.isEmpty ? [] : ["--match", match]))
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try reference(harness, group: group, where: condition)

        let actual = try rows(result)
        #expect(actual.count == expected.count, "\(match) by \(grouping)")
        for row in actual {
            let key: String
            if grouping == "week", case .string(let start)? = row["period_start"] {
                key = start
            } else if case .string(let label)? = row["group"] {
                key = label
            } else {
                key = "null"
            }
            let figures = try #require(expected[key], "no reference group \(key)")
            #expect(number(row["conversations"]) == figures[0], "\(key) conversations")
            #expect(number(row["turns"]) == figures[1], "\(key) turns")
            #expect(number(row["characters"]) == figures[2], "\(key) characters")
            #expect(number(row["output_tokens"]) == figures[3], "\(key) output tokens")
            if let seconds = figures[4] {
                #expect(abs((number(row["generation_seconds"]) ?? -1) - seconds) < 1e-6, "\(key) generation seconds")
            } else {
                #expect(row["generation_seconds"] == .null, "\(key) unknown generation time is null")
            }
        }
    }

    @Test func userTurnsHaveNullTokens() throws {
        let harness = try demoHarness()
        let result = harness.run(["analytics", "--json", "--by", "user", "--match", "role:user"])
        let items = try rows(result)
        #expect(!items.isEmpty)
        for row in items {
            #expect(row["output_tokens"] == .null)
            #expect(row["generation_seconds"] == .null)
            #expect(row["output_tokens_p50"] == .null)
            #expect(number(row["output_token_turns"]) == 0)
            #expect(number(row["user_id"]) != nil)
        }
    }

    @Test func selectionProblemsAreNoted() throws {
        let harness = try demoHarness()
        let result = harness.run(["analytics", "--json", "--match", "before:yesterday"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("'before:yesterday' has no valid date"), "\(result.stderr)")
    }

    @Test func csvKeepsFormulasAsText() {
        let records: [[(String, JSONValue)]] = [[("group", .string("=HYPERLINK(\"x\")")), ("turns", .number(2))],
                                                [("group", .string("-5 notes, many")), ("turns", .number(1))]]
        let csv = AnalyticsOutput.csv(records, columns: ["group", "turns"])
        #expect(csv == "group,turns\r\n\"'=HYPERLINK(\"\"x\"\")\",2\r\n\"'-5 notes, many\",1\r\n")
    }

    @Test func csvHasHeaderAndOneLinePerRow() throws {
        let harness = try demoHarness()
        let json = try rows(harness.run(["analytics", "--json", "--by", "model", "--top", "3"]))
        let csv = harness.run(["analytics", "--format", "csv", "--by", "model", "--top", "3"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("group,period_start,period_end,user_id,rest_groups,conversations,turns,characters,") == true)
        #expect(lines.count == json.count + 1)
        #expect(json.count == 4)
        #expect(lines.last?.hasPrefix("other ") == true, "the rest row comes last: \(lines.last ?? "")")
        #expect(json.last?["rest_groups"].flatMap(number) != nil)
    }

    @Test func tableShowsTotalsAndScanReason() throws {
        let harness = try demoHarness()
        let result = harness.run(["analytics", "--by", "model", "--match", "kubernetes"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("model "))
        #expect(result.stdout.contains("\ntotal "))
        #expect(result.stdout.contains("Computed from the turns because the query matches text."))
    }

    @Test func lengthsAndGrowthViews() throws {
        let harness = try demoHarness()
        let lengths = try rows(harness.run(["analytics", "--json", "--view", "lengths"]))
        let turnBuckets = lengths.filter { $0["measure"] == .string("turns") }
        #expect(turnBuckets.compactMap { number($0["conversations"]) }.reduce(0, +) == 90)

        let growth = try rows(harness.run(["analytics", "--json", "--view", "growth", "--by", "month"]))
        #expect(growth.last.flatMap { number($0["cumulative_conversations"]) } == 90)
        #expect(growth.allSatisfy { $0["source"] == .string("demo") })
    }

    @Test func checkAndRebuild() throws {
        let harness = try demoHarness()
        #expect(harness.run(["analytics", "--check"]).status == 0)

        let writer = try Connection(path: harness.databasePath, mode: .readWrite)
        try writer.execute("UPDATE analytics_turn_days SET characters = characters + 1 WHERE rowid = 1")
        let broken = harness.run(["analytics", "--check"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Error: 1 conversation has summary rows that differ from the turns (ids 1)"))
        #expect(broken.stderr.contains("confab analytics --rebuild"))

        #expect(harness.run(["analytics", "--rebuild", "--check"]).status == 0)
    }

    @Test func invalidGroupingIsUsageError() throws {
        let harness = try demoHarness()
        let result = harness.run(["analytics", "--by", "year"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("year"))
    }

    @Test func missingStoreIsError() throws {
        let harness = try ConfabHarness()
        let result = harness.run(["analytics"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no Confab store at"))
    }
}
