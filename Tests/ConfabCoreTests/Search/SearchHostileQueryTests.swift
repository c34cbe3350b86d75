import Foundation
import Testing
@testable import ConfabCore

/// Queries people type that break other FTS5 front ends. Each must run without an error and
/// select exactly the turns the reference search selects, on both of the store's paths: ranking
/// every candidate, and walking conversations newest first.
@Suite struct SearchHostileQueryTests {
    static let queries: [String] = [
        // Punctuation and code
        "state-of-the-art", "\"", "'", "::", "std::vector", "std::vec*", "C++", "c++17", "C#", "node.js", "snake_case",
        "snake-case", "https://example.com/path?q=1", "example.com", "--verbose", "-", "-v",
        // Operators typed as words, parentheses, stars
        "AND", "OR", "NOT", "NEAR", "a OR", "OR docker", "docker OR", "NEAR(a b)", "docker AND compose", "NOT docker",
        "(parenthesized)", "(", ")", "*", "**", "a * b", "\"docker\"*", "docker* OR rust",
        // Emoji, empty, white space, ids
        "🚀", "rocket 🚀", "", "   ", "\t\n", "3f2b8c1e-9a4d-4e7f-b2c1-0d9e8f7a6b5c", "3f2b8c1e", "9a4d-4e7f",
        "gpt-4", "gpt-4o", "gpt4", "\"gpt 4\"",
        // The language itself
        "docker", "-docker", "docker -compose", "docker -\"docker compose\"", "\"docker compose\"", "\"docker compose",
        "compose docker", "dock*", "pre*", "docker OR rust", "docker OR rust OR swarm", "rust -docker",
        "\"hello\"", "don't", "it's", "\"it's fine\"",
        // Scripts without spaces
        "日本語", "日本", "本語", "本", "テスト", "東京", "後で", "gen-itgc后", "itgc后", "gen-itgc后端的", "gen", "gen-itgc", "和gen-itgc后", "测试和gen", "学校", "학교",
        "한국어", "ภาษา", "ไทย", "日本 OR café", "日本 -テスト", "中文 测试",
        // Accents and case
        "cafe", "café", "CAFE", "cafe\u{301}", "jose", "José", "JOSE", "naive", "aero", "ærø", "oresund", "елка", "ёлка",
        "istanbul", "strasse", "straße",
        // Filters
        "user:alice docker", "user:José", "user:\"jose\"", "-user:alice docker", "role:assistant docker", "role:robot",
        "model:gpt-4o", "model:gpt-4*", "conv:conversation-1", "source:sharegpt rust", "tag:code", "tag:docker docker",
        "-tag:code docker", "before:2024 the", "after:2025-01 docker", "after:2024-06 before:2025-03", "before:yesterday",
        "user:bob user:alice compose", "user:nobody", "in:title art", "in:title 日本語", "in:title -art",
    ]

    @Test(arguments: queries)
    func matchesReference(_ text: String) throws {
        let fixture = try SearchFixture()
        let query = SearchQuery.parse(text)
        let rows = try SearchReference.rows(fixture.store)

        for rankingLimit in [4_000, 0] {
            for order in SearchOrder.allCases {
                let (hits, first) = try fixture.allHits(query, order: order, rankingLimit: rankingLimit)
                let label = "query \(text.debugDescription), \(order), ranking limit \(rankingLimit)"
                if query.scope == .titles {
                    let expected = SearchReference.conversationIDs(query, in: rows)
                    #expect(Set(hits.map(\.conversationID)) == expected, "\(label)")
                    #expect(first.total == expected.count, "\(label)")
                    continue
                }
                let expected = query.isEmpty ? [] : SearchReference.turnIDs(query, in: rows)
                let found = hits.map(\.turnID)
                #expect(Set(found) == expected, "\(label)")
                #expect(found.count == Set(found).count, "\(label): a turn appeared twice")
                if first.totalIsLowerBound {
                    #expect(first.total <= expected.count, "\(label)")
                } else {
                    #expect(first.total == expected.count, "\(label)")
                }
            }
        }
    }

    @Test func referenceFindsTheCasesItIsFor() throws {
        let fixture = try SearchFixture()
        let rows = try SearchReference.rows(fixture.store)
        let cases: [(String, Int)] = [
            ("日本語", 1), ("本", 3), ("gen-itgc后", 1), ("cafe", 3), ("jose", 1), ("c++", 1), ("std::vector", 1), ("gen", 1), ("itgc", 1), ("itg", 0),
            ("state-of-the-art", 1), ("елка", 1),
        ]
        for (text, count) in cases {
            #expect(SearchReference.turnIDs(SearchQuery.parse(text), in: rows).count == count, "query \(text)")
        }
    }
}
