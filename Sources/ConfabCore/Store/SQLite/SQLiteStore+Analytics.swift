extension SQLiteStore: AnalyticsStore {
    public func analytics(_ request: AnalyticsRequest, cancellation: SearchCancellation?) throws -> AnalyticsReport {
        let guardian = cancellation.map { SQLiteCancellationGuard(connection: connection, cancellation: $0) }
        defer { withExtendedLifetime(guardian) {} }
        do {
            return try SQLiteAnalytics(connection: connection, request: request, cancellation: cancellation).run()
        } catch let error as SQLiteError where error.isInterrupted {
            throw SearchError.cancelled
        }
    }

    /// Reads the newest `updated_at` through the `conversations_activity` index.
    public func latestActivityDay() throws -> Int? {
        let seconds = try connection.queryFirst("SELECT max(updated_at) FROM conversations") { $0.optionalDouble(0) } ?? nil
        return seconds.map { CivilDate.floorDivide(Int($0.rounded(.down)), CivilDate.secondsPerDay) }
    }

    /// Recomputes the summary rows of `conversationIDs` inside the open transaction, or in a
    /// write transaction of its own when none is open.
    public func refreshAggregates(conversationIDs: [Int64]) throws {
        if connection.isInTransaction {
            try AnalyticsAggregates.refresh(conversationIDs: conversationIDs, in: connection)
        } else {
            try connection.writeTransaction {
                try AnalyticsAggregates.refresh(conversationIDs: conversationIDs, in: connection)
            }
        }
    }

    /// Refreshes every conversation that a trigger queued: what other SQLite clients wrote.
    public func refreshPendingAggregates() throws {
        try connection.writeTransaction {
            try AnalyticsAggregates.refreshPending(in: connection)
        }
    }

    public func rebuildAggregates() throws {
        try connection.writeTransaction {
            try AnalyticsAggregates.rebuild(connection)
        }
    }

    public func checkAggregates() throws -> AggregateCheck {
        try AnalyticsAggregates.check(connection)
    }
}
