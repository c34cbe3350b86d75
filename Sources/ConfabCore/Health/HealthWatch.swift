import Foundation

/// Samples a store's health for a while: sync latency from a `SyncLatencyMonitor`, and the cheap
/// figures with WAL pinning from a probe, timing the probe's own queries.
///
/// Not `Sendable`: the probe is used on the caller's thread; the monitor runs on its own.
public final class HealthWatch {
    public let monitor: SyncLatencyMonitor
    private let probe: any HealthProbe
    private var pinDetector: WALPinDetector
    private var queryLatency = LatencyHistogram()
    public private(set) var latestFigures: StoreFigures?
    public private(set) var latestVerdict: WALPinDetector.Verdict?

    public init(probe: any HealthProbe, monitor: SyncLatencyMonitor, pinDetector: WALPinDetector = WALPinDetector()) {
        self.probe = probe
        self.monitor = monitor
        self.pinDetector = pinDetector
    }

    /// Reads the cheap figures once and feeds the pin detector.
    @discardableResult
    public func sample(now: Date = Date()) throws -> StoreFigures {
        let started = ContinuousClock.now
        let figures = try probe.figures()
        queryLatency.record(milliseconds: Double((ContinuousClock.now - started) / .nanoseconds(1)) / 1e6)
        latestFigures = figures
        if let wal = figures.wal {
            latestVerdict = pinDetector.observe(wal, at: now)
        }
        return figures
    }

    /// Latency of this watch's own figure queries since it started.
    public var probeLatency: LatencySummary { queryLatency.summary }
}
