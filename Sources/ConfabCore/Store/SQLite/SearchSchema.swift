import Foundation

/// The schema step that adds the character index for unsegmented scripts.
///
/// `unicode61` makes one word of a whole run of Chinese, Japanese, Korean or Thai text, so
/// `turns_fts` cannot find a word inside such a run. `turn_characters` stores each turn's runs with
/// every character as a word (built by `UnsegmentedRuns`), and `turn_characters_fts` indexes them,
/// so a substring of any length, down to one character, is a phrase query. Only the runs are
/// indexed, not the whole turn: on the 1M-turn demo store that is 5.8M characters instead of the
/// 105M of the turns that contain them (see docs/search.md).
///
/// The runs are computed in Swift, so a trigger cannot fill the table. Confab's own writes fill it
/// directly. Any write to `turns` by another SQLite client only queues the turn in
/// `turn_characters_pending`: search treats queued turns as candidates and checks them in Swift,
/// and the next Confab import brings their index rows up to date. The triggers on `turns` never
/// write `turn_characters_fts` themselves, because SQLite 3.40 fails a statement that writes two
/// FTS5 tables through triggers on a connection whose schema went stale ("no such table: turns",
/// once, after an import replaced the insert triggers).
enum SearchSchema {
    static let migration = Migration("0002_search", apply: create)

    /// Triggers that an import drops and replaces by bulk indexing, like the FTS insert triggers.
    static let insertTriggerNames = ["turn_characters_after_turn_insert", "turn_characters_fts_after_insert"]

    private static func create(_ connection: Connection) throws {
        let pattern = UnsegmentedScript.globPattern
        try connection.execute("""
            CREATE TABLE turn_characters (
                turn_id INTEGER PRIMARY KEY,
                characters TEXT NOT NULL
            );
            CREATE VIRTUAL TABLE turn_characters_fts USING fts5(
                characters,
                content = 'turn_characters',
                content_rowid = 'turn_id',
                tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*'''
            );
            -- Turns written by other clients, waiting for their characters to be indexed.
            CREATE TABLE turn_characters_pending (
                turn_id INTEGER PRIMARY KEY
            );
            """)
        try CharacterIndex.indexAllTurns(connection)
        try connection.execute("""
            INSERT INTO turn_characters_fts (turn_characters_fts) VALUES ('rebuild');

            CREATE TRIGGER turn_characters_fts_after_insert AFTER INSERT ON turn_characters BEGIN
                INSERT INTO turn_characters_fts (rowid, characters) VALUES (new.turn_id, new.characters);
            END;
            CREATE TRIGGER turn_characters_fts_after_delete AFTER DELETE ON turn_characters BEGIN
                INSERT INTO turn_characters_fts (turn_characters_fts, rowid, characters)
                VALUES ('delete', old.turn_id, old.characters);
            END;
            CREATE TRIGGER turn_characters_fts_after_update AFTER UPDATE ON turn_characters BEGIN
                INSERT INTO turn_characters_fts (turn_characters_fts, rowid, characters)
                VALUES ('delete', old.turn_id, old.characters);
                INSERT INTO turn_characters_fts (rowid, characters) VALUES (new.turn_id, new.characters);
            END;

            CREATE TRIGGER turn_characters_after_turn_insert AFTER INSERT ON turns
            WHEN new.text GLOB '\(pattern)' BEGIN
                INSERT OR IGNORE INTO turn_characters_pending (turn_id) VALUES (new.id);
            END;
            CREATE TRIGGER turn_characters_after_turn_update AFTER UPDATE OF text ON turns BEGIN
                INSERT OR IGNORE INTO turn_characters_pending (turn_id)
                SELECT new.id WHERE new.text GLOB '\(pattern)' OR EXISTS (SELECT 1 FROM turn_characters WHERE turn_id = old.id);
            END;
            CREATE TRIGGER turn_characters_after_turn_delete AFTER DELETE ON turns BEGIN
                INSERT OR IGNORE INTO turn_characters_pending (turn_id)
                SELECT old.id WHERE EXISTS (SELECT 1 FROM turn_characters WHERE turn_id = old.id);
            END;
            """)
    }
}

/// Writes rows of the character index.
enum CharacterIndex {
    /// Stores the runs of one turn, when it has any. The caller indexes them in FTS5, in bulk or
    /// through the insert trigger.
    static func store(turnID: Int64, text: String, in connection: Connection) throws {
        guard let characters = UnsegmentedRuns.indexText(of: text) else { return }
        try connection.run("INSERT INTO turn_characters (turn_id, characters) VALUES (?, ?)", turnID, characters)
    }

    /// Stores the runs of every turn; used once, when the schema step runs on an existing store.
    static func indexAllTurns(_ connection: Connection) throws {
        // Text whose character count equals its byte count is ASCII and has no runs.
        let statement = try connection.prepare(
            "SELECT id, text FROM turns WHERE length(text) != length(CAST(text AS BLOB))")
        while try statement.step() {
            try store(turnID: statement.int64(0), text: statement.string(1), in: connection)
        }
    }

    /// Brings the index rows of queued turns up to date: rows of deleted or rewritten turns go,
    /// rows of new text come. Needs the FTS insert trigger in place.
    static func indexPending(_ connection: Connection) throws {
        let pending = try connection.query(
            "SELECT p.turn_id, t.text FROM turn_characters_pending p LEFT JOIN turns t ON t.id = p.turn_id"
        ) { (id: $0.int64(0), text: $0.optionalString(1)) }
        for turn in pending {
            try connection.run("DELETE FROM turn_characters WHERE turn_id = ?", turn.id)
            if let text = turn.text {
                try store(turnID: turn.id, text: text, in: connection)
            }
        }
        try connection.execute("DELETE FROM turn_characters_pending")
    }
}
