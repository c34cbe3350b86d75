import Foundation

/// Runs one search request on a SQLite store.
///
/// When the driver has at most `rankingLimit` candidates, they are all read (ids only), ordered
/// by BM25 or recency in SQL, and the page's details are fetched afterwards; the total is then
/// exact. With more candidates, ranking would cost too much (about 1.5 µs per candidate), so the
/// search walks conversations from the newest, asks the index for each conversation's matching
/// turns, and stops when the page is full; the total is then a lower bound.
final class SQLiteSearch {
    let connection: Connection
    let request: SearchRequest
    let cancellation: SearchCancellation?
    let filters: SQLiteSearchFilters
    let plan: SQLiteSearchPlan
    let hasPendingCharacters: Bool
    var notes: [String]
    /// Texts read while checking candidates, kept so a hit does not read its text twice.
    var textCache: [Int64: String] = [:]
    /// Candidates whose text `verify` has read and checked so far.
    var verifiedCount = 0
    /// All candidate ids of the driver, sorted, once a walk has read them.
    var candidateIDs: [Int64]?

    /// How much more a match in the conversation title weighs than a match in the turn text.
    static let titleWeight = 2.0

    init(connection: Connection, request: SearchRequest, cancellation: SearchCancellation?) throws {
        self.connection = connection
        self.request = request
        self.cancellation = cancellation
        let query = request.query
        notes = query.problems.map(\.message)
        filters = SQLiteSearchFilters(query.filters, forTitles: query.scope == .titles)
        if query.scope == .titles && query.filters.contains(where: { $0.kind == .role }) {
            notes.append("role: filters do not apply to in:title and were ignored")
        }

        let hasIndex = try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'turn_characters_pending'") ?? 0
        guard hasIndex > 0 else { throw SearchError.indexMissing }
        hasPendingCharacters = try SQLiteSearchPlan.hasPendingCharacters(connection)
        plan = try SQLiteSearchPlan.make(
            query, hasPendingCharacters: hasPendingCharacters, cap: request.rankingLimit + 1, connection: connection)
        if plan.leavesOutGluedWords {
            notes.append("""
                a word of the query is in more than \(SQLiteSearchPlan.gluedCandidateLimit) turns, so its uses written \
                without a space next to Chinese, Japanese, Korean or Thai text are left out
                """)
        }
    }

    func run() throws -> SearchPage {
        try checkCancellation()
        let query = request.query
        if query.isEmpty {
            return SearchPage(hits: [], total: 0, totalIsLowerBound: false, order: request.order, notes: notes, nextCursor: nil)
        }
        do {
            if query.scope == .titles {
                return try titlePage()
            }
            if plan.driver != .all {
                let candidates = try SQLiteSearch.cappedCount(
                    of: plan.driver, cap: request.rankingLimit + 1, pending: hasPendingCharacters, connection: connection)
                if candidates <= request.rankingLimit {
                    return try orderedPage()
                }
                var page = try walkPage()
                // The index had more candidates than are ranked; say so only when some matched,
                // since with punctuation or filters most candidates may not.
                if request.order == .relevance && !page.hits.isEmpty {
                    page.notes.append("""
                        too many turns are candidates to rank them all (more than \(request.rankingLimit.formatted())), \
                        so matches are shown newest first
                        """)
                }
                return page
            } else if request.order == .relevance && query.hasTextCondition {
                notes.append("the query has no words to rank by, so turns are shown newest first")
            }
            return try walkPage()
        } catch let error as SQLiteError where error.isInterrupted {
            throw SearchError.cancelled
        } catch let error as SQLiteError where query.rawExpression != nil && error.primaryCode == 1 {
            throw SearchError.invalidRawQuery(SQLiteSearch.shortReason(error.message))
        }
    }

    func checkCancellation() throws {
        if cancellation?.isCancelled == true {
            throw SearchError.cancelled
        }
    }

    // MARK: Drivers

    /// Returns a SELECT of `rowid, score` for the driver's candidates, or nil for `.all`.
    func driverSQL(ranked: Bool) -> (sql: String, values: [any SQLiteBindable])? {
        SQLiteSearch.driverSQL(plan.driver, ranked: ranked, pending: hasPendingCharacters)
    }

    static func driverSQL(_ driver: SQLiteSearchPlan.Driver, ranked: Bool, pending: Bool) -> (sql: String, values: [any SQLiteBindable])? {
        let pendingRows = pending ? " UNION ALL SELECT turn_id, 0 FROM turn_characters_pending" : ""
        switch driver {
        case let .words(expression):
            let score = ranked ? "bm25(turns_fts)" : "0"
            return ("SELECT rowid, \(score) AS score FROM turns_fts WHERE turns_fts MATCH ?", [expression])
        case let .characters(expression):
            let score = ranked ? "bm25(turn_characters_fts)" : "0"
            return ("SELECT rowid, \(score) AS score FROM turn_characters_fts WHERE turn_characters_fts MATCH ?" + pendingRows,
                    [expression])
        case let .union(words, characters) where ranked:
            // The two indexes score on different scales; a turn found by both keeps its better score.
            return ("""
                SELECT rowid, min(score) AS score FROM (
                    SELECT rowid, bm25(turns_fts) AS score FROM turns_fts WHERE turns_fts MATCH ?
                    UNION ALL SELECT rowid, bm25(turn_characters_fts) FROM turn_characters_fts WHERE turn_characters_fts MATCH ?\(pendingRows)
                ) GROUP BY rowid
                """, [words, characters])
        case let .union(words, characters):
            return ("""
                SELECT rowid, 0 AS score FROM turns_fts WHERE turns_fts MATCH ?
                UNION SELECT rowid, 0 FROM turn_characters_fts WHERE turn_characters_fts MATCH ?\(pending ? " UNION SELECT turn_id, 0 FROM turn_characters_pending" : "")
                """, [words, characters])
        case .all:
            return nil
        }
    }

    /// Counts the candidates of `driver`, stopping at `cap`.
    /// Returns whether a word expression occurs among the glued words of the character index.
    /// The index is small, so this one lookup costs tens of microseconds.
    static func isGlued(_ expression: String, connection: Connection) throws -> Bool {
        try connection.scalarInt(
            "SELECT EXISTS (SELECT 1 FROM turn_characters_fts WHERE turn_characters_fts MATCH ?)", [expression]) == 1
    }

    static func cappedCount(of driver: SQLiteSearchPlan.Driver, cap: Int, pending: Bool, connection: Connection) throws -> Int {
        guard let (sql, values) = driverSQL(driver, ranked: false, pending: pending) else { return cap }
        return Int(try connection.scalarInt("SELECT count(*) FROM (\(sql) LIMIT ?)", values + [cap]) ?? 0)
    }

    // MARK: Ordered candidates

    /// Reads every candidate in order and returns the requested page, with an exact total unless
    /// checking the candidates in Swift had to stop early.
    private func orderedPage() throws -> SearchPage {
        let isRanked = request.order == .relevance && plan.driver.isRankable
        guard let (driver, driverValues) = driverSQL(ranked: isRanked) else {
            preconditionFailure("ordered pages need a driver")
        }
        var values = driverValues
        var titleJoin = ""
        var rank = "0"
        if isRanked, let title = plan.titleExpression {
            titleJoin = """
                 LEFT JOIN (SELECT rowid AS conversation_id, bm25(conversations_fts) AS title_score
                            FROM conversations_fts WHERE conversations_fts MATCH ?) tm ON tm.conversation_id = t.conversation_id
                """
            values.append(title)
            rank = "d.score + \(SQLiteSearch.titleWeight) * coalesce(tm.title_score, 0)"
        } else if isRanked {
            rank = "d.score"
        }
        let order = isRanked ? "rank, t.id DESC" : "c.updated_at DESC, c.id DESC, t.position DESC, t.id DESC"
        // Each join reads a row per candidate, so conversations are joined only when needed.
        let conversationJoin = isRanked && filters.conditions.isEmpty ? "" : "\n    JOIN conversations c ON c.id = t.conversation_id"
        let sql = """
            SELECT t.id, \(rank) AS rank FROM (\(driver)) d
            JOIN turns t ON t.id = d.rowid\(conversationJoin)\(titleJoin)
            WHERE 1\(filters.andClause)
            ORDER BY \(order)
            """
        let candidates = try rankedWithoutJoin() ?? connection.query(sql, values + filters.values) { $0.int64(0) }
        try checkCancellation()

        let start = request.cursor?.offset ?? 0
        var pageIDs: [Int64] = []
        var total = 0
        var nextOffset: Int?
        var checkedAll = true
        if !plan.needsVerification {
            total = candidates.count
            pageIDs = Array(candidates.dropFirst(start).prefix(request.limit))
            if start + pageIDs.count < candidates.count {
                nextOffset = start + pageIDs.count
            }
        } else {
            // Checking reads each candidate's text, so counting stops at a budget once the page
            // is full, and the total becomes a lower bound.
            let budget = max(start + request.limit, min(request.countLimit, SQLiteSearch.verificationBudget))
            for (index, id) in candidates.enumerated() {
                let pageIsFull = pageIDs.count >= request.limit
                if index >= budget && (pageIsFull || verifiedCount >= SQLiteSearch.walkVerificationLimit) {
                    checkedAll = false
                    nextOffset = nextOffset ?? index
                    if !pageIsFull {
                        notes.append(SQLiteSearch.stoppedCheckingNote)
                    }
                    break
                }
                if index % 64 == 0 {
                    try checkCancellation()
                }
                guard try verify(id) else { continue }
                total += 1
                if index >= start {
                    if pageIDs.count < request.limit {
                        pageIDs.append(id)
                    } else if nextOffset == nil {
                        nextOffset = index
                    }
                }
            }
        }

        let hits = try pageIDs.map { try hit(turnID: $0) }
        return SearchPage(
            hits: hits, total: max(total, start + hits.count), totalIsLowerBound: !checkedAll,
            order: isRanked ? .relevance : .recent, notes: notes,
            nextCursor: nextOffset.map { SearchCursor(offset: $0, walkPosition: nil) })
    }

    /// Candidates checked in Swift for a count beyond the page; each costs a read and a fold of
    /// the turn's text.
    static let verificationBudget = 250

    static let stoppedCheckingNote = """
        stopped after checking \(SQLiteSearch.walkVerificationLimit.formatted()) candidate turns in Swift; \
        other turns may match too (ask for the next page, or add a word)
        """

    /// Returns whether a candidate's text satisfies the query, reading the text once.
    func verify(_ turnID: Int64) throws -> Bool {
        verifiedCount += 1
        let text = try self.text(of: turnID)
        return plan.matcher.matches(FoldedText(text))
    }

    func text(of turnID: Int64) throws -> String {
        if let cached = textCache[turnID] {
            return cached
        }
        let text = try connection.scalarString("SELECT text FROM turns WHERE id = ?", [turnID]) ?? ""
        textCache[turnID] = text
        return text
    }

    // MARK: Hits

    func hit(turnID: Int64) throws -> SearchHit {
        let row = try connection.queryFirst(
            """
            SELECT t.conversation_id, c.title, t.role, t.kind, c.user_id, u.name, coalesce(t.model, c.model),
                   coalesce(t.created_at, c.created_at)
            FROM turns t JOIN conversations c ON c.id = t.conversation_id JOIN users u ON u.id = c.user_id
            WHERE t.id = ?
            """, [turnID]
        ) { row in
            (conversationID: row.int64(0), title: row.optionalString(1), role: Role(rawValue: row.string(2)) ?? .user,
             kind: TurnKind(rawValue: row.string(3)) ?? .message, userID: row.int64(4), userName: row.string(5),
             model: row.optionalString(6), createdAt: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)))
        }
        guard let row else {
            throw SQLiteError(extendedCode: 1, message: "turn \(turnID) vanished during the search")
        }
        let snippet = try self.snippet(turnID: turnID, text: try text(of: turnID))
        return SearchHit(
            conversationID: row.conversationID, conversationTitle: row.title, turnID: turnID, role: row.role,
            kind: row.kind, userID: row.userID, userName: row.userName, model: row.model, createdAt: row.createdAt,
            snippet: snippet)
    }

    /// Builds the snippet of a turn's text, with highlights from the matcher, or from FTS5 for a
    /// raw query.
    func snippet(turnID: Int64, text: String) throws -> SearchSnippet {
        if request.query.rawExpression != nil, case let .words(expression) = plan.driver {
            return try rawSnippet(table: "turns_fts", rowid: turnID, expression: expression, fallback: text)
        }
        return snippet(of: text)
    }

    func snippet(of text: String) -> SearchSnippet {
        SearchSnippetBuilder.snippet(of: text, matcher: plan.matcher, length: request.snippetLength)
    }

    /// Highlights that FTS5 itself finds for a raw query, marked with two noncharacters that
    /// Unicode reserves for internal use, and cut like other snippets.
    func rawSnippet(table: String, rowid: Int64, expression: String, fallback: String) throws -> SearchSnippet {
        let openScalar = Unicode.Scalar(UInt32(0xFDD0))!
        let closeScalar = Unicode.Scalar(UInt32(0xFDD1))!
        let open = String(Character(openScalar))
        let close = String(Character(closeScalar))
        guard !fallback.contains(open), !fallback.contains(close),
              let marked = try connection.scalarString(
                "SELECT highlight(\(table), 0, ?, ?) FROM \(table) WHERE \(table) MATCH ? AND rowid = ?",
                [open, close, expression, rowid])
        else {
            return SearchSnippetBuilder.snippet(of: fallback, matches: [], length: request.snippetLength)
        }

        var plain = String.UnicodeScalarView()
        var matches: [Range<Int>] = []
        var bytes = 0
        var start: Int?
        for scalar in marked.unicodeScalars {
            if scalar == openScalar {
                start = bytes
            } else if scalar == closeScalar {
                if let begin = start {
                    matches.append(begin..<bytes)
                }
                start = nil
            } else {
                plain.append(scalar)
                bytes += UTF8.width(scalar)
            }
        }
        return SearchSnippetBuilder.snippet(of: String(plain), matches: matches, length: request.snippetLength)
    }

    // MARK: Raw query errors

    /// SQLite's message about an invalid FTS5 expression, shortened, with a hint where one helps.
    static func shortReason(_ message: String) -> String {
        var reason = message
        if reason.hasPrefix("fts5: ") {
            reason.removeFirst("fts5: ".count)
        }
        if reason.hasPrefix("no such column: ") {
            let column = reason.dropFirst("no such column: ".count)
            return "'\(column)' is not a column (the text column is 'text'); put words with '-' or ':' in double quotes"
        }
        if reason == "unterminated string" {
            return "a double quote is not closed"
        }
        if reason == "syntax error near \"\"" {
            return "the query ends where a term is expected"
        }
        if reason.hasPrefix("unknown special query") {
            return "a query cannot start with '*'"
        }
        return reason
    }
}

extension SQLiteSearchPlan.Driver {
    /// True when BM25 applies: a single FTS5 table drives.
    var isRankable: Bool {
        switch self {
        case .words, .characters, .union: true
        case .all: false
        }
    }
}
