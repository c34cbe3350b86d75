import Foundation

/// The shape of a conversation's turn tree: parents, depths, sibling order and the default thread.
///
/// Built from turns in any order. Parent ids that name no turn make a turn a root; a parent chain
/// that loops back on itself is cut at the turn that closes the loop. The default thread runs from
/// the chosen leaf up to its root: the leaf the export names when it names a turn that exists,
/// otherwise the newest leaf (by time, then by input order).
public struct ConversationTree: Sendable, Equatable {
    /// For each input turn, the index of its parent, or nil for a root.
    public private(set) var parent: [Int?]
    /// Depth of each turn: 0 for roots.
    public private(set) var depth: [Int]
    /// Order of each turn among its siblings: by time, then by input order.
    public private(set) var branchIndex: [Int]
    /// How many turns share each turn's parent, the turn included.
    public private(set) var siblingCount: [Int]
    public private(set) var onDefaultThread: [Bool]
    /// Input indices with every parent before its children (breadth-first by depth).
    public private(set) var insertionOrder: [Int]

    public init(turns: [ImportedTurn], defaultLeafSourceID: String?) {
        let count = turns.count
        var indexBySourceID = [String: Int](minimumCapacity: count)
        for (index, turn) in turns.enumerated() where indexBySourceID[turn.sourceID] == nil {
            indexBySourceID[turn.sourceID] = index
        }

        var parent = [Int?](repeating: nil, count: count)
        for (index, turn) in turns.enumerated() {
            if let parentID = turn.parentSourceID, let parentIndex = indexBySourceID[parentID], parentIndex != index {
                parent[index] = parentIndex
            }
        }
        ConversationTree.breakCycles(&parent)

        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for index in 0..<count {
            if let parentIndex = parent[index] {
                children[parentIndex].append(index)
            } else {
                roots.append(index)
            }
        }

        // Siblings are ordered by time when both times are known, otherwise by input order.
        let precedes: (Int, Int) -> Bool = { left, right in
            if let leftTime = turns[left].createdAt, let rightTime = turns[right].createdAt, leftTime != rightTime {
                return leftTime < rightTime
            }
            return left < right
        }

        var depth = [Int](repeating: 0, count: count)
        var branchIndex = [Int](repeating: 0, count: count)
        var siblingCount = [Int](repeating: 1, count: count)
        var insertionOrder: [Int] = []
        insertionOrder.reserveCapacity(count)

        var level = roots.sorted(by: precedes)
        for (position, index) in level.enumerated() {
            branchIndex[index] = position
            siblingCount[index] = level.count
        }
        var currentDepth = 0
        while !level.isEmpty {
            var nextLevel: [Int] = []
            for index in level {
                depth[index] = currentDepth
                insertionOrder.append(index)
                let ordered = children[index].sorted(by: precedes)
                for (position, child) in ordered.enumerated() {
                    branchIndex[child] = position
                    siblingCount[child] = ordered.count
                }
                nextLevel.append(contentsOf: ordered)
            }
            level = nextLevel
            currentDepth += 1
        }

        var onDefaultThread = [Bool](repeating: false, count: count)
        if let leaf = ConversationTree.defaultLeaf(turns: turns, children: children, named: defaultLeafSourceID.flatMap { indexBySourceID[$0] }) {
            var cursor: Int? = leaf
            while let index = cursor {
                onDefaultThread[index] = true
                cursor = parent[index]
            }
        }

        self.parent = parent
        self.depth = depth
        self.branchIndex = branchIndex
        self.siblingCount = siblingCount
        self.onDefaultThread = onDefaultThread
        self.insertionOrder = insertionOrder
    }

    /// Cuts every parent chain that returns to a turn already on it, at the turn that closes the
    /// loop. `parent` gives each turn's parent index, or nil for a root.
    static func breakCycles(_ parent: inout [Int?]) {
        // 0 = not visited, 1 = on the chain being walked, 2 = known to reach a root.
        var state = [UInt8](repeating: 0, count: parent.count)
        for start in parent.indices where state[start] == 0 {
            var chain: [Int] = []
            var cursor: Int? = start
            while let index = cursor, state[index] == 0 {
                state[index] = 1
                chain.append(index)
                cursor = parent[index]
            }
            if let index = cursor, state[index] == 1 {
                // `index` is on the current chain: the turn that points back to it closes the loop.
                if let closing = chain.last {
                    parent[closing] = nil
                }
            }
            for index in chain {
                state[index] = 2
            }
        }
    }

    /// The named leaf when it exists, else the newest leaf: latest time, then latest in input order.
    /// A named turn that has children still ends the thread there, as the export asked.
    private static func defaultLeaf(turns: [ImportedTurn], children: [[Int]], named: Int?) -> Int? {
        if let named {
            return named
        }
        var best: Int?
        for index in turns.indices where children[index].isEmpty {
            guard let current = best else {
                best = index
                continue
            }
            switch (turns[index].createdAt, turns[current].createdAt) {
            case let (candidate?, existing?):
                if candidate >= existing { best = index }
            case (.some, nil):
                best = index
            case (nil, .some):
                break
            case (nil, nil):
                best = index
            }
        }
        return best
    }
}
