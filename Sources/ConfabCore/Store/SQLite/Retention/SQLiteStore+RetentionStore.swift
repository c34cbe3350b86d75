extension SQLiteStore: RetentionStore {}

/// The import side of the erased-ids ledger: which conversations an import must skip.
struct ImportLedgerCheck {
    private let connection: Connection
    private let key: RetentionKey?

    /// Reads the key only when the ledger has entries. Throws when it has entries and the key
    /// file is missing or is not the key the ledger was written with.
    init(connection: Connection, keyPath: String) throws {
        self.connection = connection
        let entries = try connection.tableExists("erased_ledger")
            ? (try connection.scalarInt("SELECT count(*) FROM erased_ledger") ?? 0) : 0
        guard entries > 0 else {
            key = nil
            return
        }
        guard let key = try RetentionKeyFile.read(at: keyPath) else {
            throw RetentionError.invalidSelection(
                "this store has erased conversations but the key file \(keyPath) is missing, so an import cannot tell which conversations to skip; restore the key file or set CONFAB_KEY_FILE")
        }
        try RetentionLedger.verify(key, keyPath: keyPath, in: connection)
        self.key = key
    }

    /// True when the conversation, or the account that owns it, was erased or anonymised.
    func isErased(source: String, sourceID: String, owner: Owner) throws -> Bool {
        guard let key else { return false }
        if try RetentionLedger.contains(RetentionLedger.conversationHash(source: source, sourceID: sourceID, key: key), in: connection) {
            return true
        }
        if case let .account(accountSource, externalID, _) = owner, externalID != "default" {
            return try RetentionLedger.contains(
                RetentionLedger.accountHash(source: accountSource, externalID: externalID, key: key), in: connection)
        }
        return false
    }
}
