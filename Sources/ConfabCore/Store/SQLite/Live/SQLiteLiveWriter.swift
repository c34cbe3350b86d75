import Foundation

/// Appends turns and edits metadata on a SQLite store, safely beside other writer processes.
///
/// Every write is one `BEGIN IMMEDIATE` transaction that ends with its change-feed row. The row's
/// `committed_at` is read from the clock just before that last INSERT, so between the stamp and
/// the moment readers can see the commit there are only that INSERT and COMMIT. Lock waits are
/// handled by `BusyRetryPolicy`, which counts them.
///
/// Not `Sendable`: it uses the store's connection, on one thread at a time.
public final class SQLiteLiveWriter: TurnWriter, ConversationEditor {
    let store: SQLiteStore
    var connection: Connection { store.connection }
    let busyPolicy: BusyRetryPolicy
    let retention: ChangeFeedRetention
    var uids = UIDGenerator()
    let processID = Int32(getpid())
    public internal(set) var writeStatistics = WriteStatistics()

    /// Runs inside each write transaction just before COMMIT. Fault-injection tests use it to
    /// stop a writer while it holds the write lock.
    public var beforeCommit: (() -> Void)?

    /// - Parameters:
    ///   - maximumBusyWait: how long one write waits for other writers before it fails with
    ///     `LiveWriteError.busyTimeout`.
    public init(store: SQLiteStore, maximumBusyWait: Duration = .seconds(10), retention: ChangeFeedRetention = .standard) {
        self.store = store
        self.retention = retention
        busyPolicy = BusyRetryPolicy(maximumWait: maximumBusyWait)
        busyPolicy.install(on: store.connection)
    }

    deinit {
        BusyRetryPolicy.uninstall(from: store.connection, restoringTimeoutMilliseconds: 5_000)
    }

    // MARK: Transactions

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction and commits it, counting busy retries.
    /// `body` receives the retries so far, for its change-feed row.
    func inWriteTransaction<T>(_ body: (_ busyRetries: Int) throws -> T) throws -> (value: T, busyRetries: Int) {
        busyPolicy.resetTransactionCount()
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch let error as SQLiteError where error.isBusy {
            writeStatistics.busyRetries += busyPolicy.retriesInTransaction
            throw LiveWriteError.busyTimeout(retries: busyPolicy.retriesInTransaction, milliseconds: busyPolicy.lastWaitMilliseconds)
        }

        do {
            let value = try body(busyPolicy.retriesInTransaction)
            beforeCommit?()
            try connection.execute("COMMIT")
            writeStatistics.transactions += 1
            writeStatistics.busyRetries += busyPolicy.retriesInTransaction
            return (value, busyPolicy.retriesInTransaction)
        } catch {
            connection.rollbackIgnoringErrors()
            writeStatistics.busyRetries += busyPolicy.retriesInTransaction
            throw error
        }
    }

    /// Inserts one change-feed row stamped with the current time and returns its sequence. Call
    /// it as the last statement of the transaction.
    func recordChange(
        _ kind: ChangeKind, userID: Int64?, conversationID: Int64?, turnID: Int64? = nil, version: Int64? = nil,
        busyRetries: Int, conflict: String? = nil
    ) throws -> Int64 {
        try retention.prune(connection, rowsAdded: 1)
        try connection.run(
            """
            INSERT INTO changes (committed_at, kind, user_id, conversation_id, turn_id, version, busy_retries, conflict, writer_pid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Date().timeIntervalSince1970, kind.rawValue, userID, conversationID, turnID, version, busyRetries, conflict,
            Int64(processID))
        return connection.lastInsertRowID
    }

    // MARK: Conversations

    public func startConversation(_ request: NewConversation) throws -> StartedConversation {
        let (started, retries) = try inWriteTransaction { retries -> StartedConversation in
            let userID = try resolveUser(named: request.userName)
            let uid = uids.next()
            let now = Date().timeIntervalSince1970
            try connection.run(
                """
                INSERT INTO conversations (uid, user_id, source, source_id, title, model, created_at, updated_at,
                    turn_count, content_hash, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 1)
                """,
                uid, userID, request.source, uid, request.title, request.model, now, now)
            let conversationID = connection.lastInsertRowID
            _ = try recordChange(.conversationCreated, userID: userID, conversationID: conversationID, version: 1, busyRetries: retries)
            return StartedConversation(conversationID: conversationID, userID: userID, busyRetries: retries)
        }
        return StartedConversation(conversationID: started.conversationID, userID: started.userID, busyRetries: retries)
    }

    private func resolveUser(named name: String) throws -> Int64 {
        if let existing = try connection.scalarInt("SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 1", [name]) {
            return existing
        }
        try connection.run(
            "INSERT INTO users (uid, name, created_at) VALUES (?, ?, ?)", uids.next(), name, Date().timeIntervalSince1970)
        return connection.lastInsertRowID
    }

    public func tip(ofConversation conversationID: Int64) throws -> Int64? {
        try connection.scalarInt(
            """
            SELECT id FROM turns WHERE conversation_id = ? AND on_default_thread = 1
            ORDER BY position DESC, branch_index, id LIMIT 1
            """,
            [conversationID])
    }
}

extension SQLiteStore {
    /// Makes a writer for live appends and metadata edits on this store's connection. While the
    /// writer exists it replaces the connection's busy timeout by its own retry policy.
    public func makeLiveWriter(maximumBusyWait: Duration = .seconds(10)) -> SQLiteLiveWriter {
        SQLiteLiveWriter(store: self, maximumBusyWait: maximumBusyWait)
    }
}
