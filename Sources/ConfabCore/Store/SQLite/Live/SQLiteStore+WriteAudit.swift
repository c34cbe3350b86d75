extension SQLiteStore: WriteAudit {
    public func storedTurnIDs(among turnIDs: [Int64]) throws -> Set<Int64> {
        var stored = Set<Int64>()
        let chunkSize = 10_000
        for start in stride(from: 0, to: turnIDs.count, by: chunkSize) {
            let chunk = turnIDs[start..<min(turnIDs.count, start + chunkSize)]
            let list = JSONValue.array(chunk.map { .number(Double($0)) }).serialized()
            let found = try connection.query(
                "SELECT id FROM turns WHERE id IN (SELECT value FROM json_each(?))", [list]) { $0.int64(0) }
            stored.formUnion(found)
        }
        return stored
    }

    public func turnCount(inConversations conversationIDs: [Int64]) throws -> Int {
        let list = JSONValue.array(conversationIDs.map { .number(Double($0)) }).serialized()
        return Int(try connection.scalarInt(
            "SELECT count(*) FROM turns WHERE conversation_id IN (SELECT value FROM json_each(?))", [list]) ?? 0)
    }
}
