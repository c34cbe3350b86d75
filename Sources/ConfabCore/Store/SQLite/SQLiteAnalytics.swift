import Foundation

/// Computes one analytics report on a SQLite store.
///
/// A selection that only filters on what the summary rows keep (user, model, role, conversation,
/// source, tag, and dates that start a UTC day) is read from `analytics_turn_days` and
/// `analytics_turn_measures`, with conversations queued in `analytics_pending` computed from
/// their turns. Any other selection (text, `in:title`, a time inside a day) is computed from the
/// base tables. The matching turn ids go to a temporary table first: the search indexes find
/// them, and Swift checks those where an index cannot state the query exactly.
final class SQLiteAnalytics {
    let connection: Connection
    let request: AnalyticsRequest
    let cancellation: SearchCancellation?
    private let filters: SQLiteSearchFilters
    private var notes: [String]

    /// Returns the columns of a record query over summary rows aliased `alias`, in the order `summaryRecord` reads them.
    private static func recordColumns(_ alias: String) -> String {
        let figures = ["turns", "characters", "message_turns", "hidden_turns", "tool_call_turns", "tool_result_turns",
                       "reasoning_turns", "error_turns", "branched_turns", "input_tokens", "input_token_turns",
                       "output_tokens", "output_token_turns", "generation_seconds", "generation_turns"]
        return dimensionColumns(alias) + ", " + figures.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Returns the columns of a measure query over rows aliased `alias`, in the order `run` reads
    /// them. Only the dimension that `grouping` reads is selected, because there is one row per
    /// measured turn and reading the others as text cost more than the rest of the query.
    private static func measureColumns(_ alias: String, grouping: AnalyticsGrouping) -> String {
        let model = grouping == .model ? "\(alias).model" : "NULL"
        let user = grouping == .user ? "c.user_id" : "0"
        let source = grouping == .source ? "c.source" : "''"
        return "\(alias).conversation_id, \(alias).day, \(model), NULL, \(user), \(source), "
            + "\(alias).input_tokens, \(alias).output_tokens, \(alias).generation_seconds"
    }

    private static func dimensionColumns(_ alias: String) -> String {
        "\(alias).conversation_id, \(alias).day, \(alias).model, \(alias).role, c.user_id, c.source"
    }

    init(connection: Connection, request: AnalyticsRequest, cancellation: SearchCancellation?) {
        self.connection = connection
        self.request = request
        self.cancellation = cancellation
        filters = SQLiteSearchFilters(request.query.filters)
        notes = request.query.problems.map(\.message)
    }

    func run() throws -> AnalyticsReport {
        var accumulator = AnalyticsAccumulator(grouping: request.grouping)
        let method: AnalyticsReport.Method
        let recordSQL: String
        let measureSQL: String
        var values = filters.values

        if let reason = try reasonToScan() {
            method = .scan(reason: reason)
            let condition = try selectTurns()
            recordSQL = """
                SELECT \(SQLiteAnalytics.recordColumns("s"))
                FROM (\(AnalyticsAggregates.daySelect(where: condition))) s JOIN conversations c ON c.id = s.conversation_id
                """
            measureSQL = """
                SELECT \(SQLiteAnalytics.measureColumns("s", grouping: request.grouping))
                FROM (\(AnalyticsAggregates.measureSelect(where: condition))) s JOIN conversations c ON c.id = s.conversation_id
                """
        } else {
            method = .summaries
            let hasPending = (try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM analytics_pending)") ?? 0) != 0
            recordSQL = SQLiteAnalytics.summarySQL(
                table: "analytics_turn_days", columns: SQLiteAnalytics.recordColumns("t"),
                live: AnalyticsAggregates.daySelect(where: SQLiteAnalytics.pendingCondition),
                hasPending: hasPending, filters: filters.andClause)
            // Measured turns need their conversation only for filters and user or source groups.
            let needsConversation = !filters.conditions.isEmpty || request.grouping == .user || request.grouping == .source
            measureSQL = SQLiteAnalytics.summarySQL(
                table: "analytics_turn_measures", columns: SQLiteAnalytics.measureColumns("t", grouping: request.grouping),
                live: AnalyticsAggregates.measureSelect(where: SQLiteAnalytics.pendingCondition),
                hasPending: hasPending, filters: filters.andClause, joinsConversations: needsConversation)
        }
        if case .scan = method {
            values = []
        }

        try checkCancellation()
        let statement = try connection.prepare(recordSQL)
        try statement.bind(values)
        var userIDs = Set<Int64>()
        while try statement.step() {
            let record = SQLiteAnalytics.summaryRecord(statement)
            userIDs.insert(record.dimensions.userID)
            accumulator.add(record)
        }
        try checkCancellation()

        if request.includesPercentiles {
            let measures = try connection.prepare(measureSQL)
            try measures.bind(values)
            while try measures.step() {
                accumulator.add(AnalyticsMeasureRecord(
                    dimensions: SQLiteAnalytics.dimensions(measures),
                    inputTokens: measures.optionalInt(6), outputTokens: measures.optionalInt(7),
                    generationSeconds: measures.optionalDouble(8)))
            }
            try checkCancellation()
        }

        let names = request.grouping == .user ? try userNames(Array(userIDs)) : [:]
        return accumulator.report(top: request.top, userNames: names, withPercentiles: request.includesPercentiles,
                                  method: method, notes: notes)
    }

    private func checkCancellation() throws {
        if cancellation?.isCancelled == true {
            throw SearchError.cancelled
        }
    }

    // MARK: Summaries

    private static let pendingCondition = "t.conversation_id IN (SELECT conversation_id FROM analytics_pending)"

    /// Reads a summary table, replacing the rows of queued conversations by rows computed from
    /// their turns. The rows are aliased `t` with a `created_at` at the start of their day, so
    /// the search filters apply to them unchanged.
    private static func summarySQL(table: String, columns: String, live: String, hasPending: Bool, filters: String,
                                   joinsConversations: Bool = true) -> String {
        let stored = hasPending
            ? "SELECT *, day * 86400.0 AS created_at FROM \(table) WHERE conversation_id NOT IN (SELECT conversation_id FROM analytics_pending)"
              + "\n    UNION ALL SELECT *, day * 86400.0 FROM (\(live))"
            : "SELECT *, day * 86400.0 AS created_at FROM \(table)"
        return """
            SELECT \(columns)
            FROM (\(stored)) t\(joinsConversations ? " JOIN conversations c ON c.id = t.conversation_id" : "")
            WHERE 1\(filters)
            """
    }

    /// Returns why the summaries cannot serve this request, or nil when they can.
    private func reasonToScan() throws -> String? {
        let query = request.query
        if !(try AnalyticsAggregates.isInstalled(connection)) {
            return "the store has no summary tables yet; open it once with write access to add them"
        }
        if query.scope == .titles {
            return "in:title selects conversations by their title"
        }
        if query.hasTextCondition {
            return "the query matches text"
        }
        for filter in query.filters where filter.kind == .before || filter.kind == .after {
            let seconds = filter.date?.timeIntervalSince1970 ?? 0
            if seconds.truncatingRemainder(dividingBy: 86_400) != 0 {
                return "\(filter.kind.rawValue):\(filter.value) is not the start of a UTC day"
            }
        }
        return nil
    }

    // MARK: Scanning

    /// Fills the temporary selection tables with what the query matches and returns the SQL
    /// condition over `turns t` and `conversations c` that selects those turns.
    private func selectTurns() throws -> String {
        let query = request.query
        var condition = "1" + inlined(filters)
        if query.scope == .titles {
            try selectConversationsByTitle()
            condition += " AND t.conversation_id IN (SELECT conversation_id FROM temp.analytics_title_selection)"
        } else if query.hasTextCondition {
            try selectTurnsByText(filterCondition: condition)
            condition += " AND t.id IN (SELECT turn_id FROM temp.analytics_selection)"
        }
        return condition
    }

    /// Returns the filter conditions with their values written as SQL literals, because the
    /// condition is used inside statements that bind no values.
    private func inlined(_ filters: SQLiteSearchFilters) -> String {
        var clause = ""
        var values = filters.values.makeIterator()
        for character in filters.andClause {
            if character == "?", let value = values.next() {
                clause += SQLiteAnalytics.literal(value.sqliteValue)
            } else {
                clause.append(character)
            }
        }
        return clause
    }

    static func literal(_ value: SQLiteValue) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return number.isFinite ? "\(number)" : "NULL"
        case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let bytes): return "X'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    private func selectTurnsByText(filterCondition: String) throws {
        try connection.execute("""
            CREATE TEMP TABLE IF NOT EXISTS analytics_selection (turn_id INTEGER PRIMARY KEY);
            DELETE FROM temp.analytics_selection;
            """)
        let query = request.query
        let pending = try SQLiteSearchPlan.hasPendingCharacters(connection)
        let plan = try SQLiteSearchPlan.make(query, hasPendingCharacters: pending, cap: 1_000_000, connection: connection)

        let filtered = "SELECT t.id FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE \(filterCondition)"
        if let (driver, driverValues) = SQLiteSearch.driverSQL(plan.driver, ranked: false, pending: pending) {
            // Driving from the index and joining each candidate's rows keeps the work in
            // proportion to the candidates. `rowid IN (every filtered turn)` took 18 s on the
            // 1M-turn demo store, where this takes milliseconds.
            let insert = try connection.prepare("""
                INSERT OR IGNORE INTO temp.analytics_selection (turn_id)
                SELECT d.rowid FROM (\(driver)) d JOIN turns t ON t.id = d.rowid JOIN conversations c ON c.id = t.conversation_id
                WHERE \(filterCondition)
                """)
            try insert.bind(driverValues)
            while try insert.step() {}
        } else {
            try connection.execute("INSERT INTO temp.analytics_selection (turn_id) \(filtered)")
        }
        try checkCancellation()
        guard plan.needsVerification else { return }

        // The index found candidates; keep those whose text satisfies the whole query.
        var rejected: [Int64] = []
        let candidates = try connection.prepare("SELECT s.turn_id, t.text FROM temp.analytics_selection s JOIN turns t ON t.id = s.turn_id")
        var checked = 0
        while try candidates.step() {
            if !plan.matcher.matches(FoldedText(candidates.string(1))) {
                rejected.append(candidates.int64(0))
            }
            checked += 1
            if checked % 1_024 == 0 {
                try checkCancellation()
            }
        }
        candidates.reset()
        for id in rejected {
            try connection.run("DELETE FROM temp.analytics_selection WHERE turn_id = ?", id)
        }
    }

    /// Selects the conversations whose title satisfies the query's text, checked in Swift.
    private func selectConversationsByTitle() throws {
        try connection.execute("""
            CREATE TEMP TABLE IF NOT EXISTS analytics_title_selection (conversation_id INTEGER PRIMARY KEY);
            DELETE FROM temp.analytics_title_selection;
            """)
        let matcher = SearchMatcher(request.query)
        let titles = try connection.prepare("SELECT id, title FROM conversations WHERE title IS NOT NULL")
        var matched: [Int64] = []
        var checked = 0
        while try titles.step() {
            if matcher.matches(FoldedText(titles.string(1))) {
                matched.append(titles.int64(0))
            }
            checked += 1
            if checked % 1_024 == 0 {
                try checkCancellation()
            }
        }
        titles.reset()
        for id in matched {
            try connection.run("INSERT INTO temp.analytics_title_selection (conversation_id) VALUES (?)", id)
        }
    }

    // MARK: Rows

    private static func dimensions(_ row: Statement) -> AnalyticsDimensions {
        AnalyticsDimensions(
            conversationID: row.int64(0), day: row.optionalInt(1), model: row.optionalString(2),
            role: Role(rawValue: row.string(3)), userID: row.int64(4), source: row.string(5))
    }

    private static func summaryRecord(_ row: Statement) -> AnalyticsSummaryRecord {
        AnalyticsSummaryRecord(
            dimensions: dimensions(row), turns: row.int(6), characters: row.int(7), messageTurns: row.int(8),
            hiddenTurns: row.int(9), toolCallTurns: row.int(10), toolResultTurns: row.int(11), reasoningTurns: row.int(12),
            errorTurns: row.int(13), branchedTurns: row.int(14), inputTokens: row.optionalInt(15), inputTokenTurns: row.int(16),
            outputTokens: row.optionalInt(17), outputTokenTurns: row.int(18), generationSeconds: row.optionalDouble(19),
            generationTurns: row.int(20))
    }

    private func userNames(_ ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let list = JSONValue.array(ids.map { .number(Double($0)) }).serialized()
        var names: [Int64: String] = [:]
        for (id, name) in try connection.query("SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))", [list], row: {
            ($0.int64(0), $0.string(1))
        }) {
            names[id] = name
        }
        return names
    }
}
