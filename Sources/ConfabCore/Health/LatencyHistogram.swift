import Foundation

/// Counts latency samples in logarithmic buckets, so percentiles over many samples are cheap.
///
/// Bucket `i` counts samples from `minimum × ratio^i` up to the next bound; with a ratio of 1.05
/// a percentile read from the buckets is within 5 % of the exact sample. Samples below
/// `minimum` (10 µs) land in bucket 0, samples above 10 s in the last bucket. The exact maximum
/// is kept besides.
public struct LatencyHistogram: Sendable, Equatable {
    static let minimumMilliseconds = 0.01
    static let ratio = 1.05
    static let bucketCount = 284

    private(set) var counts = [Int](repeating: 0, count: bucketCount)
    public private(set) var samples = 0
    public private(set) var maximum = 0.0

    public init() {}

    public mutating func record(milliseconds: Double) {
        let value = max(0, milliseconds)
        counts[LatencyHistogram.bucket(for: value)] += 1
        samples += 1
        maximum = max(maximum, value)
    }

    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices {
            counts[index] += other.counts[index]
        }
        samples += other.samples
        maximum = max(maximum, other.maximum)
    }

    static func bucket(for milliseconds: Double) -> Int {
        guard milliseconds > minimumMilliseconds else { return 0 }
        let index = Int((log(milliseconds / minimumMilliseconds) / log(ratio)).rounded(.down)) + 1
        return min(bucketCount - 1, index)
    }

    /// Returns the upper bound of bucket `index`, in milliseconds.
    static func upperBound(of index: Int) -> Double {
        minimumMilliseconds * pow(ratio, Double(index))
    }

    /// Returns the nearest-rank percentile, as the upper bound of its bucket and never above the
    /// maximum.
    public func percentile(_ percent: Double) -> Double {
        guard samples > 0 else { return 0 }
        let rank = max(1, Int((percent / 100 * Double(samples)).rounded(.up)))
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if seen >= rank {
                return min(maximum, LatencyHistogram.upperBound(of: index))
            }
        }
        return maximum
    }

    public var summary: LatencySummary {
        LatencySummary(p50: percentile(50), p95: percentile(95), p99: percentile(99), max: maximum, samples: samples)
    }

    /// Sample counts between the given bounds in milliseconds: one count per interval
    /// `[bounds[i-1], bounds[i])`, starting with `[0, bounds[0])` and ending with `[bounds.last, ∞)`.
    public func counts(between bounds: [Double]) -> [Int] {
        var result = [Int](repeating: 0, count: bounds.count + 1)
        for (index, count) in counts.enumerated() where count > 0 {
            // A bucket's samples are below its upper bound, so they go where that bound falls.
            let upper = LatencyHistogram.upperBound(of: index)
            let slot = bounds.firstIndex { upper <= $0 * 1.000001 } ?? bounds.count
            result[slot] += count
        }
        return result
    }
}
