import Foundation

/// Writes the change-feed rows of one import: one per new or updated conversation, in bulk.
///
/// One `INSERT … SELECT` over the conversations the import touched (found through the
/// `conversations_last_import` index) is the import's last statement before COMMIT, so the rows
/// carry the commit time and cost the import one indexed pass, not a trigger per turn.
enum ImportChangeRows {
    static func record(importID: Int64, in connection: Connection, retention: ChangeFeedRetention = .standard) throws {
        let touched = Int(try connection.scalarInt("SELECT count(*) FROM conversations WHERE last_import_id = ?", [importID]) ?? 0)
        guard touched > 0 else { return }

        try retention.prune(connection, rowsAdded: touched)
        try connection.run(
            """
            INSERT INTO changes (committed_at, kind, user_id, conversation_id, version, writer_pid)
            SELECT ?, 'conversation_imported', user_id, id, version, ? FROM conversations WHERE last_import_id = ? ORDER BY id
            """,
            Date().timeIntervalSince1970, Int64(getpid()), importID)
    }
}
