import Foundation
import Testing
@testable import ConfabCore

@Suite struct ConversationTreeTests {
    private func turn(_ id: String, parent: String?, at seconds: Double? = nil) -> ImportedTurn {
        ImportedTurn(sourceID: id, parentSourceID: parent, role: .user, text: id,
                     createdAt: seconds.map(Date.init(timeIntervalSince1970:)))
    }

    @Test func linearChainIsOneThread() {
        let tree = ConversationTree(turns: [turn("a", parent: nil), turn("b", parent: "a"), turn("c", parent: "b")],
                                    defaultLeafSourceID: nil)
        #expect(tree.depth == [0, 1, 2])
        #expect(tree.onDefaultThread == [true, true, true])
        #expect(tree.parent == [nil, 0, 1])
        #expect(tree.insertionOrder == [0, 1, 2])
    }

    @Test func namedLeafChoosesBranch() {
        // a → b1, a → b2; the export says the user last saw b1 (the older one, not children[0] by time).
        let turns = [turn("a", parent: nil, at: 1), turn("b2", parent: "a", at: 3), turn("b1", parent: "a", at: 2)]
        let tree = ConversationTree(turns: turns, defaultLeafSourceID: "b1")
        #expect(tree.onDefaultThread == [true, false, true])
        #expect(tree.branchIndex[2] == 0)
        #expect(tree.branchIndex[1] == 1)
        #expect(tree.siblingCount[1] == 2)
    }

    @Test func newestLeafWhenLeafMissingOrDangling() {
        let turns = [turn("a", parent: nil, at: 1), turn("b1", parent: "a", at: 5), turn("b2", parent: "a", at: 3)]
        for named in [nil, "no-such-turn"] {
            let tree = ConversationTree(turns: turns, defaultLeafSourceID: named)
            #expect(tree.onDefaultThread == [true, true, false])
        }
    }

    @Test func newestLeafWithoutTimesIsLastInInput() {
        let turns = [turn("a", parent: nil), turn("b1", parent: "a"), turn("b2", parent: "a")]
        let tree = ConversationTree(turns: turns, defaultLeafSourceID: nil)
        #expect(tree.onDefaultThread == [true, false, true])
    }

    @Test func danglingParentMakesRoot() {
        let tree = ConversationTree(turns: [turn("a", parent: "ghost"), turn("b", parent: "a")], defaultLeafSourceID: nil)
        #expect(tree.parent == [nil, 0])
        #expect(tree.depth == [0, 1])
    }

    @Test func cycleIsCut() {
        let turns = [turn("a", parent: "c"), turn("b", parent: "a"), turn("c", parent: "b"), turn("self", parent: "self")]
        let tree = ConversationTree(turns: turns, defaultLeafSourceID: nil)
        let roots = tree.parent.enumerated().filter { $0.element == nil }.map(\.offset)
        #expect(roots.contains(3))
        #expect(roots.count == 2)
        #expect(tree.insertionOrder.count == 4)
        #expect(Set(tree.insertionOrder) == Set(0..<4))
    }

    @Test func parentsPrecedeChildrenInInsertionOrder() {
        let turns = [turn("c", parent: "b"), turn("b", parent: "a"), turn("a", parent: nil), turn("d", parent: "a")]
        let tree = ConversationTree(turns: turns, defaultLeafSourceID: nil)
        let rank = Dictionary(uniqueKeysWithValues: tree.insertionOrder.enumerated().map { ($0.element, $0.offset) })
        for index in turns.indices {
            if let parent = tree.parent[index] {
                #expect(rank[parent]! < rank[index]!)
            }
        }
    }
}
