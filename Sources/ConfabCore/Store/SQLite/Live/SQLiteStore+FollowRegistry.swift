import Foundation

extension SQLiteStore: FollowRegistry {
    public func followedSources() throws -> [FollowedSource] {
        try connection.query(
            """
            SELECT path, format, last_change_seen_at, last_synced_at, last_lag_seconds, conversations_synced, last_error,
                follower_pid, heartbeat_at
            FROM followed_sources ORDER BY path
            """
        ) { row in
            FollowedSource(
                path: row.string(0), format: row.string(1),
                lastChangeSeenAt: row.optionalDouble(2).map(Date.init(timeIntervalSince1970:)),
                lastSyncedAt: row.optionalDouble(3).map(Date.init(timeIntervalSince1970:)),
                lastLagSeconds: row.optionalDouble(4), conversationsSynced: row.int(5), lastError: row.optionalString(6),
                followerProcessID: row.optionalInt(7).map { Int32(truncatingIfNeeded: $0) },
                heartbeatAt: row.optionalDouble(8).map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func recordFollowedSource(_ source: FollowedSource) throws {
        try connection.writeTransaction {
            try connection.run(
                """
                INSERT OR REPLACE INTO followed_sources (path, format, last_change_seen_at, last_synced_at, last_lag_seconds,
                    conversations_synced, last_error, follower_pid, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                source.path, source.format, source.lastChangeSeenAt?.timeIntervalSince1970, source.lastSyncedAt?.timeIntervalSince1970,
                source.lastLagSeconds, source.conversationsSynced, source.lastError, source.followerProcessID.map(Int64.init),
                source.heartbeatAt?.timeIntervalSince1970)
        }
    }
}
