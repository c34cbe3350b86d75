import Foundation
import Testing
@testable import ConfabCore

/// Keyset pages in both directions, positions, counts and threads, as the console's Browse
/// screen reads them.
@Suite struct BrowseReadTests {
    private static let start = Date(timeIntervalSince1970: 1_767_225_600)

    private func makeStore() throws -> (TemporaryDirectory, SQLiteStore) {
        let folder = try TemporaryDirectory()
        return (folder, try SQLiteStore(path: folder.path("browse.db")))
    }

    private func write(_ conversations: [ImportedConversation], owner: String, into store: SQLiteStore) throws {
        let writer = try store.beginImport(format: .demo, filePath: "test", fileBytes: nil)
        for conversation in conversations {
            _ = try writer.write(conversation, owner: .named(owner))
        }
        try writer.commit(ImportSummary())
    }

    private func linear(_ id: String, turns: Int, updatedAt: Date?) -> ImportedConversation {
        let imported = (0..<turns).map { index in
            ImportedTurn(sourceID: "\(id)-\(index)", parentSourceID: index == 0 ? nil : "\(id)-\(index - 1)",
                         role: index % 2 == 0 ? .user : .assistant, text: "turn \(index) of \(id)",
                         createdAt: updatedAt.map { $0.addingTimeInterval(Double(index - turns)) })
        }
        return ImportedConversation(sourceID: id, title: "Conversation \(id)", turns: imported)
    }

    // MARK: Users

    @Test func usersBeforeMirrorsUsersAfter() throws {
        let (_, store) = try makeStore()
        for name in ["carol", "Alice", "bob", "Dave", "alice", "eve", "Émile"] {
            try write([linear("of-\(name)", turns: 1, updatedAt: BrowseReadTests.start)], owner: name, into: store)
        }
        let all = try store.users(after: nil, limit: 100)
        #expect(all.count == 7)
        #expect(try store.userCount() == 7)

        for index in all.indices {
            let cursor = UserCursor(name: all[index].name, id: all[index].id)
            let before = try store.users(before: cursor, limit: 2)
            #expect(before.map(\.id) == all[max(0, index - 2)..<index].map(\.id), "before user \(index)")
            #expect(try store.userIndex(of: cursor) == index, "index of user \(index)")
        }
        #expect(try store.users(before: nil, limit: 3).map(\.id) == all.suffix(3).map(\.id))
        #expect(try store.users(before: nil, limit: 50).map(\.id) == all.map(\.id))
    }

    // MARK: Conversations

    @Test(arguments: [true, false])
    func conversationsBeforeMirrorsAfterAcrossUntimedRows(filteredByUser: Bool) throws {
        let (_, store) = try makeStore()
        var aliceConversations: [ImportedConversation] = []
        for index in 0..<9 {
            // Every third conversation has no time at all, so it is listed after the timed ones.
            let time: Date? = index % 3 == 2 ? nil : BrowseReadTests.start.addingTimeInterval(Double(index % 4) * 3600)
            aliceConversations.append(linear("a\(index)", turns: 2, updatedAt: time))
        }
        try write(aliceConversations, owner: "alice", into: store)
        try write([linear("b0", turns: 1, updatedAt: BrowseReadTests.start), linear("b1", turns: 1, updatedAt: nil)], owner: "bob", into: store)
        let alice = try #require(try store.findUsers(matching: "alice").first)
        let userID: Int64? = filteredByUser ? alice.id : nil

        var all: [ConversationSummary] = []
        var cursor: ConversationCursor?
        while true {
            let page = try store.conversations(userID: userID, after: cursor, limit: 2)
            guard let last = page.last else { break }
            all += page
            cursor = ConversationCursor(updatedAt: last.updatedAt, id: last.id)
        }
        #expect(all.count == (filteredByUser ? 9 : 11))
        #expect(all.last?.updatedAt == nil)
        #expect(try store.conversationCount(userID: userID) == all.count)

        for index in all.indices {
            let cursor = ConversationCursor(updatedAt: all[index].updatedAt, id: all[index].id)
            let before = try store.conversations(userID: userID, before: cursor, limit: 3)
            #expect(before.map(\.id) == all[max(0, index - 3)..<index].map(\.id), "before conversation \(index)")
            #expect(try store.conversationIndex(userID: userID, of: cursor) == index, "index of conversation \(index)")
        }
        #expect(try store.conversations(userID: userID, before: nil, limit: 4).map(\.id) == all.suffix(4).map(\.id))
    }

    @Test func firstPromptsSkipHiddenTurnsAndOtherBranches() throws {
        let (_, store) = try makeStore()
        let start = BrowseReadTests.start
        let longText = String(repeating: "é", count: 250)
        let withSystem = ImportedConversation(sourceID: "system-first", turns: [
            ImportedTurn(sourceID: "s", role: .system, kind: .hidden, text: "system prompt", createdAt: start),
            ImportedTurn(sourceID: "h", parentSourceID: "s", role: .user, kind: .hidden, text: "custom instructions", createdAt: start),
            ImportedTurn(sourceID: "u", parentSourceID: "h", role: .user, text: "the real question", createdAt: start),
        ])
        let branched = ImportedConversation(sourceID: "branched", turns: [
            ImportedTurn(sourceID: "old", role: .user, text: "edited away", createdAt: start),
            ImportedTurn(sourceID: "new", role: .user, text: longText, createdAt: start.addingTimeInterval(60)),
        ], defaultLeafSourceID: "new")
        let assistantOnly = ImportedConversation(sourceID: "assistant-only", turns: [
            ImportedTurn(sourceID: "a", role: .assistant, text: "hello", createdAt: start),
        ])
        try write([withSystem, branched, assistantOnly], owner: "alice", into: store)
        let ids = Dictionary(uniqueKeysWithValues: try store.conversations(userID: nil, after: nil, limit: 10).map { ($0.sourceID, $0.id) })

        let prompts = try store.firstPrompts(conversationIDs: Array(ids.values))
        #expect(prompts[try #require(ids["system-first"])] == "the real question")
        #expect(prompts[try #require(ids["branched"])] == String(repeating: "é", count: 200))
        #expect(prompts[try #require(ids["assistant-only"])] == nil)
        #expect(prompts.count == 2)
        #expect(try store.firstPrompts(conversationIDs: []).isEmpty)
        #expect(try store.firstPrompts(conversationIDs: [987_654]).isEmpty)
    }

    // MARK: Threads

    @Test func defaultThreadPagesInBothDirections() throws {
        let (_, store) = try makeStore()
        try write([linear("long", turns: 10, updatedAt: BrowseReadTests.start)], owner: "alice", into: store)
        let conversation = try #require(try store.conversations(userID: nil, after: nil, limit: 1).first)
        let thread = TurnThread.defaultThread(conversationID: conversation.id)

        #expect(try store.turns(in: thread, after: nil, limit: 3).map(\.position) == [0, 1, 2])
        #expect(try store.turns(in: thread, after: 3, limit: 2).map(\.position) == [4, 5])
        #expect(try store.turns(in: thread, before: 4, limit: 2).map(\.position) == [2, 3])
        #expect(try store.turns(in: thread, before: nil, limit: 3).map(\.position) == [7, 8, 9])
        #expect(try store.turns(in: thread, after: 9, limit: 3).isEmpty)
        #expect(try store.turns(in: thread, before: 0, limit: 3).isEmpty)
        #expect(try store.turnCount(in: thread) == 10)
    }

    /// root → a → b (default, older) → b2
    ///          ↘ c (newer) → c2 → c3
    private func branchedConversation() -> ImportedConversation {
        let start = BrowseReadTests.start
        let turn = { (id: String, parent: String?, minutes: Double) in
            ImportedTurn(sourceID: id, parentSourceID: parent, role: .user, text: "text of \(id)", createdAt: start.addingTimeInterval(minutes * 60))
        }
        return ImportedConversation(
            sourceID: "tree", title: "Tree",
            turns: [
                turn("root", nil, 0), turn("a", "root", 1), turn("b", "a", 2), turn("b2", "b", 3),
                turn("c", "a", 10), turn("c2", "c", 11), turn("c3", "c2", 12),
            ],
            defaultLeafSourceID: "b2")
    }

    private func turnIDs(_ store: SQLiteStore) throws -> [String: Int64] {
        let rows = try store.connection.query("SELECT source_id, id FROM turns") { ($0.string(0), $0.int64(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    private func sourceIDs(_ turns: [TurnRecord]) -> [String] {
        turns.map(\.sourceID)
    }

    @Test func threadThroughTurnFollowsNewestLeaf() throws {
        let (_, store) = try makeStore()
        try write([branchedConversation()], owner: "alice", into: store)
        let ids = try turnIDs(store)
        let conversation = try #require(try store.conversations(userID: nil, after: nil, limit: 1).first)

        let defaultThread = try store.turns(in: .defaultThread(conversationID: conversation.id), after: nil, limit: 10)
        #expect(sourceIDs(defaultThread) == ["root", "a", "b", "b2"])

        let throughC = try store.turns(in: .through(turnID: try #require(ids["c"])), after: nil, limit: 10)
        #expect(sourceIDs(throughC) == ["root", "a", "c", "c2", "c3"])

        let throughA = try store.turns(in: .through(turnID: try #require(ids["a"])), after: nil, limit: 10)
        #expect(sourceIDs(throughA) == ["root", "a", "c", "c2", "c3"], "the newest leaf below a is c3")

        let throughB = TurnThread.through(turnID: try #require(ids["b"]))
        #expect(sourceIDs(try store.turns(in: throughB, after: nil, limit: 10)) == ["root", "a", "b", "b2"])
        #expect(sourceIDs(try store.turns(in: throughB, after: 1, limit: 1)) == ["b"])
        #expect(sourceIDs(try store.turns(in: throughB, before: 3, limit: 2)) == ["a", "b"])
        #expect(sourceIDs(try store.turns(in: throughB, before: nil, limit: 2)) == ["b", "b2"])
        #expect(try store.turnCount(in: throughB) == 4)
        #expect(try store.turnCount(in: .through(turnID: try #require(ids["c2"]))) == 5)
    }

    @Test func threadGrowsWithTurnAddedBelowLeaf() throws {
        let (_, store) = try makeStore()
        var conversation = branchedConversation()
        try write([conversation], owner: "alice", into: store)
        let thread = TurnThread.through(turnID: try #require(try turnIDs(store)["b"]))

        conversation.turns.append(ImportedTurn(sourceID: "b3", parentSourceID: "b2", role: .assistant, text: "later",
                                               createdAt: BrowseReadTests.start.addingTimeInterval(3600)))
        try write([conversation], owner: "alice", into: store)

        #expect(sourceIDs(try store.turns(in: thread, after: nil, limit: 10)) == ["root", "a", "b", "b2", "b3"])
    }

    @Test func siblingsInBranchOrder() throws {
        let (_, store) = try makeStore()
        try write([branchedConversation()], owner: "alice", into: store)
        let ids = try turnIDs(store)

        let siblings = try store.siblings(ofTurn: try #require(ids["c"]))
        #expect(siblings.map(\.id) == [ids["b"], ids["c"]].compactMap { $0 })
        #expect(siblings.map(\.branchIndex) == [0, 1])
        #expect(siblings.map(\.onDefaultThread) == [true, false])
        #expect(try store.siblings(ofTurn: try #require(ids["root"])).map(\.id) == [ids["root"]].compactMap { $0 })
        #expect(try store.siblings(ofTurn: 999_999).isEmpty)
    }

    @Test func loopedParentsStillEnd() throws {
        let (_, store) = try makeStore()
        try write([branchedConversation()], owner: "alice", into: store)
        let ids = try turnIDs(store)
        // Only a hand-edited store can hold a loop: the root now names a leaf as its parent.
        try store.connection.run("UPDATE turns SET parent_id = ? WHERE id = ?", try #require(ids["c3"]), try #require(ids["root"]))

        let thread = TurnThread.through(turnID: try #require(ids["c"]))
        #expect(sourceIDs(try store.turns(in: thread, after: nil, limit: 50)) == ["root", "a", "c", "c2", "c3"])
        #expect(try store.turnCount(in: thread) == 5)
    }
}
