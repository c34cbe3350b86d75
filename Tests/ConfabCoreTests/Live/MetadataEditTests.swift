import Foundation
import Testing
@testable import ConfabCore

@Suite struct MetadataEditTests {
    private func fixture() throws -> (TemporaryDirectory, SQLiteStore, SQLiteLiveWriter, ConversationMetadata) {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let writer = store.makeLiveWriter()
        let id = try writer.startConversation(NewConversation(userName: "alice", title: "Original")).conversationID
        let base = try #require(try writer.metadata(ofConversation: id))
        return (folder, store, writer, base)
    }

    @Test func currentVersionApplies() throws {
        let (_, _, writer, base) = try fixture()
        let outcome = try writer.edit(ConversationEdit(title: "Renamed", addTags: ["work"], isArchived: true), base: base)

        #expect(outcome.resolution == .applied)
        #expect(outcome.current.title == "Renamed")
        #expect(outcome.current.tags == ["work"])
        #expect(outcome.current.isArchived)
        #expect(outcome.current.version == base.version + 1)
    }

    @Test func sameFieldFirstCommitterWins() throws {
        let (_, store, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(title: "Alice's title"), base: base)
        let late = try writer.edit(ConversationEdit(title: "Bob's title"), base: base)

        #expect(late.resolution == .rejected(fields: ["title"]))
        #expect(late.current.title == "Alice's title")
        #expect(late.current.version == base.version + 1)
        #expect(writer.writeStatistics.rejectedEdits == 1)
        let last = try #require(try store.changes(after: 0, limit: 10).changes.last)
        #expect(last.conflict == "rejected:title")
        #expect(last.kind == .conversationEdited)
    }

    @Test func changedAndChangedBackIsRejected() throws {
        let (_, _, writer, base) = try fixture()
        let other = try writer.edit(ConversationEdit(title: "Other", isArchived: true), base: base)
        _ = try writer.edit(ConversationEdit(title: "Original", isArchived: false), base: other.current)
        let late = try writer.edit(ConversationEdit(title: "Mine", isArchived: true), base: base)

        #expect(late.resolution == .rejected(fields: ["title", "archived"]))
        #expect(late.current.title == "Original")
        #expect(!late.current.isArchived)
    }

    @Test func otherFieldsMerge() throws {
        let (_, _, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(title: "New title"), base: base)
        let late = try writer.edit(ConversationEdit(addTags: ["urgent"], isArchived: true), base: base)

        #expect(late.resolution == .merged)
        #expect(late.current.title == "New title")
        #expect(late.current.tags == ["urgent"])
        #expect(late.current.isArchived)
        #expect(late.current.version == base.version + 2)
        #expect(writer.writeStatistics.mergedEdits == 1)
    }

    @Test func mixedEditKeepsWinningField() throws {
        let (_, _, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(title: "Winner", isArchived: true), base: base)
        let late = try writer.edit(ConversationEdit(title: "Loser", addTags: ["x"], isArchived: false), base: base)

        #expect(late.resolution == .rejected(fields: ["title", "archived"]))
        #expect(late.current.title == "Winner")
        #expect(late.current.isArchived)
        #expect(late.current.tags == ["x"])
    }

    @Test func concurrentTagEditsBothApply() throws {
        let (_, _, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(addTags: ["a", "b"]), base: base)
        let late = try writer.edit(ConversationEdit(addTags: ["c"], removeTags: ["a"]), base: base)

        #expect(late.resolution == .merged)
        #expect(late.current.tags == ["b", "c"])
    }

    @Test func sameValueIsNoConflict() throws {
        let (_, _, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(title: "Same"), base: base)
        let late = try writer.edit(ConversationEdit(title: "Same"), base: base)

        #expect(late.resolution == .merged)
        #expect(late.current.title == "Same")
    }

    @Test func invalidTagsRejected() throws {
        let (_, _, writer, base) = try fixture()
        for name in ["", "  ", "a,b", "bell\u{7}"] {
            #expect(throws: LiveWriteError.invalidTag(name)) {
                try writer.edit(ConversationEdit(addTags: [name]), base: base)
            }
        }
        #expect(try writer.metadata(ofConversation: base.conversationID)?.version == base.version)
    }

    @Test func unknownConversationRejected() throws {
        let (_, _, writer, base) = try fixture()
        var missing = base
        missing.conversationID = 4242
        #expect(throws: LiveWriteError.conversationNotFound(4242)) {
            try writer.edit(ConversationEdit(title: "x"), base: missing)
        }
    }

    @Test func titleEditIsSearchable() throws {
        let (_, store, writer, base) = try fixture()
        _ = try writer.edit(ConversationEdit(title: "Quarterly zeppelin report"), base: base)
        let page = try store.search(SearchRequest(query: SearchQuery.parse("in:title zeppelin"), order: .recent, limit: 5), cancellation: nil)
        #expect(page.total == 1)
    }
}

@Suite struct CompareAndSetEditTests {
    @Test func staleVersionAppliesNothing() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let writer = store.makeLiveWriter()
        let id = try writer.startConversation(NewConversation(userName: "alice", title: "Original")).conversationID
        let base = try #require(try writer.metadata(ofConversation: id))
        _ = try writer.edit(ConversationEdit(addTags: ["first"]), base: base)

        let late = try writer.edit(ConversationEdit(title: "Other", addTags: ["second"]), base: base, onStale: .rejectAll)

        #expect(late.resolution == .rejected(fields: ["title", "tags"]))
        #expect(late.current.title == "Original")
        #expect(late.current.tags == ["first"])
        #expect(late.current.version == base.version + 1)
    }
}
