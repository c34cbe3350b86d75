import Foundation
import Testing
@testable import ConfabCore

/// Reports compared with independent SQL over the same demo store, for selections that the
/// summary tables answer and selections that need a scan of the turns.
@Suite struct AnalyticsFiguresTests {
    /// A query with the SQL condition over `turns t` and `conversations c` that selects the same turns.
    struct Selection: CustomStringConvertible {
        var query: String
        var condition: String
        var expectsScan: Bool
        var description: String { query.isEmpty ? "(everything)" : query }
    }

    static func selections(userName: String, userID: Int64) -> [Selection] {
        let time = "coalesce(t.created_at, c.created_at)"
        return [
            Selection(query: "", condition: "1", expectsScan: false),
            Selection(query: "role:assistant model:gpt-4o",
                      condition: "t.role = 'assistant' AND lower(coalesce(t.model, c.model)) = 'gpt-4o'", expectsScan: false),
            Selection(query: "model:claude* -role:system",
                      condition: "lower(coalesce(t.model, c.model)) LIKE 'claude%' AND t.role != 'system'", expectsScan: false),
            Selection(query: "after:2026-03 before:2026-07-15",
                      condition: "\(time) >= CAST(strftime('%s', '2026-03-01') AS REAL) AND \(time) < CAST(strftime('%s', '2026-07-15') AS REAL)",
                      expectsScan: false),
            Selection(query: "user:\"\(userName)\" source:demo", condition: "c.user_id = \(userID) AND c.source = 'demo'",
                      expectsScan: false),
            Selection(query: "tag:k8s role:user",
                      condition: "t.role = 'user' AND c.id IN (SELECT ct.conversation_id FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.name = 'k8s')",
                      expectsScan: false),
            Selection(query: "after:2026-05-01T12:00:00Z",
                      condition: "\(time) >= CAST(strftime('%s', '2026-05-01 12:00:00') AS REAL)", expectsScan: true),
            Selection(query: "python role:assistant",
                      condition: "t.role = 'assistant' AND t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'python')",
                      expectsScan: true),
            Selection(query: "docker -kubernetes",
                      condition: "t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'docker NOT kubernetes')",
                      expectsScan: true),
        ]
    }

    @Test func groupsMatchReferenceSQL() throws {
        let fixture = try AnalyticsFixture.demo()
        let reference = try AnalyticsReference(path: fixture.path)
        let (userID, userName) = try fixture.someUser()

        for selection in Self.selections(userName: userName, userID: userID) {
            for grouping in AnalyticsGrouping.allCases {
                let request = AnalyticsRequest(query: SearchQuery.parse(selection.query), grouping: grouping)
                let report = try fixture.store.analytics(request, cancellation: nil)
                let expected = try reference.groups(grouping, where: selection.condition)

                var actual: [String: AnalyticsReference.Figures] = [:]
                for row in report.rows {
                    actual[AnalyticsReference.key(of: row, grouping: grouping)] = AnalyticsReference.figures(of: row)
                }
                #expect(Set(actual.keys) == Set(expected.keys), "\(selection) by \(grouping)")
                for (key, figures) in expected {
                    let found = try #require(actual[key], "\(selection) by \(grouping): no row \(key)")
                    #expect(AnalyticsReference.agree(found, figures), "\(selection) by \(grouping), \(key): \(found) != \(figures)")
                }

                let total = try reference.total(where: selection.condition)
                #expect(AnalyticsReference.agree(AnalyticsReference.figures(of: report.total), total), "\(selection) total")
                if case .scan = report.method {
                    #expect(selection.expectsScan, "\(selection) scanned")
                } else {
                    #expect(!selection.expectsScan, "\(selection) read summaries")
                }
            }
        }
    }

    @Test func percentilesMatchNearestRank() throws {
        let fixture = try AnalyticsFixture.demo()
        let reference = try AnalyticsReference(path: fixture.path)
        let (userID, userName) = try fixture.someUser()

        for selection in Self.selections(userName: userName, userID: userID) {
            let report = try fixture.store.analytics(
                AnalyticsRequest(query: SearchQuery.parse(selection.query), grouping: .model), cancellation: nil)
            let measures = try #require(report.total.measures)
            let columns: [(String, AnalyticsPercentiles?)] = [
                ("input_tokens", measures.inputTokens), ("output_tokens", measures.outputTokens),
                ("generation_seconds", measures.generationSeconds),
            ]
            for (column, percentiles) in columns {
                for (percent, value) in [(50, percentiles?.p50), (90, percentiles?.p90), (99, percentiles?.p99)] {
                    let expected = try reference.percentile(percent, of: column, where: selection.condition)
                    #expect(value == expected, "\(selection): p\(percent) of \(column)")
                }
            }
        }
    }

    @Test func conversationLengthsMatchReference() throws {
        let fixture = try AnalyticsFixture.demo()
        let reference = try AnalyticsReference(path: fixture.path)
        let condition = "t.role = 'user'"
        let report = try fixture.store.analytics(AnalyticsRequest(query: SearchQuery.parse("role:user")), cancellation: nil)
        let counts = try reference.turnsPerConversation(where: condition)

        let distribution = report.turnsPerConversation
        #expect(distribution.buckets.map(\.conversations).reduce(0, +) == counts.count)
        for bucket in distribution.buckets {
            let expected = counts.filter { $0 >= bucket.lowerBound && $0 <= bucket.upperBound }.count
            #expect(bucket.conversations == expected, "bucket \(bucket.lowerBound)-\(bucket.upperBound)")
        }
        let p90 = counts[Int((0.9 * Double(counts.count)).rounded(.up)) - 1]
        #expect(distribution.percentiles?.p90 == Double(p90))
    }

    @Test func topKeepsLargestGroupsAndSumsRest() throws {
        let fixture = try AnalyticsFixture.demo()
        let reference = try AnalyticsReference(path: fixture.path)
        let report = try fixture.store.analytics(AnalyticsRequest(grouping: .model, top: 3), cancellation: nil)
        let expected = try reference.groups(.model, where: "1")
        let ranked = expected.sorted { $0.value.turns != $1.value.turns ? $0.value.turns > $1.value.turns : $0.key < $1.key }

        #expect(report.rows.count == 4)
        #expect(report.rows.prefix(3).map { AnalyticsReference.key(of: $0, grouping: .model) } == ranked.prefix(3).map(\.key))
        let rest = try #require(report.rows.last)
        #expect(rest.isRest)
        #expect(rest.figures.turns == ranked.dropFirst(3).map(\.value.turns).reduce(0, +))
        let restModels = ranked.dropFirst(3).map { "'" + $0.key + "'" }.joined(separator: ", ")
        let restTotal = try reference.total(where: "coalesce(t.model, c.model) IN (\(restModels))")
        #expect(rest.figures.conversations == restTotal.conversations)
    }

    @Test func unknownFiguresAreNil() throws {
        let fixture = try AnalyticsFixture.demo()
        // User turns never record tokens in the demo data.
        let report = try fixture.store.analytics(AnalyticsRequest(query: SearchQuery.parse("role:user"), grouping: .month),
                                                 cancellation: nil)
        #expect(report.total.figures.outputTokens == nil)
        #expect(report.total.figures.outputTokenTurns == 0)
        #expect(report.total.figures.generationSeconds == nil)
        #expect(report.total.measures?.outputTokens == nil)
        #expect(report.total.figures.turns > 0)
    }
}
