import Foundation
import Glibc

/// Wakes a watcher when a store's files are written, through inotify on their folder.
///
/// The folder is watched rather than the `-wal` file, because SQLite deletes and recreates the
/// WAL when the last connection closes. A write to the WAL can wake the watcher before the
/// commit it belongs to is visible to readers, so a wake-up only means "look again soon".
/// The kernel merges identical unread events, so a burst of frame writes costs one wake-up.
final class CommitSignal {
    private let descriptor: Int32
    private let names: Set<String>
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Returns nil when inotify is not available (another OS, or the watch limit reached); the
    /// watcher then polls.
    init?(databasePath: String) {
        let url = URL(fileURLWithPath: databasePath)
        let name = url.lastPathComponent
        names = [name, name + "-wal"]
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
        guard inotify_add_watch(descriptor, url.deletingLastPathComponent().path, mask) >= 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit {
        close(descriptor)
    }

    /// Waits until one of the store's files is written or `timeout` passes. Returns true when a
    /// write woke it.
    func wait(timeout: Duration) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, timeout / .milliseconds(1)))
        guard poll(&request, 1, milliseconds) > 0 else { return false }
        return drainEvents()
    }

    /// Reads every queued event and returns whether one named a file of the store.
    private func drainEvents() -> Bool {
        var matched = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return matched }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                // struct inotify_event: int wd; uint32_t mask, cookie, len; char name[len].
                while offset + 16 <= count {
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    if names.contains(String(decoding: nameBytes, as: UTF8.self)) {
                        matched = true
                    }
                    offset += 16 + length
                }
            }
        }
    }
}
