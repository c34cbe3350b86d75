/// Identifies a scheduled timer, for cancelling it.
public struct TimerToken: Hashable, Sendable {
    let id: UInt64
}

/// Timers of the event loop. They run on the UI thread between polls, never early, and late by
/// as much as the UI thread is busy.
final class TimerQueue {
    private struct Entry {
        var token: TimerToken
        var deadline: ContinuousClock.Instant
        var interval: Duration?
        var handler: () -> Void
    }

    private var entries: [Entry] = []
    private var nextID: UInt64 = 1
    private let clock = ContinuousClock()

    var now: ContinuousClock.Instant { clock.now }

    /// Runs `handler` after `delay`, and then every `interval` if one is given.
    @discardableResult
    func schedule(after delay: Duration, repeating interval: Duration? = nil, _ handler: @escaping () -> Void) -> TimerToken {
        let token = TimerToken(id: nextID)
        nextID += 1
        entries.append(Entry(token: token, deadline: clock.now.advanced(by: delay), interval: interval, handler: handler))
        return token
    }

    func cancel(_ token: TimerToken) {
        entries.removeAll { $0.token == token }
    }

    /// Returns the time until the next timer is due: zero when one is overdue, nil when none
    /// is scheduled.
    func timeUntilNextDeadline() -> Duration? {
        guard let deadline = entries.map(\.deadline).min() else { return nil }
        return max(.zero, deadline - clock.now)
    }

    /// Runs the handlers of every timer that is due. A repeating timer is rescheduled from its
    /// previous deadline, skipping the ticks it missed. A timer that a handler cancels does not run.
    func fireDueTimers() {
        let now = clock.now
        let dueTokens = entries.filter { $0.deadline <= now }.map(\.token)

        for token in dueTokens {
            guard let index = entries.firstIndex(where: { $0.token == token }) else { continue }
            let entry = entries[index]
            if let interval = entry.interval {
                var next = entry.deadline.advanced(by: interval)
                while next <= now {
                    next = next.advanced(by: interval)
                }
                entries[index].deadline = next
            } else {
                entries.remove(at: index)
            }
            entry.handler()
        }
    }
}
