import Testing
@testable import ConfabCore

@Suite("ChatGPT tree")
struct ChatGPTTreeTests {
    typealias F = ChatGPTFixture

    /// root → u1 → a1 (first child) and a2 (second child, the one the user last saw).
    static let branched = F.conversation("c-branch", nodes: [
        F.node("a2", parent: "u1", children: [], message: F.textMessage("a2", role: "assistant", text: "second answer")),
        F.node("u1", parent: "root", children: ["a1", "a2"], message: F.textMessage("u1", role: "user", text: "question")),
        F.node("root", parent: nil, children: ["u1"], message: nil),
        F.node("a1", parent: "u1", children: [], message: F.textMessage("a1", role: "assistant", text: "first answer")),
    ], currentNode: "a2")

    @Test("branches kept, current_node on second child")
    func branchesAndCurrentNode() throws {
        let conversation = try #require(ChatGPTFixture.run("[\(Self.branched)]").single)

        #expect(conversation.turns.map(\.sourceID) == ["u1", "a1", "a2"])
        #expect(conversation.importedTurn("u1")?.parentSourceID == nil)
        #expect(conversation.importedTurn("a1")?.parentSourceID == "u1")
        #expect(conversation.importedTurn("a2")?.parentSourceID == "u1")
        #expect(conversation.defaultLeafSourceID == "a2")
    }

    @Test("dangling or missing current_node gives nil")
    func danglingCurrentNode() throws {
        let dangling = Self.branched.replacingOccurrences(of: #""current_node":"a2""#, with: #""current_node":"gone""#)
        let missing = Self.branched.replacingOccurrences(of: #","current_node":"a2""#, with: "")
        let numeric = Self.branched.replacingOccurrences(of: #""current_node":"a2""#, with: #""current_node":7"#)

        for json in [dangling, missing, numeric] {
            let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)
            #expect(conversation.defaultLeafSourceID == nil)
            #expect(conversation.turns.count == 3)
        }
    }

    @Test("current_node on a pass-through node names its ancestor")
    func currentNodeWithoutMessage() throws {
        let json = F.conversation("c", nodes: [
            F.node("root", parent: nil, children: ["u"], message: nil),
            F.node("u", parent: "root", children: ["empty"], message: F.textMessage("u", role: "user", text: "hi")),
            F.node("empty", parent: "u", children: [], message: nil),
        ], currentNode: "empty")
        let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)

        #expect(conversation.defaultLeafSourceID == "u")
    }

    @Test("dangling child ids are skipped")
    func danglingChildren() throws {
        let json = F.conversation("c", nodes: [
            F.node("root", parent: nil, children: ["u", "missing-1"], message: nil),
            F.node("u", parent: "root", children: ["missing-2", "a", "missing-3"], message: F.textMessage("u", role: "user", text: "hi")),
            F.node("a", parent: "u", children: [], message: F.textMessage("a", role: "assistant", text: "hello")),
        ], currentNode: "a")
        let result = try ChatGPTFixture.run("[\(json)]")
        let conversation = try #require(result.single)

        #expect(result.problems.isEmpty)
        #expect(conversation.turns.map(\.sourceID) == ["u", "a"])
        #expect(conversation.importedTurn("a")?.parentSourceID == "u")
    }

    @Test("parent cycle is cut, every turn kept")
    func cycle() throws {
        // x and y name each other as parent and child; z hangs below y. No node reaches a root.
        let json = F.conversation("c", nodes: [
            F.node("y", parent: "x", children: ["x", "z"], message: F.textMessage("y", role: "assistant", text: "y")),
            F.node("x", parent: "y", children: ["y"], message: F.textMessage("x", role: "user", text: "x")),
            F.node("z", parent: "y", children: [], message: F.textMessage("z", role: "user", text: "z")),
        ], currentNode: "z")
        let result = try ChatGPTFixture.run("[\(json)]")
        let conversation = try #require(result.single)

        #expect(result.failure == nil)
        #expect(Set(conversation.turns.map(\.sourceID)) == ["x", "y", "z"])
        #expect(conversation.turns.filter { $0.parentSourceID == nil }.count == 1)
        #expect(conversation.importedTurn("z")?.parentSourceID == "y")
        #expect(Self.isAcyclic(conversation.turns))
        #expect(conversation.defaultLeafSourceID == "z")
    }

    @Test("loop beside a real root")
    func cycleBelowRoot() throws {
        // a is a proper root; b and c loop on each other and are not reachable from a.
        let json = F.conversation("c", nodes: [
            F.node("c", parent: "b", children: ["b"], message: F.textMessage("c", role: "user", text: "c")),
            F.node("a", parent: nil, children: [], message: F.textMessage("a", role: "user", text: "a")),
            F.node("b", parent: "c", children: ["c"], message: F.textMessage("b", role: "assistant", text: "b")),
        ])
        let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)

        #expect(conversation.turns.count == 3)
        #expect(conversation.importedTurn("a")?.parentSourceID == nil)
        #expect(Self.isAcyclic(conversation.turns))
        #expect(conversation.turns.filter { $0.parentSourceID == nil }.count == 2)
    }

    @Test("null message mid-tree passes through")
    func passThroughMidTree() throws {
        let json = F.conversation("c", nodes: [
            F.node("root", parent: nil, children: ["u"], message: nil),
            F.node("u", parent: "root", children: ["gap"], message: F.textMessage("u", role: "user", text: "hi")),
            F.node("gap", parent: "u", children: ["a1", "a2"], message: nil),
            F.node("a1", parent: "gap", children: [], message: F.textMessage("a1", role: "assistant", text: "one")),
            F.node("a2", parent: "gap", children: ["gap2"], message: F.textMessage("a2", role: "assistant", text: "two")),
            F.node("gap2", parent: "a2", children: ["u2"], message: nil),
            F.node("u2", parent: "gap2", children: [], message: F.textMessage("u2", role: "user", text: "more")),
        ], currentNode: "u2")
        let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)

        #expect(conversation.turns.map(\.sourceID) == ["u", "a1", "a2", "u2"])
        #expect(conversation.importedTurn("a1")?.parentSourceID == "u")
        #expect(conversation.importedTurn("a2")?.parentSourceID == "u")
        #expect(conversation.importedTurn("u2")?.parentSourceID == "a2")
        #expect(conversation.defaultLeafSourceID == "u2")
    }

    @Test("children list alone links a node")
    func childrenWithoutParentField() throws {
        // b has no parent field; a lists it as a child.
        let json = F.conversation("c", nodes: [
            F.node("a", parent: nil, children: ["b"], message: F.textMessage("a", role: "user", text: "a")),
            #""b":{"id":"b","message":\#(F.textMessage("b", role: "assistant", text: "b")),"children":[]}"#,
        ])
        let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)

        #expect(conversation.importedTurn("b")?.parentSourceID == "a")
    }

    @Test("deep chain does not overflow the stack")
    func deepChain() throws {
        let depth = 20_000
        var nodes = [F.node("n0", parent: nil, children: ["n1"], message: nil)]
        for index in 1...depth {
            let children = index < depth ? ["n\(index + 1)"] : []
            nodes.append(F.node("n\(index)", parent: "n\(index - 1)", children: children,
                                message: F.textMessage("n\(index)", role: index % 2 == 1 ? "user" : "assistant", text: "t\(index)")))
        }
        let conversation = try #require(ChatGPTFixture.run("[\(F.conversation("deep", nodes: nodes, currentNode: "n\(depth)"))]").single)

        #expect(conversation.turns.count == depth)
        #expect(conversation.importedTurn("n1")?.parentSourceID == nil)
        #expect(conversation.importedTurn("n\(depth)")?.parentSourceID == "n\(depth - 1)")
    }

    /// Returns whether following parents from every turn reaches a root.
    static func isAcyclic(_ turns: [ImportedTurn]) -> Bool {
        let parent = Dictionary(turns.map { ($0.sourceID, $0.parentSourceID) }, uniquingKeysWith: { first, _ in first })
        for turn in turns {
            var seen = Set<String>()
            var cursor: String? = turn.sourceID
            while let id = cursor {
                guard seen.insert(id).inserted else { return false }
                cursor = parent[id] ?? nil
            }
        }
        return true
    }
}
