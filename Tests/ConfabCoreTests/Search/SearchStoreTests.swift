import Foundation
import Testing
@testable import ConfabCore

@Suite struct SearchStoreTests {
    private func store(_ folder: TemporaryDirectory) throws -> SQLiteStore {
        try SQLiteStore(path: folder.path("store.db"))
    }

    private func write(_ texts: [String], title: String? = nil, id: String, owner: String = "alice",
                       day: Double = 1_700_000_000, into store: SQLiteStore) throws {
        let writer = try store.beginImport(format: .chatgpt, filePath: "test.json", fileBytes: nil)
        let turns = texts.enumerated().map { index, text in
            ImportedTurn(sourceID: "\(index)", parentSourceID: index == 0 ? nil : "\(index - 1)",
                         role: index % 2 == 0 ? .user : .assistant, text: text,
                         createdAt: Date(timeIntervalSince1970: day + Double(index)))
        }
        _ = try writer.write(ImportedConversation(sourceID: id, title: title, turns: turns), owner: .named(owner))
        try writer.commit(ImportSummary())
    }

    private func ids(_ store: SQLiteStore, _ text: String, order: SearchOrder = .relevance,
                     rankingLimit: Int = 4_000) throws -> [Int64] {
        try store.search(SearchRequest(query: .parse(text), order: order, limit: 100, rankingLimit: rankingLimit),
                         cancellation: nil).hits.map(\.turnID)
    }

    private func integrityCheck(_ store: SQLiteStore) throws {
        for table in ["turns_fts", "conversations_fts", "turn_characters_fts"] {
            try store.connection.execute("INSERT INTO \(table) (\(table), rank) VALUES ('integrity-check', 1)")
        }
        #expect(try store.connection.scalarString("PRAGMA integrity_check") == "ok")
    }

    // MARK: Character index

    @Test func importIndexesCharacters() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["日本語のテスト", "plain English", "ภาษาไทย"], id: "a", into: store)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters") == 2)
        #expect(try store.connection.scalarString("SELECT characters FROM turn_characters ORDER BY turn_id LIMIT 1")
                == "日 本 語 の テ ス ト")
        #expect(try ids(store, "本語").count == 1)
        #expect(try ids(store, "ไทย").count == 1)
        try integrityCheck(store)
    }

    @Test func runsAreKeptApart() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["東京 大阪", "東京大阪"], id: "a", into: store)
        #expect(try ids(store, "京大").count == 1)
        #expect(try ids(store, "京 大").count == 2)
    }

    @Test func gluedWordsAreFound() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["東京でdockerを使う方法", "plain docker question", "和gen-itgc后端"], id: "a", into: store)
        #expect(try store.connection.scalarString("SELECT characters FROM turn_characters ORDER BY turn_id LIMIT 1")
                == "東 京 で 0 を 使 う 方 法 0 docker")
        #expect(try ids(store, "docker").count == 2)
        #expect(try ids(store, "docker 方法").count == 1)
        #expect(try ids(store, "docker -方法").count == 1)
        #expect(try ids(store, "dock*").count == 2)
        #expect(try ids(store, "itgc").count == 1)
        #expect(try ids(store, "gen-itgc").count == 1)
        #expect(try ids(store, "東京 -docker").isEmpty)
        try integrityCheck(store)
    }

    @Test func schemaStepAddsGluedWords() throws {
        let folder = try TemporaryDirectory()
        do {
            let store = try store(folder)
            try write(["東京でdockerを使う"], id: "a", into: store)
            // The row as a store made before glued words were indexed has it.
            try store.connection.execute("""
                UPDATE turn_characters SET characters = '東 京 で 0 を 使 う';
                DELETE FROM confab_migrations WHERE name = '0006_search_glued_words';
                """)
            #expect(try ids(store, "docker").isEmpty)
        }

        let reopened = try store(folder)
        #expect(try ids(reopened, "docker").count == 1)
        try integrityCheck(reopened)
    }

    @Test func walkStopsCheckingAtItsLimit() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        let perConversation = 25
        let conversations = SQLiteSearch.walkVerificationLimit / perConversation + 10
        for index in 0..<conversations {
            let texts = (0..<perConversation).map { "the c language, turn \($0)" }
            try write(texts, id: "c\(index)", day: 1_700_000_000 + Double(index) * 100, into: store)
        }
        try write(["old C++ question"], id: "oldest", day: 1_600_000_000, into: store)

        // Both the walk by conversation and the ordered candidates stop at the limit.
        for rankingLimit in [100, 4_000] {
            let request = SearchRequest(query: .parse("C++"), order: .recent, limit: 5, rankingLimit: rankingLimit)
            let page = try store.search(request, cancellation: nil)
            #expect(page.hits.isEmpty, "ranking limit \(rankingLimit)")
            #expect(page.totalIsLowerBound, "ranking limit \(rankingLimit)")
            #expect(page.nextCursor != nil, "the next page goes on where checking stopped")
            #expect(page.notes.contains { $0.contains("stopped after checking") }, "ranking limit \(rankingLimit)")
        }
    }

    @Test func textAfterNULIsKept() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["before\u{0}after the NUL marker"], id: "a", into: store)
        #expect(try store.connection.scalarString("SELECT text FROM turns") == "before\u{0}after the NUL marker")
        #expect(try ids(store, "marker").count == 1)
        try integrityCheck(store)
    }

    @Test func commonWordsLeaveGluedUsesOut() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        let plain = (0...SQLiteSearchPlan.gluedCandidateLimit).map { "docker note \($0)" }
        try write(plain + ["東京でdockerを使う"], id: "a", into: store)
        let page = try store.search(SearchRequest(query: .parse("docker"), limit: 5), cancellation: nil)
        #expect(page.total == plain.count)
        #expect(page.notes.contains { $0.contains("without a space next to Chinese, Japanese, Korean or Thai text") })
    }

    @Test func otherClientsWritesAreFoundAndLaterIndexed() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["first turn"], id: "a", into: store)

        // Another SQLite client inserts a turn: the trigger queues it.
        let other = try Connection(path: store.path, mode: .readWrite)
        try other.execute("""
            INSERT INTO turns (uid, conversation_id, source_id, position, on_default_thread, role, kind, text, content_hash)
            VALUES ('x-1', 1, 'x', 1, 1, 'assistant', 'message', '他のクライアントの日本語', 0)
            """)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters_pending") == 1)
        #expect(try ids(store, "クライアント").count == 1)
        #expect(try ids(store, "クライアント", rankingLimit: 0).count == 1)

        // The next import indexes what was queued.
        try write(["second"], id: "b", into: store)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters_pending") == 0)
        #expect(try ids(store, "クライアント").count == 1)

        // Updates and deletes by other clients are queued too, and search reads the queue.
        try other.execute("UPDATE turns SET text = '更新された' WHERE uid = 'x-1'")
        #expect(try ids(store, "クライアント").isEmpty)
        #expect(try ids(store, "更新").count == 1)
        try other.execute("DELETE FROM turns WHERE uid = 'x-1'")
        #expect(try ids(store, "更新").isEmpty)
        try write(["third"], id: "c", into: store)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters") == 0)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters_pending") == 0)
        try integrityCheck(store)
        withExtendedLifetime(other) {}
    }

    @Test func staleConnectionsCanStillWrite() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["first 最初"], id: "a", into: store)
        let other = try Connection(path: store.path, mode: .readWrite)
        try other.execute("""
            INSERT INTO turns (uid, conversation_id, source_id, position, on_default_thread, role, kind, text, content_hash)
            VALUES ('x-1', 1, 'x', 1, 1, 'assistant', 'message', 'plain', 0)
            """)
        // The import replaces the insert triggers, which makes the other connection's schema stale.
        try write(["second"], id: "b", into: store)
        try other.execute("UPDATE turns SET text = '別の' WHERE uid = 'x-1'")
        try other.execute("DELETE FROM turns WHERE uid = 'x-1'")
        #expect(try ids(store, "別の").isEmpty)
        try integrityCheck(store)
    }

    @Test func schemaStepIndexesExistingTurns() throws {
        let folder = try TemporaryDirectory()
        do {
            let store = try store(folder)
            try write(["日本語のテスト", "café"], id: "a", into: store)
            // Undo the search step, as in a store written before it existed.
            try store.connection.execute("""
                DROP TRIGGER turn_characters_after_turn_insert; DROP TRIGGER turn_characters_after_turn_update;
                DROP TRIGGER turn_characters_after_turn_delete;
                DROP TABLE turn_characters_fts; DROP TABLE turn_characters; DROP TABLE turn_characters_pending;
                DELETE FROM confab_migrations WHERE name = '0002_search';
                """)
        }
        let reopened = try store(folder)
        #expect(try ids(reopened, "テスト").count == 1)
        try integrityCheck(reopened)
    }

    @Test func reimportWithChangedTextReindexes() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["古い文章"], id: "a", into: store)
        try write(["新しい文章"], id: "a", into: store)
        #expect(try ids(store, "古い").isEmpty)
        #expect(try ids(store, "新しい").count == 1)
        try integrityCheck(store)
    }

    // MARK: Ranking and order

    @Test func titleMatchesRankFirst() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["kubernetes pods restart"], title: "Kubernetes pods", id: "titled", into: store)
        try write(["kubernetes pods restart"], title: "Something else", id: "plain", into: store)
        let hits = try store.search(SearchRequest(query: .parse("kubernetes")), cancellation: nil)
        #expect(hits.order == .relevance)
        #expect(hits.hits.map(\.conversationTitle) == ["Kubernetes pods", "Something else"])
    }

    @Test func shortcutRankingEqualsFullRanking() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        var generator = SeededGenerator(seed: 11)
        for index in 0..<60 {
            let title = index % 7 == 0 ? "kubernetes notes \(index)" : "notes \(index)"
            let texts = (0..<5).map { _ in
                let repeats = Int.random(in: 0...3, using: &generator)
                let filler = Int.random(in: 1...30, using: &generator)
                return Array(repeating: "kubernetes", count: repeats).joined(separator: " ")
                    + " " + Array(repeating: "word", count: filler).joined(separator: " ")
            }
            try write(texts, title: title, id: "c\(index)", into: store)
        }
        // An excluding filter that matches nothing makes the store rank through the full join.
        let shortcut = try store.search(SearchRequest(query: .parse("kubernetes"), limit: 40), cancellation: nil)
        let full = try store.search(SearchRequest(query: .parse("kubernetes -user:nobody"), limit: 40), cancellation: nil)
        #expect(shortcut.order == .relevance)
        #expect(shortcut.hits.count == 40)
        #expect(shortcut.hits.map(\.turnID) == full.hits.map(\.turnID))
        #expect(shortcut.total == full.total)
    }

    @Test func recentOrderIsNewestConversationFirst() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["docker one", "docker two"], id: "old", day: 1_600_000_000, into: store)
        try write(["docker three"], id: "new", day: 1_700_000_000, into: store)
        for rankingLimit in [4_000, 0] {
            let page = try store.search(SearchRequest(query: .parse("docker"), order: .recent, rankingLimit: rankingLimit),
                                        cancellation: nil)
            #expect(page.hits.map(\.snippet.text) == ["docker three", "docker two", "docker one"])
            #expect(page.order == .recent)
        }
    }

    @Test func tooManyMatchesFallBackToRecent() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write((0..<30).map { "docker \($0)" }, id: "a", into: store)
        let page = try store.search(SearchRequest(query: .parse("docker"), limit: 5, rankingLimit: 10, countLimit: 12),
                                    cancellation: nil)
        #expect(page.order == .recent)
        #expect(page.hits.count == 5)
        #expect(page.total == 12)
        #expect(page.totalIsLowerBound)
        #expect(page.notes.contains { $0.contains("newest first") })

        let exact = try store.search(SearchRequest(query: .parse("docker"), limit: 5, rankingLimit: 10, countLimit: 100),
                                     cancellation: nil)
        #expect(exact.total == 30)
        #expect(!exact.totalIsLowerBound)
    }

    @Test func pagesFollowCursors() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        for index in 0..<5 {
            try write((0..<7).map { "rust \(index) \($0)" }, id: "c\(index)", day: 1_600_000_000 + Double(index) * 1_000, into: store)
        }
        for rankingLimit in [4_000, 0] {
            var request = SearchRequest(query: .parse("rust"), order: .recent, limit: 4, rankingLimit: rankingLimit)
            var seen: [Int64] = []
            while true {
                let page = try store.search(request, cancellation: nil)
                seen += page.hits.map(\.turnID)
                guard let next = page.nextCursor else { break }
                request.cursor = next
            }
            #expect(seen.count == 35)
            #expect(Set(seen).count == 35)
        }
    }

    @Test func walkFindsSparseMatchesInOldConversations() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        let withNeedle: Set<Int> = [0, 5, 13]
        for index in 0..<40 {
            let text = withNeedle.contains(index) ? "a needle in conversation \(index)" : "hay \(index)"
            try write([text, "more hay"], id: "c\(index)", day: 1_600_000_000 + Double(index) * 1_000, into: store)
        }
        for query in ["needle", "needl*"] {
            let page = try store.search(SearchRequest(query: .parse(query), order: .recent, rankingLimit: 0), cancellation: nil)
            #expect(page.hits.map(\.snippet.text) == [13, 5, 0].map { "a needle in conversation \($0)" }, "query \(query)")
            #expect(page.total == 3, "query \(query)")
            #expect(!page.totalIsLowerBound, "query \(query)")
        }
    }

    // MARK: Raw queries and cancellation

    @Test(arguments: [
        ("state-of-the-art", "'of' is not a column"),
        ("docker AND", "the query ends where a term is expected"),
        ("\"docker", "a double quote is not closed"),
        ("NOT docker", "syntax error near \"NOT\""),
        ("*", "a query cannot start with '*'"),
    ])
    func invalidRawQueriesGiveShortReasons(_ text: String, _ reason: String) throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["docker compose"], id: "a", into: store)
        do {
            _ = try store.search(SearchRequest(query: .parse(text, syntax: .raw)), cancellation: nil)
            Issue.record("raw query \(text) was accepted")
        } catch let SearchError.invalidRawQuery(message) {
            #expect(message.contains(reason), "raw query \(text): \(message)")
            #expect(!message.contains("SELECT"), "raw query \(text): \(message)")
        }
    }

    @Test func rawQueriesHighlightWhatFTS5Matched() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["docker compose up and docker swarm"], id: "a", into: store)
        let page = try store.search(SearchRequest(query: .parse("NEAR(docker swarm, 2)", syntax: .raw)), cancellation: nil)
        let snippet = try #require(page.hits.first?.snippet)
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["docker", "swarm"])
    }

    @Test func cancelledSearchThrows() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write(["docker"], id: "a", into: store)
        let cancellation = SearchCancellation()
        cancellation.cancel()
        #expect(throws: SearchError.cancelled) {
            try store.search(SearchRequest(query: .parse("docker")), cancellation: cancellation)
        }
        // The connection works normally afterwards.
        #expect(try ids(store, "docker").count == 1)
    }

    @Test func cancellationStopsALongStatement() throws {
        let folder = try TemporaryDirectory()
        let store = try store(folder)
        try write((0..<2_000).map { "alpha beta \($0)" }, id: "a", into: store)
        let cancellation = SearchCancellation()
        let guardian = SQLiteCancellationGuard(connection: store.connection, cancellation: cancellation)
        cancellation.cancel()
        #expect(throws: SQLiteError.self) {
            _ = try store.connection.query("SELECT count(*) FROM turns a, turns b") { $0.int(0) }
        }
        withExtendedLifetime(guardian) {}
    }
}
