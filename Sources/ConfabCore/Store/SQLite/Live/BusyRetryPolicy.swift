import CSQLite
import Foundation

/// Waits for a locked store with bounded, jittered exponential backoff, and counts the retries.
///
/// Installed as the connection's `sqlite3_busy_handler`, so it covers `BEGIN IMMEDIATE` and every
/// other statement that meets a lock. SQLite's own `busy_timeout` handler sleeps at least 1 ms
/// per retry on Linux, which alone would exceed a few-millisecond sync-latency target, so the
/// first retries here wait 50 µs and the delay doubles up to `maximumDelay`. Each wait gives up
/// after `maximumWait`, and the statement then fails with SQLITE_BUSY.
final class BusyRetryPolicy {
    let maximumWait: Duration
    let initialDelay: Duration
    let maximumDelay: Duration

    /// Retries since the counter was last reset; the writer resets it for every transaction.
    private(set) var retriesInTransaction = 0
    private(set) var totalRetries = 0
    private var waitStartedAt: ContinuousClock.Instant?
    private var random = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))

    init(maximumWait: Duration = .seconds(10), initialDelay: Duration = .microseconds(50), maximumDelay: Duration = .milliseconds(20)) {
        self.maximumWait = maximumWait
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    func resetTransactionCount() {
        retriesInTransaction = 0
    }

    /// Decides whether SQLite should try again after its `attempt`-th failure (0 first) to get a
    /// lock, sleeping before it returns true.
    func shouldRetry(attempt: Int32) -> Bool {
        let now = ContinuousClock.now
        if attempt == 0 || waitStartedAt == nil {
            waitStartedAt = now
        }
        guard let started = waitStartedAt, now - started < maximumWait else {
            return false
        }

        retriesInTransaction += 1
        totalRetries += 1
        let exponent = min(Int(attempt), 16)
        let ceiling = min(maximumDelay, initialDelay * (1 << exponent))
        // Full jitter between half and all of the ceiling keeps waiting writers from waking together.
        let fraction = 0.5 + Double(random.next() >> 11) / Double(1 << 53) / 2
        let microseconds = max(1, Int((ceiling * fraction) / .microseconds(1)))
        usleep(UInt32(microseconds))
        return true
    }

    /// Milliseconds spent in the current or last wait, for the timeout error.
    var lastWaitMilliseconds: Int {
        guard let waitStartedAt else { return 0 }
        return Int((ContinuousClock.now - waitStartedAt) / .milliseconds(1))
    }

    /// Makes SQLite call this policy when `connection` meets a lock. The caller keeps the policy
    /// alive for as long as it is installed, and calls `uninstall` before releasing it.
    func install(on connection: Connection) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_busy_handler(connection.handle, { context, attempt in
            guard let context else { return 0 }
            let policy = Unmanaged<BusyRetryPolicy>.fromOpaque(context).takeUnretainedValue()
            return policy.shouldRetry(attempt: attempt) ? 1 : 0
        }, context)
    }

    /// Puts back SQLite's timeout-based handler with `milliseconds`.
    static func uninstall(from connection: Connection, restoringTimeoutMilliseconds milliseconds: Int32) {
        connection.setBusyTimeout(milliseconds: milliseconds)
    }
}
