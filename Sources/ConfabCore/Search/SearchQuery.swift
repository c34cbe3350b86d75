import Foundation

/// A parsed search: text clauses that must all hold, filters on the metadata, and the field that
/// the text is matched against.
///
/// The same query selects turns for search and conversations for retention and export. Parsing
/// never fails: input that cannot be read as intended is searched as literal text, dropped, or
/// reported in `problems`, so a caller that acts on the selection (a deletion, say) can refuse a
/// query with problems while search just shows them.
public struct SearchQuery: Sendable, Equatable {
    /// Clauses that every match satisfies, in the order typed.
    public var clauses: [SearchClause]
    /// Filters on metadata. Filters of the same kind are alternatives (`user:a user:b` is either
    /// user); filters of different kinds must all hold.
    public var filters: [SearchFilter]
    public var scope: SearchScope
    /// An FTS5 expression passed through verbatim; set only for queries parsed with `.raw`.
    public var rawExpression: String?
    /// Parts of the input that were read differently from how they look, with the reason.
    public var problems: [SearchQueryProblem]

    public init(
        clauses: [SearchClause] = [], filters: [SearchFilter] = [], scope: SearchScope = .turns,
        rawExpression: String? = nil, problems: [SearchQueryProblem] = []
    ) {
        self.clauses = clauses
        self.filters = filters
        self.scope = scope
        self.rawExpression = rawExpression
        self.problems = problems
    }

    /// Parses typed text. With `.plain` every input is valid; with `.raw` the text outside
    /// filters is kept as an FTS5 expression, which the store validates when it runs.
    public static func parse(_ text: String, syntax: SearchSyntax = .plain) -> SearchQuery {
        var parser = SearchQueryParser(text, syntax: syntax)
        return parser.parse()
    }

    /// True when the query has clauses that must match text.
    public var hasTextCondition: Bool {
        !clauses.isEmpty || !(rawExpression ?? "").isEmpty
    }

    /// True when the query selects nothing because it has neither text nor filters.
    public var isEmpty: Bool {
        !hasTextCondition && filters.isEmpty
    }
}

/// How the text of a query is read.
public enum SearchSyntax: String, Sendable, CaseIterable {
    /// Confab's query language: every input is searched literally and nothing is a syntax error.
    case plain
    /// FTS5 query syntax for experts, with Confab's filters still recognised.
    case raw
}

/// What the text of a query is matched against.
public enum SearchScope: String, Sendable {
    /// Turn text; conversation titles only weigh in the ranking.
    case turns
    /// Conversation titles only (`in:title`); each matching conversation is one hit.
    case titles
}

/// One condition on the text: any of its alternatives must match, or with `isExcluded` none may.
public struct SearchClause: Sendable, Equatable {
    /// Terms joined by `OR`; a clause without `OR` has one.
    public var alternatives: [SearchTerm]
    /// True for `-word` and `-"a phrase"`: matches of the clause are removed.
    public var isExcluded: Bool

    public init(alternatives: [SearchTerm], isExcluded: Bool = false) {
        self.alternatives = alternatives
        self.isExcluded = isExcluded
    }
}

/// A word or a quoted phrase, as typed.
public struct SearchTerm: Sendable, Equatable {
    /// The words of the term, split at white space. A word keeps its punctuation, which must
    /// appear in the text exactly as typed (after case and accent folding).
    public var words: [String]
    /// True when the term was typed in double quotes.
    public var isPhrase: Bool
    /// True when the term ended with `*`: its last word matches the start of a word.
    public var isPrefix: Bool

    public init(words: [String], isPhrase: Bool = false, isPrefix: Bool = false) {
        self.words = words
        self.isPhrase = isPhrase
        self.isPrefix = isPrefix
    }

    /// The term as it would be typed again: quoted when it is a phrase, with `*` for a prefix.
    public var displayText: String {
        let joined = words.joined(separator: " ")
        let body = isPhrase ? "\"\(joined)\"" : joined
        return isPrefix ? body + "*" : body
    }
}

/// A condition on metadata, written `name:value`, or `-name:value` to exclude.
public struct SearchFilter: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A user id, a user name (any case) or an account id in a source.
        case user
        case role
        /// A model name, any case; a trailing `*` matches names that start with the value.
        case model
        /// A conversation id, uid or source id.
        case conversation = "conv"
        /// An import format: chatgpt, claude, sharegpt, openai-jsonl, llm, open-webui, demo.
        case source
        case tag
        /// Turns created before the start of the given day, month or year (UTC).
        case before
        /// Turns created at or after the start of the given day, month or year (UTC).
        case after
        /// Conversations whose last activity is at least this long ago: `90d`, `12w` or `2y`
        /// (a bare number is days), counted back from the moment the query is parsed.
        case idle
    }

    public var kind: Kind
    /// The value as typed, without quotes.
    public var value: String
    public var isExcluded: Bool
    /// For `before` and `after`: the instant that bounds the range. For `idle`: the cutoff, now
    /// minus `ageSeconds`.
    public var date: Date?
    /// For `idle`: the age typed, in seconds.
    public var ageSeconds: Double?
    /// For `role`: the role named.
    public var role: Role?

    public init(kind: Kind, value: String, isExcluded: Bool = false, date: Date? = nil, role: Role? = nil, ageSeconds: Double? = nil) {
        self.kind = kind
        self.value = value
        self.isExcluded = isExcluded
        self.date = date
        self.role = role
        self.ageSeconds = ageSeconds
    }
}

/// A part of the input that was not read as it looks, and why.
public struct SearchQueryProblem: Sendable, Equatable, CustomStringConvertible {
    /// The text as typed.
    public var text: String
    /// What was done with it and why, as one sentence for a status line.
    public var message: String

    public init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    public var description: String { message }
}
