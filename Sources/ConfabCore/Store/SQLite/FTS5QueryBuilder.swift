/// Builds FTS5 MATCH expressions from compiled terms.
///
/// Every term becomes a double-quoted FTS5 string (with `"` doubled inside), optionally followed
/// by `*`, joined only by the operators this builder writes and by parentheses. Inside a string
/// FTS5 reads no syntax at all, so `AND`, `NEAR`, `(`, `:`, `-` or `"` typed by a person can
/// never be an operator or a syntax error; a string with no words in it matches nothing.
enum FTS5QueryBuilder {
    /// A string that `unicode61` splits into the term's words, so it matches them as a phrase.
    static func wordPhrase(_ term: SearchTerm) -> String {
        quoted(term.words.joined(separator: " ")) + (term.isPrefix ? "*" : "")
    }

    /// Phrases of single characters for each unsegmented run of a term, all required.
    static func characterPhrases(_ pattern: SearchPattern) -> String {
        and(pattern.unsegmentedRuns.map(UnsegmentedRuns.phrase))
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func and(_ expressions: [String]) -> String {
        expressions.count == 1 ? expressions[0] : expressions.map { "(\($0))" }.joined(separator: " AND ")
    }

    static func or(_ expressions: [String]) -> String {
        expressions.count == 1 ? expressions[0] : expressions.map { "(\($0))" }.joined(separator: " OR ")
    }

    /// `included` without the rows that match any of `excluded`; `included` must not be empty.
    static func excluding(_ included: String, _ excluded: [String]) -> String {
        guard !excluded.isEmpty else { return included }
        return "(\(included)) NOT (\(or(excluded)))"
    }
}
