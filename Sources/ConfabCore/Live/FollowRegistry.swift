import Foundation

/// The state of one live source that `confab follow` keeps in step with the store.
public struct FollowedSource: Sendable, Equatable {
    public var path: String
    public var format: String
    public var lastChangeSeenAt: Date?
    public var lastSyncedAt: Date?
    /// Seconds from the source's commit, as far as follow can tell, to the store's commit.
    public var lastLagSeconds: Double?
    public var conversationsSynced: Int
    public var lastError: String?
    public var followerProcessID: Int32?
    /// When the follower last reported that it is alive.
    public var heartbeatAt: Date?

    public init(path: String, format: String, lastChangeSeenAt: Date? = nil, lastSyncedAt: Date? = nil, lastLagSeconds: Double? = nil,
                conversationsSynced: Int = 0, lastError: String? = nil, followerProcessID: Int32? = nil, heartbeatAt: Date? = nil) {
        self.path = path
        self.format = format
        self.lastChangeSeenAt = lastChangeSeenAt
        self.lastSyncedAt = lastSyncedAt
        self.lastLagSeconds = lastLagSeconds
        self.conversationsSynced = conversationsSynced
        self.lastError = lastError
        self.followerProcessID = followerProcessID
        self.heartbeatAt = heartbeatAt
    }

    /// True when the follower reported within `seconds`.
    public func isAlive(within seconds: Double = 10, now: Date = Date()) -> Bool {
        guard let heartbeatAt else { return false }
        return now.timeIntervalSince(heartbeatAt) <= seconds
    }
}

/// Records and lists the sources that followers keep in step with the store.
public protocol FollowRegistry: AnyObject {
    func followedSources() throws -> [FollowedSource]

    /// Stores the state of one source, replacing its previous state.
    func recordFollowedSource(_ source: FollowedSource) throws
}
