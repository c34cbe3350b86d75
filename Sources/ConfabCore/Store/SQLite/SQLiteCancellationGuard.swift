import CSQLite

/// Makes a connection's statements stop with SQLITE_INTERRUPT once a `SearchCancellation` is
/// cancelled, through a progress handler that polls the token.
///
/// Unlike `sqlite3_interrupt`, which stops whatever runs on the connection at that moment, the
/// handler is tied to one token, so a late cancel of an old search cannot stop the next one.
final class SQLiteCancellationGuard {
    private let connection: Connection
    private let token: Unmanaged<SearchCancellation>

    /// SQLite virtual machine instructions between two polls: a few microseconds of work.
    private static let instructionsPerPoll: Int32 = 1_000

    init(connection: Connection, cancellation: SearchCancellation) {
        self.connection = connection
        token = Unmanaged.passRetained(cancellation)
        sqlite3_progress_handler(connection.handle, SQLiteCancellationGuard.instructionsPerPoll, { context in
            guard let context else { return 0 }
            let cancellation = Unmanaged<SearchCancellation>.fromOpaque(context).takeUnretainedValue()
            return cancellation.isCancelled ? 1 : 0
        }, token.toOpaque())
    }

    deinit {
        sqlite3_progress_handler(connection.handle, 0, nil, nil)
        token.release()
    }
}
