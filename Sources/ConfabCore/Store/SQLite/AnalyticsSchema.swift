/// The schema step that adds the summary tables behind analytics.
///
/// `analytics_turn_days` has one row per conversation, UTC day, model and role with the counts
/// and sums of those turns. `analytics_turn_measures` copies the token counts and generation
/// time of each turn that has any, so percentiles read a narrow table instead of `turns`. Both
/// are keyed by conversation, so a conversation's rows can always be recomputed from its turns
/// (`AnalyticsAggregates.refresh`).
///
/// A turn's day is that of `coalesce(turns.created_at, conversations.created_at)` and its model
/// is `coalesce(turns.model, conversations.model)`, the same values the search filters compare.
///
/// Writes by any SQLite client stay visible: triggers queue every conversation whose turns or
/// dated fields change in `analytics_pending`, and readers compute queued conversations from
/// the base tables until a Confab write refreshes them. Confab's import drops the turn insert
/// trigger inside its transaction, writes the rows of new conversations from the values it
/// inserts (`AnalyticsConversationSummary`), and refreshes the conversations it updated.
enum AnalyticsSchema {
    static let migration = Migration("0005_analytics", apply: create)

    /// The trigger an import drops, because it writes the summary rows of what it inserts itself.
    static let insertTriggerNames = ["analytics_after_turn_insert"]

    /// The columns of `analytics_turn_days` after the key, in the order `AnalyticsAggregates`
    /// computes them.
    static let dayFigureColumns = """
        turns, characters, message_turns, hidden_turns, tool_call_turns, tool_result_turns, reasoning_turns,
        error_turns, branched_turns, input_tokens, input_token_turns, output_tokens, output_token_turns,
        generation_seconds, generation_turns
        """

    private static func create(_ connection: Connection) throws {
        try connection.execute("""
            CREATE TABLE analytics_turn_days (
                conversation_id INTEGER NOT NULL,
                -- Days since 1970-01-01 (UTC); NULL when neither the turn nor its conversation has a time.
                day INTEGER,
                model TEXT,
                role TEXT NOT NULL,
                turns INTEGER NOT NULL,
                -- length(text): characters, not bytes.
                characters INTEGER NOT NULL,
                message_turns INTEGER NOT NULL,
                hidden_turns INTEGER NOT NULL,
                tool_call_turns INTEGER NOT NULL,
                tool_result_turns INTEGER NOT NULL,
                reasoning_turns INTEGER NOT NULL,
                error_turns INTEGER NOT NULL,
                -- Turns with branch_index > 0: a regenerated answer or an edited message.
                branched_turns INTEGER NOT NULL,
                -- Sums over the turns that recorded the figure, and how many did; NULL sums when none did.
                input_tokens INTEGER,
                input_token_turns INTEGER NOT NULL,
                output_tokens INTEGER,
                output_token_turns INTEGER NOT NULL,
                generation_seconds REAL,
                generation_turns INTEGER NOT NULL
            );
            CREATE INDEX analytics_turn_days_conversation ON analytics_turn_days(conversation_id);

            CREATE TABLE analytics_turn_measures (
                conversation_id INTEGER NOT NULL,
                turn_id INTEGER NOT NULL,
                day INTEGER,
                model TEXT,
                role TEXT NOT NULL,
                input_tokens INTEGER,
                output_tokens INTEGER,
                generation_seconds REAL,
                PRIMARY KEY (conversation_id, turn_id)
            ) WITHOUT ROWID;

            -- Conversations whose summary rows may be stale, written by the triggers below.
            CREATE TABLE analytics_pending (
                conversation_id INTEGER PRIMARY KEY
            );

            CREATE TRIGGER analytics_after_turn_insert AFTER INSERT ON turns BEGIN
                INSERT OR IGNORE INTO analytics_pending (conversation_id) VALUES (new.conversation_id);
            END;
            CREATE TRIGGER analytics_after_turn_update AFTER UPDATE ON turns BEGIN
                INSERT OR IGNORE INTO analytics_pending (conversation_id) VALUES (old.conversation_id);
                INSERT OR IGNORE INTO analytics_pending (conversation_id) VALUES (new.conversation_id);
            END;
            CREATE TRIGGER analytics_after_turn_delete AFTER DELETE ON turns BEGIN
                INSERT OR IGNORE INTO analytics_pending (conversation_id) VALUES (old.conversation_id);
            END;
            CREATE TRIGGER analytics_after_conversation_update AFTER UPDATE OF model, created_at ON conversations BEGIN
                INSERT OR IGNORE INTO analytics_pending (conversation_id) VALUES (new.id);
            END;
            CREATE TRIGGER analytics_after_conversation_delete AFTER DELETE ON conversations BEGIN
                DELETE FROM analytics_turn_days WHERE conversation_id = old.id;
                DELETE FROM analytics_turn_measures WHERE conversation_id = old.id;
                DELETE FROM analytics_pending WHERE conversation_id = old.id;
            END;
            """)
        try AnalyticsAggregates.rebuild(connection)
    }
}
