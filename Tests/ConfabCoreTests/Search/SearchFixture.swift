import Foundation
@testable import ConfabCore

/// A store on disk with conversations written to exercise search: punctuation, code,
/// operators typed as words, CJK and Thai, accents in both normal forms, and metadata for every
/// filter.
final class SearchFixture {
    let folder: TemporaryDirectory
    let store: SQLiteStore

    /// Texts of the turns, one conversation per group; each group's first turn is the user's.
    static let groups: [(title: String?, user: String, model: String?, tags: [String], day: String, texts: [String])] = [
        ("State of the art", "alice", "gpt-4o", ["research"], "2023-03-05", [
            "Which state-of-the-art models exist?",
            "The state of the art moves fast; art of the state is different.",
            "He said \"hello\" and left. It's fine, don't worry.",
        ]),
        ("C++ and friends", "bob", "claude-3.5-sonnet", ["code"], "2024-01-15", [
            "std::vector<int> v; is it faster than a plain array?",
            "Use std vector or std::array. C++ is great, and c++17 added more.",
            "C and C# and Objective-C are different languages.",
            "A node.js server, a Node JS client and nodejs packages.",
            "snake_case_name versus snake case and snake-case.",
            "See https://example.com/path?q=1 or example.com for details.",
        ]),
        ("Operators", "alice", "gpt-4", ["code", "research"], "2024-06-30", [
            "AND OR NOT NEAR are operators in FTS5.",
            "We are near the end, but not now.",
            "(parenthesized) text and a * b = c",
            "rocket 🚀 launch 🚀",
            "Request id 3f2b8c1e-9a4d-4e7f-b2c1-0d9e8f7a6b5c failed.",
            "gpt-4 is a model; gpt-4o is another; GPT 4 and gpt4 are spellings.",
            "Run docker compose up, then edit docker-compose.yml.",
            "compose the docker image first",
            "pre-processing, a prefix and a preface",
            "--verbose prints more; -v too",
        ]),
        ("日本語の会話", "José", "gpt-4o-mini", ["語学"], "2025-02-10", [
            "日本語のテスト",
            "東京は大きい。後で行きます。",
            "日本",
            "中文测试和gen-itgc后端的问题",
            "한국어 학교에서 공부해요",
            "ภาษาไทยง่ายไหม",
            "本",
        ]),
        ("Café talk", "José", nil, [], "2025-08-20", [
            "café au lait",
            "cafe\u{301} con leche",
            "Cafe or CAFE?",
            "José and Jose\u{301} and JOSE",
            "naïve Ærø Øresund",
            "ёлка and елка are different words",
            "İstanbul and Straße",
            "docker rust and docker swarm",
        ]),
        (nil, "bob", "llama3", ["docker"], "2025-11-01", [
            "Docker docker DOCKER, the docker daemon",
            "Rust is not docker",
            "'",
            "::",
        ]),
    ]

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteStore(path: folder.path("search.db"))
        try SearchFixture.fill(store)
    }

    static func fill(_ store: SQLiteStore) throws {
        let writer = try store.beginImport(format: .sharegpt, filePath: "fixture.json", fileBytes: nil)
        for (index, group) in groups.enumerated() {
            let start = SearchFilterValue.startOfPeriod(group.day)!
            let turns = group.texts.enumerated().map { offset, text in
                ImportedTurn(
                    sourceID: "\(offset)", parentSourceID: offset == 0 ? nil : "\(offset - 1)",
                    role: offset % 2 == 0 ? .user : .assistant, model: offset % 2 == 0 ? nil : group.model, text: text,
                    createdAt: start.addingTimeInterval(Double(offset) * 60))
            }
            let conversation = ImportedConversation(
                sourceID: "conversation-\(index)", title: group.title, model: group.model, tags: group.tags, turns: turns)
            _ = try writer.write(conversation, owner: .named(group.user))
        }
        try writer.commit(ImportSummary())
    }

    /// Every hit of a request, following cursors page by page.
    func allHits(_ query: SearchQuery, order: SearchOrder = .relevance, pageSize: Int = 7,
                 rankingLimit: Int = 4_000) throws -> (hits: [SearchHit], firstPage: SearchPage) {
        var request = SearchRequest(query: query, order: order, limit: pageSize, rankingLimit: rankingLimit)
        var hits: [SearchHit] = []
        var firstPage: SearchPage?
        for _ in 0..<100 {
            let page = try store.search(request, cancellation: nil)
            firstPage = firstPage ?? page
            hits += page.hits
            guard let next = page.nextCursor else { break }
            request.cursor = next
        }
        return (hits, firstPage!)
    }
}
