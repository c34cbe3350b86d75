/// Percentiles of a set of latency samples, in milliseconds.
public struct LatencySummary: Sendable, Equatable {
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double
    public var samples: Int

    public init(p50: Double, p95: Double, p99: Double, max: Double, samples: Int) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.samples = samples
    }

    public static let empty = LatencySummary(p50: 0, p95: 0, p99: 0, max: 0, samples: 0)

    /// Summarises `milliseconds` with nearest-rank percentiles: the p-th percentile is the
    /// smallest sample that at least p % of the samples do not exceed.
    public init(milliseconds: [Double]) {
        guard !milliseconds.isEmpty else {
            self = .empty
            return
        }
        let sorted = milliseconds.sorted()
        func rank(_ percent: Double) -> Double {
            let index = Int((percent / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        self.init(p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.count - 1], samples: sorted.count)
    }
}
