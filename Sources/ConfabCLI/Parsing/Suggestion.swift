/// Finds the declared name that a mistyped one most likely meant.
enum Suggestion {
    /// Returns the candidate nearest to `input` by edit distance, when it is close enough to be a
    /// typo, else the only candidate that starts with `input` (at least 3 characters), else nil.
    ///
    /// Close enough means at most 1 edit for inputs of up to 4 characters, 2 for up to 8 and 3
    /// for longer ones; an edit inserts, deletes or replaces a character or swaps two neighbours.
    /// Ties go to the candidate listed first.
    static func closest(to input: String, among candidates: [String]) -> String? {
        let allowedEdits = input.count <= 4 ? 1 : (input.count <= 8 ? 2 : 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(input, candidate)
            if distance <= allowedEdits, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best {
            return best.candidate
        }

        guard input.count >= 3 else { return nil }
        let prefixed = candidates.filter { $0.hasPrefix(input) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// The optimal string alignment distance: Levenshtein distance in which swapping two adjacent
    /// characters also counts as one edit.
    static func editDistance(_ source: String, _ target: String) -> Int {
        let source = Array(source)
        let target = Array(target)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }

        // Three rows of the dynamic-programming table: the two before the current one are
        // needed to recognise a swap.
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)

        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let substitutionCost = source[i - 1] == target[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitutionCost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[target.count]
    }
}
