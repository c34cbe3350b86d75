import ConfabCore
import Foundation

/// The words of a search that a transcript highlights, and the test for a turn that `n` and
/// `N` stop at.
///
/// A plain query is used as it is. A raw FTS5 query has no matcher in the core, so its words
/// (without operators, column names, quotes and brackets) become alternatives of one clause:
/// a turn that contains any of them matches.
struct TranscriptHighlight: Sendable {
    let query: SearchQuery

    init(_ query: SearchQuery) {
        if let raw = query.rawExpression {
            self.query = TranscriptHighlight.plainQuery(fromRaw: raw)
        } else {
            self.query = query
        }
    }

    func matches(_ turn: TurnRecord) -> Bool {
        query.matches(turn.text)
    }

    /// Returns the ranges of `line`, one displayed row, to highlight.
    // NOTE: a phrase that a line wrap splits is not found on either row, because each row is
    // matched on its own.
    func ranges(in line: String) -> [Range<String.Index>] {
        query.matchRanges(in: line)
    }

    static let rawOperators: Set<String> = ["AND", "OR", "NOT", "NEAR"]

    static func plainQuery(fromRaw raw: String) -> SearchQuery {
        var cleaned = ""
        for character in raw {
            cleaned.append("\"()^{}+,".contains(character) ? " " : character)
        }
        var terms: [SearchTerm] = []
        for token in cleaned.split(separator: " ") {
            var word = String(token)
            if let colon = word.lastIndex(of: ":") {
                word = String(word[word.index(after: colon)...])
            }
            let isPrefix = word.hasSuffix("*")
            word = word.trimmingCharacters(in: ["*"])
            guard !word.isEmpty, !rawOperators.contains(word), !word.hasPrefix("NEAR/") else { continue }
            terms.append(SearchTerm(words: [word], isPrefix: isPrefix))
        }
        return SearchQuery(clauses: terms.isEmpty ? [] : [SearchClause(alternatives: terms)])
    }
}
