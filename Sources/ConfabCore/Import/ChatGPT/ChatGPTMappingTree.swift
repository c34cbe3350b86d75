/// The message nodes of a ChatGPT conversation's `mapping`, each with the message node it hangs from.
///
/// Rules, in the order they apply:
/// - Nodes are keyed by their `mapping` key. A repeated key keeps its first node.
/// - A node's parent is its `parent` field when that names another node, otherwise the first node
///   in key order that lists it in `children`. Child ids that name no node are ignored.
/// - Nodes without a message (the root, usually) pass through: their children hang from the
///   nearest ancestor that has a message, or become roots.
/// - A loop of parents that never reaches a root is cut at a node chosen by key order, so the
///   same file always gives the same tree.
struct ChatGPTMappingTree {
    struct Entry {
        /// The node's key in `mapping`.
        let nodeID: String
        let message: JSONObject
        /// The nearest ancestor node that has a message, or nil for a root.
        let parentID: String?
    }

    /// Message nodes, every parent before its children, siblings in their `children` order.
    private(set) var entries: [Entry] = []

    /// The id of the message node that represents each node: itself when it has a
    /// message, else its nearest ancestor with one (nil when there is none).
    private var representative: [String: String?] = [:]

    /// Reads the nodes of `mapping`. Throws when a node is not an object or its message is
    /// neither an object nor null.
    init(mapping: JSONObject) throws(RecordFieldError) {
        var keys: [String] = []
        var nodes: [String: JSONObject] = [:]
        for member in mapping.members where nodes[member.key] == nil {
            guard case let .object(node) = member.value else {
                throw .wrongType("mapping.\(member.key)", expected: "a node object", found: member.value)
            }
            switch node["message"] {
            case nil, .null?, .object?:
                break
            case let other?:
                throw .wrongType("mapping.\(member.key).message", expected: "an object or null", found: other)
            }
            keys.append(member.key)
            nodes[member.key] = node
        }

        let parent = Self.parents(keys: keys, nodes: nodes)
        let children = Self.children(keys: keys, nodes: nodes, parent: parent)

        var visited = Set<String>()
        for key in keys where parent[key] == nil {
            walk(from: key, nodes: nodes, children: children, visited: &visited)
        }

        // Every node left unvisited sits on, or below, a loop of parents that never reaches a root.
        for key in keys where !visited.contains(key) {
            var chain = Set<String>()
            var cursor = key
            while chain.insert(cursor).inserted, let next = parent[cursor] {
                cursor = next
            }
            walk(from: cursor, nodes: nodes, children: children, visited: &visited)
        }
    }

    /// Returns the message node that represents `nodeID`: the node itself, or its nearest ancestor with a
    /// message. Nil for an id that names no node or has no such ancestor.
    func messageNodeID(for nodeID: String) -> String? {
        representative[nodeID] ?? nil
    }

    private static func parents(keys: [String], nodes: [String: JSONObject]) -> [String: String] {
        var parent: [String: String] = [:]
        for key in keys {
            if let named = nodes[key]?["parent"]?.stringValue, named != key, nodes[named] != nil {
                parent[key] = named
            }
        }

        // A node whose own parent field is missing or dangling hangs from a node that lists it.
        for key in keys {
            for child in childIDs(of: nodes[key]) where child != key && nodes[child] != nil && parent[child] == nil {
                parent[child] = key
            }
        }
        return parent
    }

    /// Lists the children of each node: first those its `children` list names, in that order, then any
    /// other node whose parent it is, in key order.
    private static func children(keys: [String], nodes: [String: JSONObject], parent: [String: String]) -> [String: [String]] {
        var children: [String: [String]] = [:]
        for key in keys {
            var listed: [String] = []
            var seen = Set<String>()
            for child in childIDs(of: nodes[key]) where parent[child] == key && seen.insert(child).inserted {
                listed.append(child)
            }
            if !listed.isEmpty {
                children[key] = listed
            }
        }

        for key in keys {
            guard let owner = parent[key], !(children[owner]?.contains(key) ?? false) else { continue }
            children[owner, default: []].append(key)
        }
        return children
    }

    private static func childIDs(of node: JSONObject?) -> [String] {
        node?["children"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Visits the subtree below `start` depth first, recording message nodes in visiting order.
    /// `start` becomes a root even when it has a parent, which is how loops are cut.
    private mutating func walk(
        from start: String,
        nodes: [String: JSONObject],
        children: [String: [String]],
        visited: inout Set<String>
    ) {
        // An explicit stack, because conversations with thousands of nodes would nest that deep.
        var stack: [(nodeID: String, ancestor: String?)] = [(start, nil)]
        while let (nodeID, ancestor) = stack.popLast() {
            guard visited.insert(nodeID).inserted, let node = nodes[nodeID] else { continue }

            var nearestMessageID = ancestor
            if case let .object(message)? = node["message"] {
                entries.append(Entry(nodeID: nodeID, message: message, parentID: ancestor))
                nearestMessageID = nodeID
            }
            representative[nodeID] = nearestMessageID

            for child in (children[nodeID] ?? []).reversed() where !visited.contains(child) {
                stack.append((child, nearestMessageID))
            }
        }
    }
}
