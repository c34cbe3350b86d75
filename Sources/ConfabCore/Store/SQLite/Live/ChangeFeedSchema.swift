/// The schema step that adds the change feed, the archived flag and the state of followed sources.
///
/// `changes` has one row per committed change: a turn appended, a conversation created, edited or
/// imported. `seq` is AUTOINCREMENT so a number is never used twice, even after the newest rows
/// were pruned, and a reader that remembers the last `seq` it saw can ask for everything after it.
/// `committed_at` is the writer's wall-clock time (seconds since the Unix epoch) taken just before
/// the last statement of its transaction, see `SQLiteLiveWriter`. The feed is bounded by
/// `ChangeFeedRetention`: writers prune it in small steps.
enum ChangeFeedSchema {
    static let migration = Migration("0003_change_feed", apply: create)

    private static func create(_ connection: Connection) throws {
        try connection.execute("""
            CREATE TABLE changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                committed_at REAL NOT NULL,
                -- turn_appended, conversation_created, conversation_edited, conversation_imported,
                -- or a kind a later Confab adds: readers skip kinds they do not know.
                kind TEXT NOT NULL,
                user_id INTEGER,
                conversation_id INTEGER,
                turn_id INTEGER,
                -- The conversation's metadata version after the change, when it has one.
                version INTEGER,
                -- How often the writer found the store locked before this change committed.
                busy_retries INTEGER NOT NULL DEFAULT 0,
                -- How a conflict was resolved: 'branched' for a turn that answered a tip another
                -- writer had already extended, 'merged' or 'rejected:FIELD,...' for metadata edits.
                conflict TEXT,
                writer_pid INTEGER
            );
            CREATE INDEX changes_user ON changes(user_id) WHERE user_id IS NOT NULL;

            ALTER TABLE conversations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
            -- The metadata version at which an edit last changed the title or the archived flag,
            -- so a stale edit can tell a field changed since its read even when it was changed back.
            ALTER TABLE conversations ADD COLUMN title_version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE conversations ADD COLUMN archived_version INTEGER NOT NULL DEFAULT 0;

            -- One row per live source that `confab follow` keeps in step with the store.
            CREATE TABLE followed_sources (
                path TEXT PRIMARY KEY,
                format TEXT NOT NULL,
                -- When follow last noticed a change in the source, and when its import committed.
                last_change_seen_at REAL,
                last_synced_at REAL,
                -- Seconds from the source's commit (as far as follow can tell) to the store's commit.
                last_lag_seconds REAL,
                conversations_synced INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                follower_pid INTEGER,
                heartbeat_at REAL
            );
            """)
    }
}
