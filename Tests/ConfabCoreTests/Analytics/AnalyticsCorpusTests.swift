import Foundation
import Testing
@testable import ConfabCore

private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

/// Reports over the real ShareGPT sample compared with independent SQL. ShareGPT records carry
/// no times, models or tokens, so this covers undated turns and unknown figures.
@Suite("Analytics on the ShareGPT sample", .enabled(if: corpusFolder != nil, "set CONFAB_CORPUS to the folder holding sharegpt-sample.json"))
struct AnalyticsCorpusTests {
    @Test func sampleFiguresMatchReferenceSQL() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("sharegpt.db"))
        let file = try #require(corpusFolder).appendingPathComponent("sharegpt-sample.json")
        _ = try ImportSession(store: store, options: .init(keepPartial: true)).run(file)
        let reference = try AnalyticsReference(path: store.path)

        let selections: [(String, String)] = [
            ("", "1"),
            ("role:assistant", "t.role = 'assistant'"),
            ("-role:system", "t.role != 'system'"),
            ("python", "t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'python')"),
            ("\"machine learning\" role:user",
             "t.role = 'user' AND t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH '\"machine learning\"')"),
        ]
        for (query, condition) in selections {
            for grouping in [AnalyticsGrouping.month, .user, .model, .source] {
                let report = try store.analytics(AnalyticsRequest(query: SearchQuery.parse(query), grouping: grouping), cancellation: nil)
                let expected = try reference.groups(grouping, where: condition)
                var actual: [String: AnalyticsReference.Figures] = [:]
                for row in report.rows {
                    actual[AnalyticsReference.key(of: row, grouping: grouping)] = AnalyticsReference.figures(of: row)
                }
                #expect(Set(actual.keys) == Set(expected.keys), "\(query) by \(grouping)")
                for (key, figures) in expected {
                    #expect(actual[key].map { AnalyticsReference.agree($0, figures) } == true, "\(query) by \(grouping), \(key)")
                }
            }
        }

        let total = try store.analytics(AnalyticsRequest(), cancellation: nil).total
        #expect(total.figures.outputTokens == nil)
        #expect(total.figures.generationSeconds == nil)
        #expect(total.measures?.outputTokens == nil)
        #expect(try store.checkAggregates().isConsistent)
    }
}
