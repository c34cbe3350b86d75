import Foundation
import Synchronization

/// Measures sync latency: the time from a writer's commit to the moment this process can read
/// the change.
///
/// A background thread owns a change-feed connection. It sleeps on `CommitSignal` (inotify on
/// the store's folder) and polls `PRAGMA data_version` at least every `fallbackPollInterval`.
/// The WAL is written before its commit becomes visible, so after a wake-up that found no new
/// commit it looks again every `recheckInterval` for up to `recheckWindow`. When the
/// counter moved it reads the feed after its cursor, and each change's latency is the wall clock
/// at that moment minus the change's `committed_at`. The figure therefore includes the writer's
/// last INSERT and COMMIT, the wake-up or poll delay and the feed query, and both ends read
/// the same system clock (CLOCK_REALTIME).
public final class SyncLatencyMonitor: Sendable {
    public struct Options: Sendable {
        /// Poll interval when no file event arrives, and the only one without inotify.
        public var fallbackPollInterval: Duration = .milliseconds(100)
        /// Poll interval when inotify is unavailable.
        public var pollIntervalWithoutSignal: Duration = .milliseconds(1)
        public var recheckInterval: Duration = .microseconds(250)
        /// How long to keep looking after a wake-up that found no new commit. A commit becomes
        /// visible microseconds after its last WAL write, and every write sends a new event, so a
        /// short window suffices. A longer one spends CPU on the events of frames already read.
        public var recheckWindow: Duration = .milliseconds(2)
        /// The shortest time between two reads of the feed. Under a steady stream of commits the
        /// watcher then reads at most once a millisecond, as a 1 ms poller would, several commits
        /// at a time instead of waking for each one. It adds at most this much latency.
        public var minimumReadInterval: Duration = .milliseconds(1)
        public var useFileEvents = true

        public init() {}
    }

    /// The figures at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Latency percentiles over the last minute, in milliseconds.
        public var lastMinute = LatencySummary.empty
        /// The p99 of each of the last 60 seconds, oldest first; nil for a second without samples.
        public var history: [Double?] = []
        /// Samples of the last minute between `histogramBounds`.
        public var histogram: [Int] = []
        public var commitsPerSecond = 0.0
        public var turnsPerSecond = 0.0
        /// Busy retries and conflicts of the commits of the last minute.
        public var busyRetries = 0
        public var conflicts = 0
        /// Since the monitor started.
        public var totalCommits = 0
        public var totalChanges = 0
        public var totalLatency = LatencySummary.empty
        public var elapsedSeconds = 0.0
        /// Times the feed was pruned past the monitor's cursor, so changes were missed.
        public var missedBatches = 0
        public var usesFileEvents = false
        /// True once the watcher's connection is open: commits from then on are measured.
        public var isWatching = false
        public var lastError: String?

        public init() {}
    }

    /// Histogram interval bounds in milliseconds: [0,1), [1,2), … [500, ∞).
    public static let histogramBounds: [Double] = [1, 2, 5, 10, 20, 50, 100, 500]
    /// Seconds over which commits/s and turns/s are averaged.
    public static let rateSeconds = 5

    private struct State {
        var window = SyncWindow()
        var total = LatencyHistogram()
        var totalCommits = 0
        var totalChanges = 0
        var missedBatches = 0
        var usesFileEvents = false
        var isWatching = false
        var lastError: String?
        var isStopped = false
        var startedAt = Date()
    }

    private let state = Mutex(State())
    private let databasePath: String
    private let options: Options
    private let openFeed: @Sendable () throws -> any ChangeFeed

    public init(databasePath: String, options: Options = Options(), openFeed: @escaping @Sendable () throws -> any ChangeFeed) {
        self.databasePath = databasePath
        self.options = options
        self.openFeed = openFeed
    }

    /// Starts the watching thread. Changes committed before this call are not measured.
    public func start() {
        state.withLock { $0.startedAt = Date() }
        let thread = Thread { [self] in
            self.watch()
        }
        thread.name = "confab.sync-latency"
        thread.start()
    }

    public func stop() {
        state.withLock { $0.isStopped = true }
    }

    public func snapshot(now: Date = Date()) -> Snapshot {
        state.withLock { state in
            let second = Int(now.timeIntervalSince1970)
            state.window.advance(to: second)
            var snapshot = Snapshot()
            let minute = state.window.latency(since: second - SyncWindow.seconds + 1)
            snapshot.lastMinute = minute.summary
            snapshot.histogram = minute.counts(between: SyncLatencyMonitor.histogramBounds)
            snapshot.history = (0..<SyncWindow.seconds).map { offset in
                let start = second - SyncWindow.seconds + 1 + offset
                guard let slot = state.window.slots.first(where: { $0.start == start }), slot.latency.samples > 0 else { return nil }
                return slot.latency.percentile(99)
            }

            // Rates over the last complete seconds, or over the time watched when that is shorter.
            let elapsed = now.timeIntervalSince(state.startedAt)
            let span = Double(min(SyncLatencyMonitor.rateSeconds, max(1, Int(elapsed))))
            let rateStart = second - Int(span)
            snapshot.commitsPerSecond = Double(state.window.slots.filter { $0.start >= rateStart && $0.start < second }.reduce(0) { $0 + $1.commits }) / span
            snapshot.turnsPerSecond = Double(state.window.slots.filter { $0.start >= rateStart && $0.start < second }.reduce(0) { $0 + $1.turns }) / span
            snapshot.busyRetries = state.window.total(since: second - SyncWindow.seconds + 1, \.busyRetries)
            snapshot.conflicts = state.window.total(since: second - SyncWindow.seconds + 1, \.conflicts)
            snapshot.totalCommits = state.totalCommits
            snapshot.totalChanges = state.totalChanges
            snapshot.totalLatency = state.total.summary
            snapshot.elapsedSeconds = elapsed
            snapshot.missedBatches = state.missedBatches
            snapshot.usesFileEvents = state.usesFileEvents
            snapshot.isWatching = state.isWatching
            snapshot.lastError = state.lastError
            return snapshot
        }
    }

    // MARK: The watching thread

    private var isStopped: Bool { state.withLock { $0.isStopped } }

    private func watch() {
        var feed: (any ChangeFeed)?
        var cursor: Int64 = 0
        var counter: Int64 = 0
        let signal = options.useFileEvents ? CommitSignal(databasePath: databasePath) : nil
        state.withLock { $0.usesFileEvents = signal != nil }
        var lastCommittedAt = 0.0
        var lastReadAt = ContinuousClock.now

        while !isStopped {
            do {
                if feed == nil {
                    let opened = try openFeed()
                    cursor = try opened.latestChangeSequence()
                    counter = try opened.changeCounter()
                    feed = opened
                    state.withLock { $0.isWatching = true }
                }
                guard let feed else { continue }

                let sinceRead = ContinuousClock.now - lastReadAt
                if sinceRead < options.minimumReadInterval {
                    Thread.sleep(forTimeInterval: Double((options.minimumReadInterval - sinceRead) / .nanoseconds(1)) / 1e9)
                }
                let woke = signal?.wait(timeout: options.fallbackPollInterval) ?? sleepThenPoll()
                var current = try feed.changeCounter()
                if current == counter && woke {
                    let deadline = ContinuousClock.now + options.recheckWindow
                    while current == counter && ContinuousClock.now < deadline && !isStopped {
                        Thread.sleep(forTimeInterval: Double(options.recheckInterval / .microseconds(1)) / 1e6)
                        current = try feed.changeCounter()
                    }
                }
                guard current != counter else { continue }
                counter = current
                cursor = try drain(feed, after: cursor, lastCommittedAt: &lastCommittedAt)
                lastReadAt = .now
                state.withLock { $0.lastError = nil }
            } catch {
                state.withLock {
                    $0.lastError = "\(error)"
                    $0.isWatching = false
                }
                feed = nil
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    private func sleepThenPoll() -> Bool {
        Thread.sleep(forTimeInterval: Double(options.pollIntervalWithoutSignal / .microseconds(1)) / 1e6)
        return false
    }

    /// Reads every change after `cursor`, records its latency, and returns the new cursor.
    private func drain(_ feed: any ChangeFeed, after cursor: Int64, lastCommittedAt: inout Double) throws -> Int64 {
        var cursor = cursor
        while true {
            let batch = try feed.changes(after: cursor, limit: 2_000)
            let now = Date().timeIntervalSince1970
            let second = Int(now)
            var commits = 0
            state.withLock { state in
                if batch.isTruncated {
                    state.missedBatches += 1
                }
                for change in batch.changes {
                    let milliseconds = max(0, (now - change.committedAt) * 1000)
                    let isNewCommit = change.committedAt != lastCommittedAt
                    lastCommittedAt = change.committedAt
                    if isNewCommit {
                        commits += 1
                    }
                    state.window.record(milliseconds: milliseconds, second: second, isNewCommit: isNewCommit, change: change)
                    state.total.record(milliseconds: milliseconds)
                }
                state.totalCommits += commits
                state.totalChanges += batch.changes.count
            }
            cursor = batch.cursor
            if batch.changes.count < 2_000 {
                return cursor
            }
        }
    }
}
