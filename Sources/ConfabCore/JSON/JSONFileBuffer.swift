import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sliding window over a file, read with plain `read(2)` calls.
///
/// Bytes before `start` are consumed. `readMore()` moves the unconsumed bytes to the front and
/// fills the rest of the storage from the file. The storage doubles only when the unconsumed
/// bytes fill it, and shrinks back to its minimum capacity once they fit again, so memory stays
/// bounded by the larger of the minimum capacity and twice the largest value being parsed.
final class JSONFileBuffer {
    let path: String
    let fileSize: Int64
    private let descriptor: Int32
    private let minimumCapacity: Int

    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    /// Index of the first unconsumed byte.
    var start = 0

    /// Index just past the last byte read.
    private(set) var end = 0

    /// File offset of `storage[0]`.
    private(set) var storageOffset: Int64 = 0

    private(set) var isAtEndOfFile = false

    init(url: URL, capacity: Int) throws(JSONReadError) {
        path = url.path
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .unreadable(path: url.path, message: String(cString: strerror(errno)))
        }

        var status = stat()
        if fstat(descriptor, &status) != 0 {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(path: url.path, message: message)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw .unreadable(path: url.path, message: "is a directory")
        }
        fileSize = Int64(status.st_size)

        minimumCapacity = max(capacity, 16)
        self.capacity = minimumCapacity
        storage = .allocate(capacity: minimumCapacity)
    }

    deinit {
        storage.deallocate()
        close(descriptor)
    }

    func offset(of index: Int) -> Int64 {
        storageOffset + Int64(index)
    }

    /// Moves the unconsumed bytes to the front, grows or shrinks the storage, and reads as much of
    /// the file as fits. Afterwards more bytes are available or `isAtEndOfFile` is true.
    func readMore() throws(JSONReadError) {
        precondition(!isAtEndOfFile, "readMore() called after the end of the file")

        let pendingCount = end - start
        if start > 0 {
            memmove(storage, storage + start, pendingCount)
            storageOffset += Int64(start)
            start = 0
            end = pendingCount
        }

        if pendingCount == capacity {
            resize(to: capacity * 2)
        } else if capacity > minimumCapacity, pendingCount < minimumCapacity / 2 {
            resize(to: minimumCapacity)
        }

        while end < capacity {
            let readCount = read(descriptor, storage + end, capacity - end)
            if readCount < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, message: String(cString: strerror(errno)))
            }
            if readCount == 0 {
                isAtEndOfFile = true
                break
            }
            end += readCount
        }
    }

    private func resize(to newCapacity: Int) {
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.initialize(from: storage, count: end)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
