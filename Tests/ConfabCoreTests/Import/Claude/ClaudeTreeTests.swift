import Foundation
import Testing
@testable import ConfabCore

@Suite("Claude tree")
struct ClaudeTreeTests {
    typealias F = ClaudeFixture

    @Test("parent uuids with a retry branch")
    func branches() throws {
        // h1 → a1 and a2 (a retry with the same parent) → h2 under a2. Array order is not tree order.
        let json = F.conversation("c", messages: [
            F.message("h2", sender: "human", blocks: [F.textBlock("follow-up")], parent: "a2", createdAt: "2026-01-01T00:00:05Z"),
            F.message("h1", sender: "human", blocks: [F.textBlock("question")], parent: F.rootParent, createdAt: "2026-01-01T00:00:00Z"),
            F.message("a1", sender: "assistant", blocks: [F.textBlock("")], parent: "h1", createdAt: "2026-01-01T00:00:01Z"),
            F.message("a2", sender: "assistant", blocks: [F.textBlock("second try")], parent: "h1", createdAt: "2026-01-01T00:00:02Z"),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.sourceID) == ["h2", "h1", "a1", "a2"])
        #expect(conversation.importedTurn("h1")?.parentSourceID == nil)
        #expect(conversation.importedTurn("a1")?.parentSourceID == "h1")
        #expect(conversation.importedTurn("a2")?.parentSourceID == "h1")
        #expect(conversation.importedTurn("h2")?.parentSourceID == "a2")
        #expect(conversation.importedTurn("a1")?.text == "")
        #expect(conversation.defaultLeafSourceID == nil)

        let tree = ConversationTree(turns: conversation.turns, defaultLeafSourceID: conversation.defaultLeafSourceID)
        let thread = conversation.turns.indices.filter { tree.onDefaultThread[$0] }.map { conversation.turns[$0].sourceID }
        #expect(Set(thread) == ["h1", "a2", "h2"])
    }

    @Test("reply attaches to the last turn of a split message")
    func replyToSplitMessage() throws {
        let thinking = #"{"type":"thinking","thinking":"hmm","summaries":[],"cut_off":false}"#
        let toolUse = #"{"type":"tool_use","id":"toolu_1","name":"web_search","input":{"query":"tides"}}"#
        let json = F.conversation("c", messages: [
            F.message("h1", sender: "human", blocks: [F.textBlock("q")], parent: F.rootParent),
            F.message("a1", sender: "assistant", blocks: [thinking, F.textBlock("answer"), toolUse], parent: "h1"),
            F.message("h2", sender: "human", blocks: [F.textBlock("next")], parent: "a1"),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.sourceID) == ["h1", "a1#0", "a1", "a1#2", "h2"])
        #expect(conversation.turns.map(\.parentSourceID) == [nil, "h1", "a1#0", "a1", "a1#2"])
    }

    @Test("linear fallback without parent fields")
    func linear() throws {
        let json = F.conversation("c", messages: [
            F.message("m1", sender: "human", blocks: [F.textBlock("one")]),
            F.message("m2", sender: "assistant", blocks: [F.textBlock("two")]),
            F.message("m3", sender: "human", blocks: [F.textBlock("three")]),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.parentSourceID) == [nil, "m1", "m2"])
        #expect(conversation.turns.map(\.role) == [.user, .assistant, .user])
    }

    @Test("null, sentinel, dangling and self parents make roots")
    func rootParents() throws {
        let json = F.conversation("c", messages: [
            #"{"uuid":"n","sender":"human","text":"null parent","parent_message_uuid":null}"#,
            F.message("s", sender: "human", blocks: [F.textBlock("sentinel")], parent: F.rootParent),
            F.message("d", sender: "human", blocks: [F.textBlock("dangling")], parent: "not-here"),
            F.message("self", sender: "human", blocks: [F.textBlock("own parent")], parent: "self"),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.parentSourceID) == [nil, nil, nil, nil])
    }

    @Test("parent loop is cut")
    func loop() throws {
        let json = F.conversation("c", messages: [
            F.message("x", sender: "human", blocks: [F.textBlock("x")], parent: "y"),
            F.message("y", sender: "assistant", blocks: [F.textBlock("y")], parent: "x"),
            F.message("z", sender: "human", blocks: [F.textBlock("z")], parent: "y"),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.filter { $0.parentSourceID == nil }.count == 1)
        #expect(conversation.importedTurn("z")?.parentSourceID == "y")
        #expect(conversation.importedTurn("x")?.parentSourceID == "y")
        #expect(conversation.importedTurn("y")?.parentSourceID == nil)
    }

    @Test("repeated message uuid keeps the first")
    func repeatedMessage() throws {
        let json = F.conversation("c", messages: [
            F.message("m1", sender: "human", blocks: [F.textBlock("first")]),
            F.message("m1", sender: "human", blocks: [F.textBlock("again")]),
        ])
        let conversation = try #require(ClaudeFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.text) == ["first"])
        #expect(conversation.warnings.count == 1)
    }

    @Test("current_leaf_message_uuid names the default leaf")
    func currentLeaf() throws {
        let messages = [
            F.message("h1", sender: "human", blocks: [F.textBlock("q")], parent: F.rootParent),
            F.message("a1", sender: "assistant", blocks: [F.textBlock("one")], parent: "h1"),
            F.message("a2", sender: "assistant", blocks: [F.textBlock("two")], parent: "h1"),
        ]
        let pointed = try #require(ClaudeFixture.run("[\(F.conversation("c", messages: messages, extra: #""current_leaf_message_uuid":"a1""#))]").single)
        let dangling = try #require(ClaudeFixture.run("[\(F.conversation("c", messages: messages, extra: #""current_leaf_message_uuid":"gone""#))]").single)

        #expect(pointed.defaultLeafSourceID == "a1")
        #expect(dangling.defaultLeafSourceID == nil)
    }
}
