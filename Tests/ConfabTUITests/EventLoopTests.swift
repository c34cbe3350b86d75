import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Event loop and workers")
struct EventLoopTests {
    /// Delivers results until `condition` is true or five seconds pass.
    private func waitUntil(_ loop: EventLoop, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(5)
        while !condition(), Date() < deadline {
            loop.waitForResults(timeout: .milliseconds(50))
        }
    }

    @Test func resultsArriveInSubmissionOrder() throws {
        let loop = try EventLoop()
        let worker = loop.makeWorker(label: "order") { () -> [Int] in [] }
        var results: [Int] = []
        for value in 0..<20 {
            worker.submit({ _, _ in value }, completion: { outcome in
                if case .success(let value) = outcome {
                    results.append(value)
                }
            })
        }
        waitUntil(loop) { results.count == 20 }
        #expect(results == Array(0..<20))
        #expect(worker.pendingCount == 0)
    }

    @Test func resourceOpensOnceOnWorkerQueue() throws {
        let loop = try EventLoop()
        let opens = Counter()
        let worker = loop.makeWorker(label: "open") { () -> Counter in
            opens.increment()
            return Counter()
        }
        var done = 0
        for _ in 0..<5 {
            worker.submit({ counter, _ in counter.increment() }, completion: { _ in done += 1 })
        }
        waitUntil(loop) { done == 5 }
        #expect(opens.value == 1)
    }

    @Test func failedOpenIsReportedAndRetried() throws {
        let loop = try EventLoop()
        let attempts = Counter()
        let worker = loop.makeWorker(label: "retry") { () -> Int in
            attempts.increment()
            if attempts.value == 1 {
                throw ConsoleError.notATerminal
            }
            return 7
        }
        var outcomes: [String] = []
        worker.submit({ value, _ in value }, completion: { outcome in
            switch outcome {
            case .success(let value): outcomes.append("value \(value)")
            case .failure(let error): outcomes.append("error \(error)")
            case .cancelled: outcomes.append("cancelled")
            }
        })
        worker.submit({ value, _ in value }, completion: { outcome in
            if case .success(let value) = outcome {
                outcomes.append("value \(value)")
            }
        })
        waitUntil(loop) { outcomes.count == 2 }
        #expect(outcomes.count == 2)
        #expect(outcomes.first?.hasPrefix("error ") == true)
        #expect(outcomes.last == "value 7")
    }

    @Test func cancelledBeforeStartNeverRuns() throws {
        let loop = try EventLoop()
        let worker = loop.makeWorker(label: "cancel") { () -> Int in 0 }
        let gate = DispatchSemaphore(value: 0)
        let ran = Counter()
        var outcomes: [String] = []
        worker.submit({ _, _ in gate.wait() }, completion: { _ in outcomes.append("first") })
        let ticket = worker.submit({ _, _ in ran.increment() }, completion: { outcome in
            if case .cancelled = outcome {
                outcomes.append("cancelled")
            }
        })
        ticket.cancel()
        gate.signal()
        waitUntil(loop) { outcomes.count == 2 }
        #expect(outcomes == ["first", "cancelled"])
        #expect(ran.value == 0)
    }

    @Test func cancellingInterruptsRunningSQLiteQuery() throws {
        let loop = try EventLoop()
        let worker = loop.makeWorker(
            label: "sqlite",
            interruptHandle: { (connection: Connection) in connection.makeInterruptHandle() },
            open: { try Connection(path: ":memory:") }
        )
        let started = DispatchSemaphore(value: 0)
        var outcome: WorkOutcome<Int64?>?
        let ticket = worker.submit({ connection, _ in
            started.signal()
            // Counts to ten billion: minutes of work unless interrupted.
            return try connection.scalarInt("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n")
        }, completion: { outcome = $0 })

        #expect(started.wait(timeout: .now() + 5) == .success)
        Thread.sleep(forTimeInterval: 0.05)
        let cancelledAt = Date()
        ticket.cancel()
        waitUntil(loop) { outcome != nil }

        #expect(Date().timeIntervalSince(cancelledAt) < 2)
        if case .cancelled = outcome {
        } else {
            Issue.record("expected .cancelled, got \(String(describing: outcome))")
        }
    }

    @Test func jobCanRegisterItsOwnInterrupt() throws {
        let loop = try EventLoop()
        let worker = loop.makeWorker(label: "hook") { () -> Int in 0 }
        let started = DispatchSemaphore(value: 0)
        var outcome: WorkOutcome<Bool>?
        let ticket = worker.submit({ _, job in
            let stop = DispatchSemaphore(value: 0)
            job.onCancel { stop.signal() }
            started.signal()
            return stop.wait(timeout: .now() + 10) == .success
        }, completion: { outcome = $0 })

        #expect(started.wait(timeout: .now() + 5) == .success)
        ticket.cancel()
        waitUntil(loop) { outcome != nil }
        if case .cancelled = outcome {
        } else {
            Issue.record("expected .cancelled, got \(String(describing: outcome))")
        }
    }

    @Test func timersFireInOrderAndRepeat() throws {
        let timers = TimerQueue()
        var fired: [String] = []
        timers.schedule(after: .milliseconds(20)) { fired.append("late") }
        timers.schedule(after: .zero) { fired.append("now") }
        let repeating = timers.schedule(after: .zero, repeating: .milliseconds(5)) { fired.append("tick") }
        let cancelled = timers.schedule(after: .zero) { fired.append("cancelled") }
        timers.cancel(cancelled)

        timers.fireDueTimers()
        #expect(fired == ["now", "tick"])
        #expect(timers.timeUntilNextDeadline()! <= .milliseconds(5))

        Thread.sleep(forTimeInterval: 0.03)
        timers.fireDueTimers()
        #expect(fired == ["now", "tick", "late", "tick"])

        timers.cancel(repeating)
        #expect(timers.timeUntilNextDeadline() == nil)
    }

    @Test func timeoutRoundsUpToWholeMilliseconds() {
        #expect(EventLoop.milliseconds(.zero) == 0)
        #expect(EventLoop.milliseconds(.microseconds(1)) == 1)
        #expect(EventLoop.milliseconds(.milliseconds(25)) == 25)
        #expect(EventLoop.milliseconds(.seconds(2)) == 2000)
    }
}

/// A counter that worker threads and the test thread share.
final class Counter: Sendable {
    private let storage = Mutex(0)

    func increment() {
        storage.withLock { $0 += 1 }
    }

    var value: Int { storage.withLock { $0 } }
}

import Synchronization
