import CNcursesw
import Glibc
import Synchronization

/// A self-pipe that wakes the event loop's `poll` from another thread or a signal handler.
///
/// `wake` writes one byte only when none is pending, so any number of wake-ups between two
/// polls cost one byte and the pipe never fills.
final class WakePipe: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32
    private let isPending = Atomic<Bool>(false)

    init() throws(ConsoleError) {
        var descriptors: [Int32] = [-1, -1]
        guard confab_make_pipe(&descriptors) == 0 else {
            throw ConsoleError.systemCall("pipe2", errno: errno)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    func wake() {
        guard !isPending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; called by the loop before it looks at what the wake-up was for.
    func drain() {
        isPending.store(false, ordering: .sequentiallyConsistent)
        PipeReader.readAll(readDescriptor)
    }
}

enum PipeReader {
    /// Reads everything available from the non-blocking `descriptor` and returns it.
    @discardableResult
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                result += buffer[0..<count]
                continue
            }
            if count < 0 && errno == EINTR {
                continue
            }
            return result
        }
    }
}
