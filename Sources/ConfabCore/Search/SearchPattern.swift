/// One term compiled for matching folded text: literal pieces with gaps between phrase words.
///
/// A term matches where the folded text contains its folded characters, with these rules:
/// - a term that starts with a letter or digit must start a word, and one that ends with a letter
///   or digit must end a word, unless it ends with `*` (a prefix); characters of unsegmented
///   scripts (see `SearchFolding.isUnsegmented`) need no word boundary, so `日本語` is found
///   inside `日本語のテスト`;
/// - for a term that contains such characters, a neighbouring character of those scripts also
///   counts as a word boundary, so `gen-itgc后` is found in `和gen-itgc后端`; a term without them
///   follows the word index, where `和gen` is one word that `gen` alone does not match;
/// - punctuation typed inside a word must be there as typed (`c++`, `node.js`, `std::vector`);
/// - the space between two words of a phrase stands for one or more characters that are not
///   letters or digits, so `"docker compose"` finds `docker-compose` too.
struct SearchPattern {
    enum Part: Equatable {
        case literal([Unicode.Scalar])
        case gap
    }

    /// The term as typed.
    let term: SearchTerm
    let parts: [Part]
    let needsStartBoundary: Bool
    let needsEndBoundary: Bool
    /// True when the term contains unsegmented characters, which relaxes its word boundaries.
    let containsUnsegmented: Bool

    /// True when every folded character is a letter or digit outside the unsegmented scripts, so
    /// the `unicode61` index alone decides matches exactly.
    let isWordIndexExact: Bool
    /// True when the term is one run of unsegmented characters, so the character index decides
    /// matches exactly.
    let isCharacterIndexExact: Bool
    /// The runs of unsegmented characters in the term, in order.
    let unsegmentedRuns: [String]

    /// Compiles a term; nil when nothing of it survives folding.
    init?(_ term: SearchTerm) {
        var parts: [Part] = []
        var runs: [String] = []
        var allWordCharacters = true
        var anyUnsegmented = false
        for word in term.words {
            var folded: [Unicode.Scalar] = []
            for scalar in word.unicodeScalars {
                SearchFolding.fold(scalar, into: &folded)
            }
            guard !folded.isEmpty else { continue }
            if !parts.isEmpty {
                parts.append(.gap)
            }
            parts.append(.literal(folded))

            var run = String.UnicodeScalarView()
            for scalar in folded {
                if SearchFolding.isUnsegmented(scalar) {
                    anyUnsegmented = true
                    run.append(scalar)
                } else {
                    if !SearchFolding.isWordCharacter(scalar) {
                        allWordCharacters = false
                    }
                    if !run.isEmpty {
                        runs.append(String(run))
                        run = String.UnicodeScalarView()
                    }
                }
            }
            if !run.isEmpty {
                runs.append(String(run))
            }
        }
        guard case let .literal(first)? = parts.first, case let .literal(last)? = parts.last else { return nil }

        self.term = term
        self.containsUnsegmented = anyUnsegmented
        self.parts = parts
        self.unsegmentedRuns = runs
        needsStartBoundary = SearchPattern.needsBoundary(first.first!)
        needsEndBoundary = !term.isPrefix && SearchPattern.needsBoundary(last.last!)
        isWordIndexExact = allWordCharacters && !anyUnsegmented
        isCharacterIndexExact = parts.count == 1 && !term.isPrefix
            && first.allSatisfy(SearchFolding.isUnsegmented)
    }

    private static func needsBoundary(_ scalar: Unicode.Scalar) -> Bool {
        SearchFolding.isWordCharacter(scalar) && !SearchFolding.isUnsegmented(scalar)
    }

    // MARK: Matching

    /// Returns every non-overlapping match in `text`, as ranges of folded scalars.
    func matches(in text: FoldedText, stopAfterFirst: Bool = false) -> [Range<Int>] {
        guard case let .literal(first) = parts[0] else { return [] }
        let head = first[0]
        var found: [Range<Int>] = []
        var start = 0
        let scalars = text.scalars
        while start < scalars.count {
            if scalars[start] == head,
               !needsStartBoundary || start == 0 || !continuesWord(at: start - 1, in: text),
               let end = match(partAt: 0, from: start, in: text),
               !needsEndBoundary || end == scalars.count || !continuesWord(at: end, in: text) {
                found.append(start..<end)
                if stopAfterFirst {
                    return found
                }
                start = end
                continue
            }
            start += 1
        }
        return found
    }

    /// Whether the character at `index`, next to a match, would make the match part of a longer word.
    /// A change between an unsegmented script and any other is a word boundary, so `docker` is
    /// found in `東京でdockerを使う` and `東京` next to Latin letters.
    @inline(__always)
    private func continuesWord(at index: Int, in text: FoldedText) -> Bool {
        text.isSegmentedWord(at: index)
    }

    /// Matches `parts[index...]` at `position` and returns where the match ends.
    private func match(partAt index: Int, from position: Int, in text: FoldedText) -> Int? {
        guard index < parts.count else { return position }
        switch parts[index] {
        case let .literal(scalars):
            guard position + scalars.count <= text.count else { return nil }
            for offset in 0..<scalars.count where text.scalars[position + offset] != scalars[offset] {
                return nil
            }
            return match(partAt: index + 1, from: position + scalars.count, in: text)
        case .gap:
            var end = position
            while end < text.count && !text.isWord(at: end) {
                end += 1
                if let matched = match(partAt: index + 1, from: end, in: text) {
                    return matched
                }
            }
            return nil
        }
    }
}
