import ConfabCore
import Dispatch

/// Runs closures on a background serial queue that owns a resource, typically a store
/// connection, and delivers their results to the UI thread.
///
/// The resource is opened on the queue by the first job and used only there, so a connection
/// that is not `Sendable` is safe. Results arrive through the event loop, in submission order,
/// as calls of the completion closure on the UI thread; the console redraws after each.
///
/// ```swift
/// let worker = context.makeWorker(label: "browse") { try SQLiteStore(path: path, readOnly: true) }
/// let ticket = worker.submit({ store, job in
///     try store.users(after: nil, limit: 100)
/// }, completion: { outcome in ... })
/// ticket.cancel()   // Ctrl-C
/// ```
///
/// Not `Sendable`: create it, submit to it and cancel through it on the UI thread only.
public final class Worker<Resource> {
    private let queue: DispatchQueue
    private let storage: ResourceStorage<Resource>
    private let loop: EventLoop
    private let open: @Sendable () throws -> Resource
    private let interruptHandle: (@Sendable (Resource) -> InterruptHandle?)?
    private var activeTickets: [UInt64: WorkTicket] = [:]

    /// - Parameters:
    ///   - open: creates the resource; runs on the worker's queue before the first job, and again
    ///     after a failure until it succeeds.
    ///   - interruptHandle: the handle that cancelling a running job interrupts, made once
    ///     when the resource opens. Jobs can also register their own with `WorkerJob.onCancel`.
    init(label: String, loop: EventLoop, open: @escaping @Sendable () throws -> Resource, interruptHandle: (@Sendable (Resource) -> InterruptHandle?)? = nil) {
        self.queue = DispatchQueue(label: "confab.worker." + label)
        self.storage = ResourceStorage()
        self.loop = loop
        self.open = open
        self.interruptHandle = interruptHandle
    }

    deinit {
        cancelAll()
        let storage = storage
        queue.async {
            storage.close()
        }
    }

    /// Runs `work` on the worker's queue and passes its outcome to `completion` on the UI thread.
    @discardableResult
    public func submit<Value: Sendable>(
        _ work: @escaping @Sendable (Resource, WorkerJob) throws -> Value,
        completion: @escaping (WorkOutcome<Value>) -> Void
    ) -> WorkTicket {
        let ticket = loop.registerCompletion { [weak self] jobID, outcome in
            self?.activeTickets[jobID] = nil
            switch outcome {
            case .success(let value):
                // The worker posts exactly the value `work` returned, so the cast cannot fail.
                completion(.success(value as! Value))
            case .failure(let error):
                completion(.failure(error))
            case .cancelled:
                completion(.cancelled)
            }
        }
        activeTickets[ticket.id] = ticket

        let storage = storage
        let open = open
        let interruptHandle = interruptHandle
        let mailbox = loop.mailbox
        queue.async {
            let outcome = Worker.run(work, job: ticket.job, storage: storage, open: open, interruptHandle: interruptHandle)
            mailbox.post(Mailbox.Delivery(jobID: ticket.id, outcome: outcome))
        }
        return ticket
    }

    /// Cancels every job that has not delivered its outcome yet.
    public func cancelAll() {
        for ticket in activeTickets.values {
            ticket.cancel()
        }
    }

    /// The number of submitted jobs whose completion has not run yet.
    public var pendingCount: Int { activeTickets.count }

    private static func run<Value: Sendable>(
        _ work: @Sendable (Resource, WorkerJob) throws -> Value,
        job: WorkerJob,
        storage: ResourceStorage<Resource>,
        open: @Sendable () throws -> Resource,
        interruptHandle: (@Sendable (Resource) -> InterruptHandle?)?
    ) -> WorkOutcome<any Sendable> {
        guard job.start() else { return .cancelled }
        defer { job.finish() }

        do {
            let (resource, handle) = try storage.resource(opening: open, interruptHandle: interruptHandle)
            if let handle {
                job.onCancel { handle.interrupt() }
            }
            let value = try work(resource, job)
            return job.isCancelled ? .cancelled : .success(value)
        } catch {
            return job.isCancelled ? .cancelled : .failure(error)
        }
    }
}

/// The worker's resource, touched only on the worker's serial queue.
///
/// `@unchecked Sendable`: it is created on the UI thread and handed to the queue, and from then
/// on every access happens in blocks on that one serial queue, which orders them.
private final class ResourceStorage<Resource>: @unchecked Sendable {
    private var resource: Resource?
    private var interruptHandle: InterruptHandle?

    func resource(
        opening open: () throws -> Resource,
        interruptHandle makeHandle: ((Resource) -> InterruptHandle?)?
    ) throws -> (Resource, InterruptHandle?) {
        if let resource {
            return (resource, interruptHandle)
        }
        let opened = try open()
        resource = opened
        interruptHandle = makeHandle?(opened)
        return (opened, interruptHandle)
    }

    func close() {
        interruptHandle = nil
        resource = nil
    }
}
