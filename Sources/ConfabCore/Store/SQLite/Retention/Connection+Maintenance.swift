import CSQLite
import Foundation

/// Calls the retention code needs beyond statements: checkpoints, change totals, file sizes.
extension Connection {
    /// Rows changed by every INSERT, UPDATE and DELETE since the connection opened.
    var totalChanges: Int64 { Int64(sqlite3_total_changes(handle)) }

    /// The result of `PRAGMA wal_checkpoint`.
    struct CheckpointResult {
        /// True when another connection kept the checkpoint from finishing.
        var isBusy: Bool
        /// Frames in the WAL, and frames copied into the database file; -1 when not in WAL mode.
        var walFrames: Int
        var checkpointedFrames: Int
    }

    /// Runs `PRAGMA wal_checkpoint(MODE)` with MODE one of PASSIVE, FULL, RESTART or TRUNCATE.
    func checkpoint(_ mode: String) throws -> CheckpointResult {
        try queryFirst("PRAGMA wal_checkpoint(\(mode))") {
            CheckpointResult(isBusy: $0.int(0) != 0, walFrames: $0.int(1), checkpointedFrames: $0.int(2))
        } ?? CheckpointResult(isBusy: false, walFrames: -1, checkpointedFrames: -1)
    }

    /// Tries one TRUNCATE checkpoint without waiting for readers, ignoring failure: used before
    /// measuring file sizes, where a busy WAL only makes the figure less tidy.
    func checkpointWithoutWaiting() {
        setBusyTimeout(milliseconds: 0)
        defer { setBusyTimeout(milliseconds: 5_000) }
        _ = try? checkpoint("TRUNCATE")
    }

    /// Bytes of the database file's pages: what the file shrinks to once the WAL is checkpointed.
    func logicalSize() throws -> Int64 {
        let pages = try scalarInt("PRAGMA page_count") ?? 0
        let pageSize = try scalarInt("PRAGMA page_size") ?? 4096
        return pages * pageSize
    }

    func tableExists(_ name: String) throws -> Bool {
        (try scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", [name]) ?? 0) > 0
    }
}

/// Sizes of a store's files on disk.
enum StoreFiles {
    static func size(of path: String) -> Int64 {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : 0
    }

    /// Returns the size of the database file plus its WAL, in bytes.
    static func totalSize(of path: String) -> Int64 {
        size(of: path) + size(of: path + "-wal")
    }

    /// Returns the processes other than this one that have the store, its WAL or its shared-memory
    /// file open, read from /proc (Linux); empty when /proc cannot be read.
    static func otherHolders(of path: String) -> [String] {
        let targets = Set([path, path + "-wal", path + "-shm"].map { ($0 as NSString).resolvingSymlinksInPath })
        let ownID = getpid()
        var holders: [String] = []
        guard let processes = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        for process in processes {
            guard let processID = Int32(process), processID != ownID else { continue }
            guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process)/fd") else { continue }
            let holdsStore = descriptors.contains { descriptor in
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process)/fd/\(descriptor)") else {
                    return false
                }
                return targets.contains(target)
            }
            if holdsStore {
                let name = (try? String(contentsOfFile: "/proc/\(process)/comm", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
                holders.append("pid \(processID) (\(name))")
            }
        }
        return holders.sorted()
    }
}
