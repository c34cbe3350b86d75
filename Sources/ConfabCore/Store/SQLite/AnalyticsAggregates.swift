/// Computes and maintains the summary rows of `AnalyticsSchema` from the base tables.
///
/// Every function runs on the caller's connection and inside the caller's transaction when one
/// is open, so a write path can refresh what it changed before it commits.
enum AnalyticsAggregates {
    /// The UTC day of a turn, as an integer that stays exact for negative times. The shift keeps
    /// the CAST, which truncates toward zero, on the positive side for any time after the year 800.
    static let dayExpression = "(CAST(coalesce(t.created_at, c.created_at) / 86400.0 + 429000 AS INTEGER) - 429000)"

    /// Returns a SELECT of summary rows in the column order of `analytics_turn_days`, over `turns t`
    /// joined to `conversations c`, restricted by `condition` (SQL over `t` and `c`).
    static func daySelect(where condition: String) -> String {
        """
        SELECT t.conversation_id, \(dayExpression) AS day, coalesce(t.model, c.model) AS model, t.role,
               count(*) AS turns, sum(length(t.text)) AS characters,
               sum(t.kind = 'message') AS message_turns, sum(t.kind = 'hidden') AS hidden_turns,
               sum(t.kind = 'tool_call') AS tool_call_turns, sum(t.kind = 'tool_result') AS tool_result_turns,
               sum(t.kind = 'reasoning') AS reasoning_turns, sum(t.kind = 'error') AS error_turns,
               sum(t.branch_index > 0) AS branched_turns,
               sum(t.input_tokens) AS input_tokens, count(t.input_tokens) AS input_token_turns,
               sum(t.output_tokens) AS output_tokens, count(t.output_tokens) AS output_token_turns,
               sum(t.generation_seconds) AS generation_seconds, count(t.generation_seconds) AS generation_turns
        FROM turns t JOIN conversations c ON c.id = t.conversation_id
        WHERE \(condition)
        GROUP BY 1, 2, 3, 4
        """
    }

    /// Returns a SELECT of measure rows in the column order of `analytics_turn_measures`.
    static func measureSelect(where condition: String) -> String {
        """
        SELECT t.conversation_id, t.id AS turn_id, \(dayExpression) AS day, coalesce(t.model, c.model) AS model, t.role,
               t.input_tokens, t.output_tokens, t.generation_seconds
        FROM turns t JOIN conversations c ON c.id = t.conversation_id
        WHERE (\(condition))
          AND (t.input_tokens IS NOT NULL OR t.output_tokens IS NOT NULL OR t.generation_seconds IS NOT NULL)
        """
    }

    /// Recomputes the summary rows of `conversationIDs` from their turns and takes them off the
    /// pending queue. Conversations that no longer exist lose their rows.
    static func refresh(conversationIDs: some Collection<Int64>, in connection: Connection) throws {
        guard !conversationIDs.isEmpty else { return }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS analytics_refresh (conversation_id INTEGER PRIMARY KEY)")
        try connection.execute("DELETE FROM temp.analytics_refresh")
        for id in conversationIDs {
            try connection.run("INSERT OR IGNORE INTO temp.analytics_refresh (conversation_id) VALUES (?)", id)
        }
        try refreshQueued(in: connection)
    }

    /// Refreshes every conversation in `analytics_pending`.
    static func refreshPending(in connection: Connection) throws {
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS analytics_refresh (conversation_id INTEGER PRIMARY KEY)")
        try connection.execute("""
            DELETE FROM temp.analytics_refresh;
            INSERT INTO temp.analytics_refresh (conversation_id) SELECT conversation_id FROM analytics_pending;
            """)
        try refreshQueued(in: connection)
    }

    private static func refreshQueued(in connection: Connection) throws {
        let queued = "SELECT conversation_id FROM temp.analytics_refresh"
        try connection.execute("""
            DELETE FROM analytics_turn_days WHERE conversation_id IN (\(queued));
            DELETE FROM analytics_turn_measures WHERE conversation_id IN (\(queued));
            INSERT INTO analytics_turn_days \(daySelect(where: "t.conversation_id IN (\(queued))"));
            INSERT INTO analytics_turn_measures \(measureSelect(where: "t.conversation_id IN (\(queued))"));
            DELETE FROM analytics_pending WHERE conversation_id IN (\(queued));
            DELETE FROM temp.analytics_refresh;
            """)
    }

    /// Recomputes every summary row from the base tables and empties the pending queue.
    static func rebuild(_ connection: Connection) throws {
        try connection.execute("""
            DELETE FROM analytics_turn_days;
            DELETE FROM analytics_turn_measures;
            INSERT INTO analytics_turn_days \(daySelect(where: "1"));
            INSERT INTO analytics_turn_measures \(measureSelect(where: "1"));
            DELETE FROM analytics_pending;
            """)
    }

    /// Compares the summary rows of every conversation that is not pending with rows computed
    /// from its turns, and returns the ids of conversations whose rows differ.
    static func check(_ connection: Connection) throws -> AggregateCheck {
        let notPending = "t.conversation_id NOT IN (SELECT conversation_id FROM analytics_pending)"
        let stored = "SELECT * FROM analytics_turn_days WHERE conversation_id NOT IN (SELECT conversation_id FROM analytics_pending)"
        let storedMeasures = """
            SELECT * FROM analytics_turn_measures WHERE conversation_id NOT IN (SELECT conversation_id FROM analytics_pending)
            """

        // Sums of REAL values may differ in the last bits when rows are added up in another
        // order, so generation time is compared rounded to microseconds.
        let rounded = """
            conversation_id, day, model, role, turns, characters, message_turns, hidden_turns, tool_call_turns,
            tool_result_turns, reasoning_turns, error_turns, branched_turns, input_tokens, input_token_turns,
            output_tokens, output_token_turns, round(generation_seconds, 6), generation_turns
            """
        let dayDifferences = """
            SELECT conversation_id FROM (
                SELECT \(rounded) FROM (\(stored)) EXCEPT SELECT \(rounded) FROM (\(daySelect(where: notPending)))
            )
            UNION
            SELECT conversation_id FROM (
                SELECT \(rounded) FROM (\(daySelect(where: notPending))) EXCEPT SELECT \(rounded) FROM (\(stored))
            )
            """

        let measureDifferences = """
            SELECT conversation_id FROM (
                SELECT * FROM (\(storedMeasures)) EXCEPT SELECT * FROM (\(measureSelect(where: notPending)))
            )
            UNION
            SELECT conversation_id FROM (
                SELECT * FROM (\(measureSelect(where: notPending))) EXCEPT SELECT * FROM (\(storedMeasures))
            )
            """
        let ids = try connection.query("SELECT DISTINCT conversation_id FROM (\(dayDifferences) UNION \(measureDifferences)) ORDER BY 1") {
            $0.int64(0)
        }

        let pending = Int(try connection.scalarInt("SELECT count(*) FROM analytics_pending") ?? 0)
        let rows = Int(try connection.scalarInt("SELECT count(*) FROM analytics_turn_days") ?? 0)
        return AggregateCheck(mismatchedConversationIDs: ids, pendingConversations: pending, summaryRows: rows)
    }

    /// True when the store has the analytics schema step.
    static func isInstalled(_ connection: Connection) throws -> Bool {
        (try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'analytics_pending'") ?? 0) > 0
    }
}
