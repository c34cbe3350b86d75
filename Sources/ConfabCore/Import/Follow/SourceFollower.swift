import Foundation

/// Keeps a Confab store in step with one live source: an `llm` logs.db, an Open WebUI webui.db or
/// a folder of JSONL files.
///
/// Each `poll` checks whether the source changed (see `SourceChangeDetector`) and, when it did,
/// imports the changed files again. Imports write only new and changed conversations, because
/// the import writer skips a conversation whose content hash is already stored, and the change
/// feed gets a row for each one written.
/// TODO: the importers read the whole source file on every change; reading only the changed
/// conversations needs importer entry points that take conversation ids or a watermark.
public final class SourceFollower {
    public let url: URL
    private let detector: SourceChangeDetector
    private let session: ImportSession
    private let registry: any FollowRegistry
    private var state: FollowedSource

    /// Outcome of one poll that found changes.
    public struct Sync: Sendable, Equatable {
        public var files: [String]
        public var newConversations: Int
        public var updatedConversations: Int
        /// Seconds from the last poll that found the source unchanged to the store's commit: an
        /// upper bound of the time from the source's commit to the change being visible in Confab.
        public var lagSeconds: Double
        public var problems: [String]
        /// True for the first poll, which imports the whole source; its lagSeconds is the time
        /// the import took, not the lag of a change.
        public var isInitialImport = false
    }

    public init(url: URL, store: SQLiteStore) throws {
        self.url = url.standardizedFileURL
        detector = try SourceChangeDetector(url: self.url)
        session = ImportSession(store: store)
        registry = store
        let format = detector.isFolder ? "jsonl-folder" : (try? session.detectImporter(for: self.url).format.rawValue) ?? "unknown"
        state = FollowedSource(path: self.url.path, format: format, followerProcessID: getpid())
        if !detector.isFolder && format == "unknown" {
            throw ImportFailure.unknownFormat(file: self.url.path, tried: ImportSession.importers.map { $0.format })
        }
    }

    public var format: String { state.format }

    /// Imports what changed since the last poll; nil when nothing did. The first poll imports
    /// the whole source.
    public func poll(now: Date = Date()) throws -> Sync? {
        let polledAt = Date()
        let files = try detector.changedFiles()
        guard !files.isEmpty else {
            lastQuietPollAt = polledAt
            try heartbeat(now: now)
            return nil
        }

        // The first poll imports the whole source: that is catching up, not the lag of a change.
        let isInitialImport = lastQuietPollAt == nil
        let noticed = lastQuietPollAt ?? polledAt
        var sync = Sync(files: files.map(\.path), newConversations: 0, updatedConversations: 0, lagSeconds: 0, problems: [],
                        isInitialImport: isInitialImport)
        for file in files {
            do {
                let report = try session.run(file)
                sync.newConversations += report.summary.newConversations
                sync.updatedConversations += report.summary.updatedConversations
                sync.problems += report.summary.skipped.map(\.description)
            } catch {
                sync.problems.append("\(file.path): \(error)")
            }
        }
        let synced = Date()
        sync.lagSeconds = synced.timeIntervalSince(noticed)

        state.lastChangeSeenAt = noticed
        state.lastSyncedAt = synced
        if !isInitialImport {
            state.lastLagSeconds = sync.lagSeconds
        }
        state.conversationsSynced += sync.newConversations + sync.updatedConversations
        state.lastError = sync.problems.first
        state.heartbeatAt = synced
        try registry.recordFollowedSource(state)
        lastHeartbeat = synced
        lastQuietPollAt = synced
        return sync
    }

    private var lastHeartbeat: Date?
    private var lastQuietPollAt: Date?

    /// Records that the follower is alive every few seconds, so the dashboard can tell a quiet
    /// source from a stopped follower.
    private func heartbeat(now: Date) throws {
        if let lastHeartbeat, now.timeIntervalSince(lastHeartbeat) < 2 { return }
        state.heartbeatAt = now
        try registry.recordFollowedSource(state)
        lastHeartbeat = now
    }
}
