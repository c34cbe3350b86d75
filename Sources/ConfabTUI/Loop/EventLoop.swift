import ConfabCore
import CNcursesw
import Glibc

/// The UI thread's loop: it waits in `poll(2)` for terminal input, signals, worker results and
/// timers, and hands each to the console.
///
/// Not `Sendable`: it lives on the thread that owns the terminal. Only `mailbox` is shared
/// with worker threads.
public final class EventLoop {
    let mailbox: Mailbox
    let timers = TimerQueue()
    private var completions: [UInt64: (UInt64, WorkOutcome<any Sendable>) -> Void] = [:]
    private var nextJobID: UInt64 = 1

    /// True after a worker result was delivered, until the next frame is drawn.
    private(set) var deliveredResults = false

    public init() throws(ConsoleError) {
        mailbox = try Mailbox()
    }

    /// Makes a worker whose results this loop delivers.
    public func makeWorker<Resource>(
        label: String,
        interruptHandle: (@Sendable (Resource) -> InterruptHandle?)? = nil,
        open: @escaping @Sendable () throws -> Resource
    ) -> Worker<Resource> {
        Worker(label: label, loop: self, open: open, interruptHandle: interruptHandle)
    }

    func registerCompletion(_ completion: @escaping (UInt64, WorkOutcome<any Sendable>) -> Void) -> WorkTicket {
        let id = nextJobID
        nextJobID += 1
        completions[id] = completion
        return WorkTicket(id: id, job: WorkerJob())
    }

    /// Runs the completions of every result that has arrived. Returns how many ran.
    @discardableResult
    func deliverResults() -> Int {
        let deliveries = mailbox.takeAll()
        for delivery in deliveries {
            let completion = completions.removeValue(forKey: delivery.jobID)
            completion?(delivery.jobID, delivery.outcome)
        }
        if !deliveries.isEmpty {
            deliveredResults = true
        }
        return deliveries.count
    }

    func clearDeliveredResults() {
        deliveredResults = false
    }

    /// The number of jobs whose completion has not run yet.
    var pendingJobCount: Int { completions.count }

    /// Waits until a worker result arrives or `timeout` passes, then delivers the results.
    /// For tests and for code without a terminal; the console's loop polls the terminal too.
    @discardableResult
    public func waitForResults(timeout: Duration) -> Int {
        var descriptors = [pollfd(fd: mailbox.wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)]
        _ = poll(&descriptors, 1, EventLoop.milliseconds(timeout))
        return deliverResults()
    }

    // MARK: Waiting

    struct Readiness {
        var input = false
        /// The terminal hung up: input will never come again.
        var hungUp = false
        var signals = false
        var results = false
    }

    /// Blocks until input, a signal byte or a result is ready, or the next timer is due.
    func wait(inputDescriptor: Int32, signalDescriptor: Int32) -> Readiness {
        var descriptors = [
            pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = timers.timeUntilNextDeadline().map(EventLoop.milliseconds) ?? -1
        let count = poll(&descriptors, nfds_t(descriptors.count), timeout)
        guard count > 0 else {
            // A timeout, or EINTR from a signal whose byte the next poll will see.
            return Readiness()
        }

        let ready = Int16(POLLIN | POLLHUP | POLLERR)
        return Readiness(
            input: descriptors[0].revents & ready != 0,
            hungUp: descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0,
            signals: descriptors[1].revents & ready != 0,
            results: descriptors[2].revents & ready != 0
        )
    }

    /// `duration` in whole milliseconds, rounded up so that a timer is never woken early.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
