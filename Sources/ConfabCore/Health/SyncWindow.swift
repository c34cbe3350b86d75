import Foundation

/// The sync-latency samples and commit counts of the last minute, kept per second.
struct SyncWindow {
    struct Second {
        var start: Int
        var latency = LatencyHistogram()
        var commits = 0
        var turns = 0
        var busyRetries = 0
        var conflicts = 0
    }

    static let seconds = 60
    private(set) var slots: [Second] = []

    /// Adds one change read `milliseconds` after its commit, at wall-clock second `second`.
    mutating func record(milliseconds: Double, second: Int, isNewCommit: Bool, change: ChangeRecord) {
        advance(to: second)
        var slot = slots[slots.count - 1]
        slot.latency.record(milliseconds: milliseconds)
        if isNewCommit {
            slot.commits += 1
            slot.busyRetries += change.busyRetries
        }
        if change.kind == .turnAppended {
            slot.turns += 1
        }
        if change.conflict != nil {
            slot.conflicts += 1
        }
        slots[slots.count - 1] = slot
    }

    /// Starts the slot for `second` and removes slots older than the window.
    mutating func advance(to second: Int) {
        if slots.last?.start != second {
            slots.append(Second(start: second))
        }
        slots.removeAll { $0.start <= second - SyncWindow.seconds }
    }

    func latency(since second: Int) -> LatencyHistogram {
        var merged = LatencyHistogram()
        for slot in slots where slot.start >= second {
            merged.merge(slot.latency)
        }
        return merged
    }

    func total(since second: Int, _ figure: (Second) -> Int) -> Int {
        slots.filter { $0.start >= second }.reduce(0) { $0 + figure($1) }
    }
}
