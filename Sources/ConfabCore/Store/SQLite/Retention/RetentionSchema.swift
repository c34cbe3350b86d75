/// The schema step for retention: the audit log, the erased-ids ledger, job state for resuming,
/// stored policies, and legal hold and anonymisation marks on conversations.
enum RetentionSchema {
    static let migration = Migration("0004_retention", apply: create)

    private static func create(_ connection: Connection) throws {
        try connection.execute("""
            ALTER TABLE conversations ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
            -- Set when a retention job has committed to deleting the conversation; its turns may
            -- then be removed over several batches.
            ALTER TABLE conversations ADD COLUMN deleting_since REAL;
            ALTER TABLE conversations ADD COLUMN anonymised_at REAL;

            -- Append-only: the triggers below reject every DELETE, and every UPDATE except of an
            -- entry whose outcome is still 'running', which is how a job records its final figures.
            -- Identities of users appear only as keyed hashes, so erasing a user never needs to
            -- touch this table.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                selection TEXT,
                conversations INTEGER NOT NULL DEFAULT 0,
                turns INTEGER NOT NULL DEFAULT 0,
                bytes_reclaimed INTEGER,
                duration REAL,
                outcome TEXT NOT NULL,
                detail TEXT
            );
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN old.outcome != 'running' BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;

            -- Keyed hashes of erased or anonymised conversations (source, source id) and of erased
            -- accounts (source, external id). An import skips what this table names.
            CREATE TABLE erased_ledger (
                hash TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('conversation', 'account', 'anonymised')),
                recorded_at REAL NOT NULL
            ) WITHOUT ROWID;

            -- Settings of the retention machinery, such as the fingerprint of the key.
            CREATE TABLE retention_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE retention_policies (
                name TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                stored_at REAL NOT NULL
            ) WITHOUT ROWID;

            -- One row per `retention run`. While status is 'running' the job can be resumed: it goes
            -- on with rule `rule_index` after conversation `cursor_id`, finishing conversation
            -- `current_id` first.
            CREATE TABLE retention_jobs (
                id INTEGER PRIMARY KEY,
                policy TEXT NOT NULL,
                selection TEXT NOT NULL,
                reference_time REAL NOT NULL,
                actor TEXT NOT NULL,
                started_at REAL NOT NULL,
                finished_at REAL,
                status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed', 'abandoned')),
                rule_index INTEGER NOT NULL DEFAULT 0,
                cursor_id INTEGER NOT NULL DEFAULT 0,
                current_id INTEGER,
                current_action TEXT,
                current_turn_cursor INTEGER NOT NULL DEFAULT 0,
                -- Per rule: conversations,turns,bytes; rules separated by ';'.
                rule_counts TEXT NOT NULL DEFAULT '',
                batches INTEGER NOT NULL DEFAULT 0,
                bytes_before INTEGER,
                automerge_before INTEGER,
                -- Turns one batch touches when its caller sets no limit.
                turn_budget INTEGER NOT NULL DEFAULT 200,
                audit_id INTEGER,
                message TEXT
            );

            -- Erasures whose WAL truncation another connection's read snapshot prevented.
            CREATE TABLE pending_scrubs (
                id INTEGER PRIMARY KEY,
                audit_id INTEGER NOT NULL,
                requested_at REAL NOT NULL,
                blocker TEXT
            );
            """)
    }
}
