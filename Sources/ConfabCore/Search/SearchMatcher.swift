/// A query's text clauses compiled for matching, used to check candidates that an index can only
/// narrow down, and to find the matches to highlight.
struct SearchMatcher {
    struct Clause {
        var patterns: [SearchPattern]
        var isExcluded: Bool
    }

    let clauses: [Clause]

    init(_ query: SearchQuery) {
        clauses = query.clauses.compactMap { clause in
            let patterns = clause.alternatives.compactMap(SearchPattern.init)
            return patterns.isEmpty ? nil : Clause(patterns: patterns, isExcluded: clause.isExcluded)
        }
    }

    /// True when the text satisfies every clause.
    func matches(_ text: FoldedText) -> Bool {
        for clause in clauses {
            let found = clause.patterns.contains { !$0.matches(in: text, stopAfterFirst: true).isEmpty }
            if found == clause.isExcluded {
                return false
            }
        }
        return true
    }

    /// The matches of the included terms, sorted, with overlapping ranges merged.
    func highlights(in text: FoldedText) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for clause in clauses where !clause.isExcluded {
            for pattern in clause.patterns {
                ranges += pattern.matches(in: text)
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }

        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}

extension SearchQuery {
    /// Returns whether `text` satisfies the query's text clauses (filters are not checked).
    /// A raw FTS5 query is not interpreted here, and matches nothing.
    public func matches(_ text: String) -> Bool {
        guard rawExpression == nil, !clauses.isEmpty else { return false }
        return SearchMatcher(self).matches(FoldedText(text))
    }

    /// Returns the ranges of `text` that the query's included terms match, in order and without
    /// overlaps, so a transcript view can highlight every hit. Empty for a raw FTS5 query.
    public func matchRanges(in text: String) -> [Range<String.Index>] {
        guard rawExpression == nil else { return [] }
        let folded = FoldedText(text)
        return SearchMatcher(self).highlights(in: folded).map { range in
            let bytes = folded.sourceRange(of: range)
            let utf8 = text.utf8
            return utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
        }
    }
}
