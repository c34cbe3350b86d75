/// How the SQLite store finds the candidates of a query, and whether they need checking.
///
/// The candidates come from one driver: the word index `turns_fts`, the character index
/// `turn_characters_fts`, the union of both for a clause like `日本 OR japan`, or every turn when
/// the query has no included text. Clauses that the driver's expression cannot state exactly
/// (terms with punctuation, the other index's clauses, turns still queued for the character
/// index) are checked in Swift by `SearchMatcher` on each candidate's text.
struct SQLiteSearchPlan {
    enum Driver: Equatable {
        case words(String)
        case characters(String)
        case union(words: String, characters: String)
        /// Every turn (or every conversation, for titles) that passes the filters.
        case all
    }

    var driver: Driver
    /// True when the driver's expression has a prefix term. FTS5 merges the doclists of every word
    /// with that prefix each time such a query starts, so it must not be restarted per conversation.
    var driverHasPrefix: Bool
    var needsVerification: Bool
    /// The included word clauses, for ranking titles and for `in:title`.
    var titleExpression: String?
    let matcher: SearchMatcher
    /// True when a word of the query also occurs glued to unsegmented text but was matched in
    /// the word index only, because it is in more than `gluedCandidateLimit` turns.
    var leavesOutGluedWords = false

    /// Word-index candidates up to which glued uses of a word are searched too.
    static let gluedCandidateLimit = 250

    /// The clauses one index can state.
    private struct IndexPart {
        var included: [String] = []
        var excluded: [String] = []

        var isEmpty: Bool { included.isEmpty && excluded.isEmpty }

        var expression: String? {
            included.isEmpty ? nil : FTS5QueryBuilder.excluding(FTS5QueryBuilder.and(included), excluded)
        }
    }

    /// Plans a plain query. `hasPendingCharacters` is true when turns wait for the character
    /// index, and `count` returns the (capped) number of candidates of a driver, used to drive from
    /// the smaller index when a query needs both. `isGlued` returns whether the character index
    /// has an FTS5 expression among the words glued to unsegmented text (`UnsegmentedRuns.gluedWords`).
    init(query: SearchQuery, hasPendingCharacters: Bool, count: (Driver) throws -> Int,
         isGlued: (String) throws -> Bool) rethrows {
        matcher = SearchMatcher(query)
        var words = IndexPart()
        var characters = IndexPart()
        var mixed: [(words: [String], characters: [String])] = []
        var isExact = true
        // Word terms that also occur glued to Chinese, Japanese, Korean or Thai text, where only
        // the character index finds them.
        var gluedIncluded: [String] = []
        var hasGluedExclusion = false

        for clause in matcher.clauses {
            // FTS5 merges the doclists of every token with a prefix before it returns a row: 1.8 s
            // for `a*` on the 1M-turn demo store. One-letter prefixes are therefore left to the
            // check in Swift over the newest turns, where such common matches come at once.
            if clause.patterns.contains(where: SQLiteSearchPlan.isShortPrefix) {
                isExact = false
                continue
            }
            let usesCharacters = clause.patterns.map { !$0.unsegmentedRuns.isEmpty }
            let clauseIsExact = clause.patterns.allSatisfy {
                $0.unsegmentedRuns.isEmpty ? $0.isWordIndexExact : ($0.isCharacterIndexExact && !hasPendingCharacters)
            }
            let wordExpressions = clause.patterns.indices.filter { !usesCharacters[$0] }
                .map { FTS5QueryBuilder.wordPhrase(clause.patterns[$0].term) }
            let characterExpressions = clause.patterns.indices.filter { usesCharacters[$0] }
                .map { FTS5QueryBuilder.characterPhrases(clause.patterns[$0]) }

            let gluedExpressions = try wordExpressions.filter(isGlued)
            if clause.isExcluded {
                hasGluedExclusion = hasGluedExclusion || !gluedExpressions.isEmpty
                // A loose match of an excluded term in the index would remove real matches, so
                // such terms are left to the check in Swift.
                if !clauseIsExact {
                    isExact = false
                } else if characterExpressions.isEmpty {
                    words.excluded += wordExpressions
                } else {
                    characters.excluded += characterExpressions
                }
                continue
            }
            if !clauseIsExact {
                isExact = false
            }
            gluedIncluded += gluedExpressions
            if characterExpressions.isEmpty {
                words.included.append(FTS5QueryBuilder.or(wordExpressions))
            } else if wordExpressions.isEmpty {
                characters.included.append(FTS5QueryBuilder.or(characterExpressions))
            } else {
                mixed.append((wordExpressions, characterExpressions))
            }
        }

        // The driver states its own index's clauses; every other clause needs the check.
        let wordDriver = words.expression.map(Driver.words)
        let characterDriver = characters.expression.map(Driver.characters)
        switch (wordDriver, characterDriver) {
        case let (word?, character?):
            driver = try count(word) <= count(character) ? word : character
            isExact = false
        case let (word?, nil):
            driver = word
            isExact = isExact && characters.isEmpty && mixed.isEmpty
        case let (nil, character?):
            driver = character
            isExact = isExact && words.isEmpty && mixed.isEmpty
        case (nil, nil):
            if let first = mixed.first {
                driver = .union(words: FTS5QueryBuilder.or(first.words), characters: FTS5QueryBuilder.or(first.characters))
                isExact = isExact && mixed.count == 1 && words.isEmpty && characters.isEmpty
            } else {
                driver = .all
                isExact = isExact && words.isEmpty && characters.isEmpty
            }
        }
        // A turn that matches every clause has each word term as a token of the word index, or
        // has one of them glued to unsegmented text. Adding the turns of every glued term to the
        // word driver's candidates therefore misses none, and the check in Swift drops the rest.
        // That check reads each candidate's text, so it runs only for words in few turns. A word
        // in many turns has more hits than anyone reads, and its glued uses are left out.
        leavesOutGluedWords = false
        if case let .words(expression) = driver, !gluedIncluded.isEmpty || hasGluedExclusion {
            if try count(.words(expression)) <= SQLiteSearchPlan.gluedCandidateLimit {
                if !gluedIncluded.isEmpty {
                    driver = .union(words: expression, characters: FTS5QueryBuilder.or(gluedIncluded))
                }
                isExact = false
            } else {
                leavesOutGluedWords = true
            }
        }
        needsVerification = !isExact
        titleExpression = words.included.isEmpty ? nil : FTS5QueryBuilder.and(words.included)
        switch driver {
        case .words:
            driverHasPrefix = matcher.clauses.contains { $0.patterns.contains { $0.term.isPrefix && $0.unsegmentedRuns.isEmpty } }
        case .characters, .all:
            driverHasPrefix = false
        case .union:
            driverHasPrefix = matcher.clauses.contains { $0.patterns.contains(where: \.term.isPrefix) }
        }
    }

    /// True for a prefix term whose last word is one letter or digit of a segmented script.
    static func isShortPrefix(_ pattern: SearchPattern) -> Bool {
        guard pattern.term.isPrefix, pattern.unsegmentedRuns.isEmpty, let last = pattern.term.words.last else { return false }
        return last.unicodeScalars.filter(SearchFolding.isWordCharacter).count < 2
    }

    /// Plans a raw FTS5 query: the expression drives the word index as typed.
    init(rawExpression: String) {
        matcher = SearchMatcher(SearchQuery())
        driver = .words(rawExpression)
        driverHasPrefix = rawExpression.contains("*")
        needsVerification = false
        titleExpression = nil
    }
}

extension SQLiteSearchPlan {
    /// Plans `query` on `connection`'s indexes: a raw query as typed, a plain one with candidate
    /// counts capped at `cap` and with the glued-word lookup in the character index.
    static func make(_ query: SearchQuery, hasPendingCharacters pending: Bool, cap: Int, connection: Connection) throws -> SQLiteSearchPlan {
        if let raw = query.rawExpression {
            return SQLiteSearchPlan(rawExpression: raw)
        }
        return try SQLiteSearchPlan(
            query: query, hasPendingCharacters: pending,
            count: { driver in try SQLiteSearch.cappedCount(of: driver, cap: cap, pending: pending, connection: connection) },
            isGlued: { expression in try SQLiteSearch.isGlued(expression, connection: connection) })
    }

    /// Returns whether turns written by other clients wait for the character index.
    static func hasPendingCharacters(_ connection: Connection) throws -> Bool {
        try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM turn_characters_pending)") == 1
    }
}
