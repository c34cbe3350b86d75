/// Confab's SQLite schema, as an ordered list of migrations.
///
/// Conventions: every table that FTS5 indexes keys on an `INTEGER PRIMARY KEY`, so its rowids are
/// stable across `VACUUM`; times are REAL seconds since the Unix epoch in UTC and NULL when the
/// source has no time; users, conversations and turns carry a globally unique `uid` (a UUIDv7
/// string) besides their integer key, so stores can later be merged or sharded by user.
/// Only SQLite's built-in `unicode61` tokenizer is used, so any SQLite client can read and write
/// the store and keep the FTS5 indexes in step through the triggers.
enum Schema {
    static let migrator = Migrator([
        Migration("0001_core", apply: createCore),
        SearchSchema.migration,
        ChangeFeedSchema.migration,
        RetentionSchema.migration,
        AnalyticsSchema.migration,
        GluedWordsSchema.migration,
    ])

    private static func createCore(_ connection: Connection) throws {
        try connection.execute("""
            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1)),
                created_at REAL NOT NULL
            );
            CREATE INDEX users_name ON users(name COLLATE NOCASE, id);

            -- The account ids a user has in each source. One user may have several.
            CREATE TABLE user_accounts (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                UNIQUE (source, external_id)
            );
            CREATE INDEX user_accounts_user ON user_accounts(user_id);

            -- A system prompt, custom GPT or model preset that conversations run under. `key` is the
            -- source's id for it, or a hash of the prompt text when the source has none.
            CREATE TABLE personas (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('system_prompt', 'custom_gpt', 'model_preset')),
                source TEXT NOT NULL,
                key TEXT NOT NULL,
                name TEXT,
                prompt TEXT,
                UNIQUE (source, kind, key)
            );

            -- Provenance: one row per `confab import` or `confab demo` run.
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                format TEXT NOT NULL,
                file_path TEXT NOT NULL,
                file_bytes INTEGER,
                started_at REAL NOT NULL,
                finished_at REAL,
                status TEXT NOT NULL CHECK (status IN ('complete', 'partial')),
                new_conversations INTEGER NOT NULL DEFAULT 0,
                updated_conversations INTEGER NOT NULL DEFAULT 0,
                unchanged_conversations INTEGER NOT NULL DEFAULT 0,
                skipped_records INTEGER NOT NULL DEFAULT 0,
                invalid_utf8 INTEGER NOT NULL DEFAULT 0,
                lone_surrogates INTEGER NOT NULL DEFAULT 0
            );

            CREATE TABLE conversations (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                user_id INTEGER NOT NULL REFERENCES users(id),
                persona_id INTEGER REFERENCES personas(id),
                source TEXT NOT NULL,
                source_id TEXT NOT NULL,
                title TEXT,
                model TEXT,
                created_at REAL,
                -- The later of the export's own update time and the newest turn: last activity.
                updated_at REAL,
                turn_count INTEGER NOT NULL DEFAULT 0,
                metadata TEXT,
                content_hash INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                first_import_id INTEGER REFERENCES imports(id),
                last_import_id INTEGER REFERENCES imports(id),
                UNIQUE (source, source_id)
            );
            -- Keyset pages of "conversations of a user by last activity" and of all conversations.
            CREATE INDEX conversations_user_activity ON conversations(user_id, updated_at DESC, id DESC);
            CREATE INDEX conversations_activity ON conversations(updated_at DESC, id DESC);
            CREATE INDEX conversations_persona ON conversations(persona_id) WHERE persona_id IS NOT NULL;
            CREATE INDEX conversations_first_import ON conversations(first_import_id);
            CREATE INDEX conversations_last_import ON conversations(last_import_id);

            -- parent_id has no FOREIGN KEY clause on purpose: SQLite would then scan the table for
            -- children on every deleted turn. Turns are deleted per conversation, which keeps the
            -- tree whole.
            CREATE TABLE turns (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                parent_id INTEGER,
                source_id TEXT NOT NULL,
                -- Depth in the conversation tree: 0 for a root turn.
                position INTEGER NOT NULL,
                -- Order among the turns that share this turn's parent.
                branch_index INTEGER NOT NULL DEFAULT 0,
                on_default_thread INTEGER NOT NULL CHECK (on_default_thread IN (0, 1)),
                role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
                kind TEXT NOT NULL CHECK (kind IN ('message', 'hidden', 'tool_call', 'tool_result', 'reasoning', 'error')),
                author TEXT,
                model TEXT,
                text TEXT NOT NULL,
                created_at REAL,
                raw_payload TEXT,
                input_tokens INTEGER,
                output_tokens INTEGER,
                generation_seconds REAL,
                content_hash INTEGER NOT NULL,
                UNIQUE (conversation_id, source_id)
            );
            -- Keyset pages of "turns of a conversation in thread order". The default thread uses
            -- it too: it has one turn per position, found among the few branches at each depth.
            CREATE INDEX turns_tree ON turns(conversation_id, position, branch_index, id);

            CREATE TABLE tags (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            CREATE TABLE conversation_tags (
                conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                PRIMARY KEY (conversation_id, tag_id)
            ) WITHOUT ROWID;
            CREATE INDEX conversation_tags_tag ON conversation_tags(tag_id, conversation_id);

            -- A file that belonged to a turn: a placeholder, never the file's bytes.
            CREATE TABLE attachments (
                id INTEGER PRIMARY KEY,
                turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
                name TEXT,
                mime_type TEXT,
                size_bytes INTEGER,
                reference TEXT
            );
            CREATE INDEX attachments_turn ON attachments(turn_id);

            -- External-content FTS5 indexes. The triggers below keep them in step within the same
            -- transaction as every write, whichever client makes it.
            CREATE VIRTUAL TABLE turns_fts USING fts5(
                text,
                content = 'turns',
                content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER turns_fts_after_insert AFTER INSERT ON turns BEGIN
                INSERT INTO turns_fts (rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER turns_fts_after_delete AFTER DELETE ON turns BEGIN
                INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TRIGGER turns_fts_after_update AFTER UPDATE OF text ON turns BEGIN
                INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', old.id, old.text);
                INSERT INTO turns_fts (rowid, text) VALUES (new.id, new.text);
            END;

            CREATE VIRTUAL TABLE conversations_fts USING fts5(
                title,
                content = 'conversations',
                content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER conversations_fts_after_insert AFTER INSERT ON conversations BEGIN
                INSERT INTO conversations_fts (rowid, title) VALUES (new.id, new.title);
            END;
            CREATE TRIGGER conversations_fts_after_delete AFTER DELETE ON conversations BEGIN
                INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
            END;
            CREATE TRIGGER conversations_fts_after_update AFTER UPDATE OF title ON conversations BEGIN
                INSERT INTO conversations_fts (conversations_fts, rowid, title) VALUES ('delete', old.id, old.title);
                INSERT INTO conversations_fts (rowid, title) VALUES (new.id, new.title);
            END;
            """)
    }
}
