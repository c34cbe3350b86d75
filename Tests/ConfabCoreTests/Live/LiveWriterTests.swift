import Foundation
import Testing
@testable import ConfabCore

@Suite struct LiveWriterTests {
    private func makeStore(_ folder: TemporaryDirectory) throws -> SQLiteStore {
        try SQLiteStore(path: folder.path("confab.db"))
    }

    @Test func appendsFollowTheTip() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let started = try writer.startConversation(NewConversation(userName: "alice", title: "Live"))

        let first = try writer.appendTurn(TurnAppend(conversationID: started.conversationID, parent: .currentTip, role: .user, text: "hello"))
        let second = try writer.appendTurn(TurnAppend(conversationID: started.conversationID, parent: .currentTip, role: .assistant, text: "hi"))

        #expect(first.parentID == nil)
        #expect(first.position == 0)
        #expect(second.parentID == first.turnID)
        #expect(second.position == 1)
        #expect(!second.isBranch)
        #expect(try writer.tip(ofConversation: started.conversationID) == second.turnID)
        let thread = try store.turns(conversationID: started.conversationID, scope: .defaultThread, after: nil, limit: 10)
        #expect(thread.map(\.text) == ["hello", "hi"])
        #expect(try store.conversation(id: started.conversationID)?.turnCount == 2)
    }

    @Test func staleTipBecomesBranch() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "alice")).conversationID
        let question = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "question"))

        // Two writers both saw `question` as the tip.
        let winner = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .turn(question.turnID), role: .assistant, text: "first answer"))
        let late = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .turn(question.turnID), role: .assistant, text: "late answer"))

        #expect(!winner.isBranch)
        #expect(late.isBranch)
        #expect(late.branchIndex == 1)
        #expect(late.position == winner.position)
        let thread = try store.turns(conversationID: conversation, scope: .defaultThread, after: nil, limit: 10)
        #expect(thread.map(\.text) == ["question", "first answer"])
        let all = try store.turns(conversationID: conversation, scope: .allBranches, after: nil, limit: 10)
        #expect(all.count == 3)
        #expect(try store.siblings(ofTurn: late.turnID).count == 2)
        #expect(writer.writeStatistics.branchedTurns == 1)
        #expect(writer.writeStatistics.conflicts == 1)

        let feed = try store.changes(after: 0, limit: 100)
        #expect(feed.changes.last?.conflict == "branched")
    }

    @Test func unknownParentRejected() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "alice")).conversationID

        #expect(throws: LiveWriteError.parentNotFound(conversationID: conversation, turnID: 999)) {
            try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .turn(999), role: .user, text: "x"))
        }
        #expect(throws: LiveWriteError.conversationNotFound(777)) {
            try writer.appendTurn(TurnAppend(conversationID: 777, parent: .currentTip, role: .user, text: "x"))
        }
        #expect(try store.turns(conversationID: conversation, scope: .allBranches, after: nil, limit: 10).isEmpty)
    }

    @Test func conversationBeingDeletedTakesNoTurns() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "alice")).conversationID
        try store.connection.run("UPDATE conversations SET deleting_since = 1 WHERE id = ?", conversation)

        #expect(throws: LiveWriteError.conversationBeingDeleted(conversation)) {
            try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "late"))
        }
        #expect(try store.turns(conversationID: conversation, scope: .allBranches, after: nil, limit: 10).isEmpty)
    }

    @Test func changeFeedOrderAndCursor() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let before = Date().timeIntervalSince1970
        let conversation = try writer.startConversation(NewConversation(userName: "bob")).conversationID
        var turnIDs: [Int64] = []
        for index in 0..<5 {
            turnIDs.append(try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "t\(index)")).turnID)
        }

        let firstPage = try store.changes(after: 0, limit: 3)
        #expect(firstPage.changes.map(\.kind) == [.conversationCreated, .turnAppended, .turnAppended])
        #expect(firstPage.cursor == firstPage.changes.last?.sequence)
        #expect(firstPage.latestSequence == 6)
        #expect(!firstPage.isTruncated)

        let rest = try store.changes(after: firstPage.cursor, limit: 100)
        #expect(rest.changes.compactMap(\.turnID) == Array(turnIDs[2...]))
        let sequences = (firstPage.changes + rest.changes).map(\.sequence)
        #expect(sequences == sequences.sorted())
        #expect(Set(sequences).count == 6)
        for change in firstPage.changes + rest.changes {
            #expect(change.committedAt >= before)
            #expect(change.writerPID == getpid())
            #expect(change.conversationID == conversation)
        }
        #expect(try store.changes(after: rest.cursor, limit: 10).changes.isEmpty)
        #expect(try store.latestChangeSequence() == 6)
    }

    @Test func feedStaysBounded() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let retention = ChangeFeedRetention(maximumRows: 10, maximumAge: 86_400, extraRowsPerStep: 2)
        let writer = SQLiteLiveWriter(store: store, retention: retention)
        let conversation = try writer.startConversation(NewConversation(userName: "carol")).conversationID
        for index in 0..<40 {
            _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "t\(index)"))
        }

        let rows = try store.connection.scalarInt("SELECT count(*) FROM changes") ?? 0
        #expect(rows == 10)
        #expect(try store.latestChangeSequence() == 41)
        let stale = try store.changes(after: 1, limit: 100)
        #expect(stale.isTruncated)
        let current = try store.changes(after: 38, limit: 100)
        #expect(!current.isTruncated)
        #expect(current.changes.count == 3)
    }

    @Test func feedPrunesByAge() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "dave")).conversationID
        try store.connection.run("UPDATE changes SET committed_at = committed_at - 8 * 86400")
        _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "now"))

        let kinds = try store.changes(after: 0, limit: 10).changes.map(\.kind)
        #expect(kinds == [.turnAppended])
    }

    @Test func importWritesOneRowPerConversation() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let conversations = (0..<3).map { index in
            ImportedConversation(sourceID: "c\(index)", title: "T\(index)", turns: [
                ImportedTurn(sourceID: "0", role: .user, text: "hello \(index)"),
            ])
        }
        for _ in 0..<2 {
            let importer = try store.beginImport(format: .sharegpt, filePath: "x.json", fileBytes: nil)
            for conversation in conversations {
                _ = try importer.write(conversation, owner: .named("erin"))
            }
            try importer.commit(ImportSummary())
        }

        let feed = try store.changes(after: 0, limit: 100)
        // The second import changed nothing, so it added no rows.
        #expect(feed.changes.count == 3)
        #expect(Set(feed.changes.map(\.kind)) == [.conversationImported])
        #expect(Set(feed.changes.map(\.committedAt)).count == 1)
        #expect(feed.changes.allSatisfy { $0.userID != nil })
        #expect(feed.changes.allSatisfy { $0.conversationID != nil })
    }

    @Test func cjkAppendIsSearchable() throws {
        let folder = try TemporaryDirectory()
        let store = try makeStore(folder)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "fumiko")).conversationID
        _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "東京の天気はどうですか"))

        #expect(try store.connection.scalarInt("SELECT count(*) FROM turn_characters_pending") == 0)
        let page = try store.search(SearchRequest(query: SearchQuery.parse("天気"), order: .recent, limit: 5), cancellation: nil)
        #expect(page.hits.count == 1)
        try store.connection.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('integrity-check', 1)")
        try store.connection.execute("INSERT INTO turn_characters_fts (turn_characters_fts, rank) VALUES ('integrity-check', 1)")
    }
}
