import Synchronization

/// The result of a background job.
public enum WorkOutcome<Value> {
    case success(Value)
    case failure(any Error)
    /// The job was cancelled before it ran, or while it ran; its result, if any, is dropped.
    case cancelled
}

extension WorkOutcome: Sendable where Value: Sendable {}

/// Carries job results from worker threads to the UI thread.
///
/// Workers `post`; the event loop wakes, and `takeAll` hands the results to the UI thread in
/// the order they were posted.
final class Mailbox: Sendable {
    struct Delivery: Sendable {
        var jobID: UInt64
        var outcome: WorkOutcome<any Sendable>
    }

    let wakePipe: WakePipe
    private let deliveries = Mutex<[Delivery]>([])

    init() throws(ConsoleError) {
        wakePipe = try WakePipe()
    }

    func post(_ delivery: Delivery) {
        deliveries.withLock { $0.append(delivery) }
        wakePipe.wake()
    }

    func takeAll() -> [Delivery] {
        wakePipe.drain()
        return deliveries.withLock { pending in
            let taken = pending
            pending.removeAll()
            return taken
        }
    }
}
