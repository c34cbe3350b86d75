extension SQLiteStore {
    public func search(_ request: SearchRequest, cancellation: SearchCancellation?) throws -> SearchPage {
        let guardian = cancellation.map { SQLiteCancellationGuard(connection: connection, cancellation: $0) }
        defer { withExtendedLifetime(guardian) {} }

        // One read transaction for the whole search, so its statements see one snapshot and take
        // the WAL read lock once instead of once per statement. In a perf profile of 3 ms
        // searches on the 1M-turn demo store, those fcntl locks took about a tenth of the time.
        let ownsTransaction = !connection.isInTransaction
        if ownsTransaction {
            try connection.execute("BEGIN DEFERRED")
        }
        do {
            let page = try SQLiteSearch(connection: connection, request: request, cancellation: cancellation).run()
            if ownsTransaction {
                try connection.execute("COMMIT")
            }
            return page
        } catch let error as SQLiteError where error.isInterrupted {
            if ownsTransaction {
                connection.rollbackIgnoringErrors()
            }
            throw SearchError.cancelled
        } catch {
            if ownsTransaction {
                connection.rollbackIgnoringErrors()
            }
            throw error
        }
    }
}
