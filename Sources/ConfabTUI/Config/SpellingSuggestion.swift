/// Finds the known word a misspelt one was probably meant to be.
enum SpellingSuggestion {
    /// Returns the candidate closest to `word` by edit distance, if it is close enough to be a
    /// typo: at most 2 edits, and fewer than half the word's length.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        guard let best, best.distance <= 2, best.distance * 2 < max(lowered.count, 2) else {
            return nil
        }
        return best.candidate
    }

    /// Computes the optimal string alignment distance, in which an insertion, a deletion, a
    /// substitution and a swap of two neighbouring characters each count as one edit. So
    /// "qiut" is one edit from "quit".
    static func editDistance(_ first: String, _ second: String) -> Int {
        let first = Array(first)
        let second = Array(second)
        guard !first.isEmpty else { return second.count }
        guard !second.isEmpty else { return first.count }

        var table = Array(repeating: Array(repeating: 0, count: second.count + 1), count: first.count + 1)
        for i in 0...first.count {
            table[i][0] = i
        }
        for j in 0...second.count {
            table[0][j] = j
        }
        for i in 1...first.count {
            for j in 1...second.count {
                let cost = first[i - 1] == second[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, first[i - 1] == second[j - 2], first[i - 2] == second[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[first.count][second.count]
    }

    /// " (did you mean 'x'?)" when there is a suggestion, else "".
    static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
