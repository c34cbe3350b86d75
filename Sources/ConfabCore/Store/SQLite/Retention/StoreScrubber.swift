import Foundation

/// Makes deleted data unrecoverable from the store's files and returns the space, in steps that
/// each hold the write lock briefly.
///
/// The connection runs with `PRAGMA secure_delete = ON`, so SQLite overwrites deleted cells and
/// freed pages with zeros. Three places keep old data after that. FTS5 keeps deleted terms in old
/// index segments until they are merged, because SQLite 3.40's FTS5 has no secure-delete option, so
/// `optimize` rewrites them. Free pages stay in the file until `incremental_vacuum` returns them.
/// The WAL keeps old page images until a TRUNCATE checkpoint empties it.
struct StoreScrubber {
    let connection: Connection
    let path: String

    /// The FTS5 tables of the store.
    static let ftsTables = ["turns_fts", "conversations_fts", "turn_characters_fts"]

    /// Rewrites every FTS5 index into one segment without the deleted entries.
    func optimizeIndexes() throws {
        for table in StoreScrubber.ftsTables {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO \(table) (\(table)) VALUES ('optimize')")
            }
        }
    }

    /// Merges FTS5 segments a few pages at a time until there is nothing left worth merging, and
    /// sets automerge back to `automerge`.
    func mergeIndexes(automerge: Int64) throws {
        try connection.writeTransaction {
            try connection.run("INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', ?)", automerge)
        }
        for _ in 0..<10_000 {
            let before = connection.totalChanges
            try spacedWriteTransaction {
                try connection.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('merge', 64)")
            }
            // FTS5 reports no more work to do when the merge changed fewer than two rows.
            if connection.totalChanges - before < 2 {
                break
            }
        }
    }

    /// Returns free pages to the file system, `pagesPerStep` pages per transaction. Each page moved
    /// rewrites its parent and pointer-map pages, so steps stay small to keep the lock short.
    func returnFreePages(pagesPerStep: Int = 256) throws {
        while (try connection.scalarInt("PRAGMA freelist_count") ?? 0) > 0 {
            try spacedWriteTransaction {
                try connection.execute("PRAGMA incremental_vacuum(\(pagesPerStep))")
            }
        }
    }

    /// Runs `body` in a write transaction, then pauses as long as it held the lock (2 to 50 ms).
    /// Writers waiting in SQLite's busy handler poll only now and then, so back-to-back
    /// transactions could keep them out for seconds.
    private func spacedWriteTransaction(_ body: () throws -> Void) throws {
        let started = Date()
        try connection.writeTransaction(body)
        usleep(UInt32(min(0.05, max(0.002, Date().timeIntervalSince(started))) * 1_000_000))
    }

    /// Checkpoints and truncates the WAL, retrying for up to `waitSeconds` while another
    /// connection's read snapshot prevents it.
    ///
    /// A TRUNCATE checkpoint blocks new writers while it waits and copies. So a PASSIVE one, which
    /// blocks no writer, first copies what it can, and each TRUNCATE attempt waits at most 50 ms.
    func truncateWAL(waitSeconds: Double) throws -> ScrubState {
        let deadline = Date().addingTimeInterval(waitSeconds)
        connection.setBusyTimeout(milliseconds: 0)
        _ = try? connection.checkpoint("PASSIVE")
        connection.setBusyTimeout(milliseconds: 50)
        defer { connection.setBusyTimeout(milliseconds: 5_000) }
        while true {
            let result = try connection.checkpoint("TRUNCATE")
            if !result.isBusy && StoreFiles.size(of: path + "-wal") == 0 {
                return .complete
            }
            if Date() >= deadline {
                return .pending(blocker: blockerDescription())
            }
            usleep(100_000)
        }
    }

    private func blockerDescription() -> String {
        let holders = StoreFiles.otherHolders(of: path)
        let who = holders.isEmpty ? "another connection" : holders.joined(separator: ", ")
        return "the WAL still holds old pages because \(who) keeps a read snapshot or the file open; it is truncated on the next retention command once they let go"
    }
}
