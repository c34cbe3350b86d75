import Foundation
import Synchronization

/// Reads the wal-index header in a database's `-shm` file and lists the processes holding WAL
/// read locks.
///
/// Layout (https://sqlite.org/walformat.html, native byte order): two copies of the 48-byte
/// header, where `mxFrame` is at offset 16; then the checkpoint info at 96 with `nBackfill` (u32),
/// `aReadMark[5]` (u32 each, from 100), the eight lock bytes (120…127) and `nBackfillAttempted`
/// (128). Read lock `i` is a POSIX lock on byte 123 + i, which `/proc/locks` lists with its pid.
///
/// Closing any descriptor of a file drops every POSIX lock the process holds on it, including
/// the locks of this process's own SQLite connections. So the descriptor of each `-shm` file is
/// opened once and kept open for the life of the process, and replaced only when the file at
/// that path is a new one.
enum WALIndexReader {
    private struct OpenIndex {
        var descriptor: Int32
        var inode: UInt64
    }

    private static let openIndexes = Mutex<[String: OpenIndex]>([:])

    static func read(databasePath: String) -> WALState? {
        let path = databasePath + "-shm"
        guard let descriptor = descriptor(for: path) else { return nil }

        var bytes = [UInt8](repeating: 0, count: 136)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor.descriptor, $0.baseAddress, 136, 0) }
        guard count == 136 else { return nil }
        func word(_ offset: Int) -> Int {
            Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) })
        }

        let backfilled = word(96)
        // A slot-0 reader reads the database file alone, as it was when every frame had been
        // checkpointed: its snapshot ends at the frames backfilled then, and no checkpoint may
        // overwrite the file under it.
        let readMarks = [backfilled] + (1..<5).map { word(100 + 4 * $0) }
        let readers = ProcLocks.holders(inode: descriptor.inode, firstByte: 123, lastByte: 127)
            .filter { $0.processID != getpid() }
            .map { holder in WALReader(processID: holder.processID, slot: holder.byte - 123, snapshotFrame: readMarks[holder.byte - 123]) }
        return WALState(frames: word(16), backfilledFrames: backfilled, backfillAttemptedFrames: word(128), readers: readers)
    }

    private static func descriptor(for path: String) -> OpenIndex? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let inode = UInt64(status.st_ino)

        return openIndexes.withLock { indexes -> OpenIndex? in
            if let open = indexes[path], open.inode == inode {
                return open
            }
            // A new -shm file: the old descriptor's inode is no longer the one SQLite uses, so
            // closing it cannot drop a lock that a live connection relies on.
            if let old = indexes[path] {
                close(old.descriptor)
            }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            let open = OpenIndex(descriptor: descriptor, inode: inode)
            indexes[path] = open
            return open
        }
    }
}

/// Reads `/proc/locks`, the kernel's list of file locks.
enum ProcLocks {
    struct Holder: Equatable {
        var processID: Int32
        var byte: Int
    }

    /// Returns the POSIX and OFD locks on the file with `inode` that cover one byte of
    /// `firstByte…lastByte`, one entry per process and byte.
    static func holders(inode: UInt64, firstByte: Int, lastByte: Int, text: String? = nil) -> [Holder] {
        guard let text = text ?? (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) else { return [] }
        var holders: [Holder] = []
        for line in text.split(separator: "\n") {
            // "1: POSIX  ADVISORY  READ 1234 08:01:5678 123 123"; blocked requests start with "->".
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, fields[1] != "->", fields[1] == "POSIX" || fields[1] == "OFDLCK" else { continue }
            let device = fields[5].split(separator: ":")
            guard let fileInode = device.last.flatMap({ UInt64($0) }), fileInode == inode,
                  let processID = Int32(fields[4]), let start = Int(fields[6]) else { continue }
            let end = fields[7] == "EOF" ? Int.max : (Int(fields[7]) ?? start)
            let low = max(start, firstByte)
            let high = min(end, lastByte)
            guard low <= high else { continue }
            for byte in low...high {
                holders.append(Holder(processID: processID, byte: byte))
            }
        }
        return holders
    }
}
