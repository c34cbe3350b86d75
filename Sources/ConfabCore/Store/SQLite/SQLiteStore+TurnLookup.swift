extension SQLiteStore: TurnLookup {
    public func turn(id: Int64) throws -> TurnRecord? {
        let rows = try connection.query(SQLiteStore.turnColumns + " WHERE t.id = ?", [id], row: SQLiteStore.readTurn)
        return try rows.first.map(withAttachments)
    }
}
