extension SQLiteStore {
    public func search(_ request: SearchRequest, cancellation: SearchCancellation?) throws -> SearchPage {
        let guardian = cancellation.map { SQLiteCancellationGuard(connection: connection, cancellation: $0) }
        defer { withExtendedLifetime(guardian) {} }
        do {
            return try SQLiteSearch(connection: connection, request: request, cancellation: cancellation).run()
        } catch let error as SQLiteError where error.isInterrupted {
            throw SearchError.cancelled
        }
    }
}
