extension UnsegmentedRuns {
    /// Returns the folded words of other scripts that touch an unsegmented character with no
    /// separator between them, in text order: `docker` in `東京でdockerを使う`.
    ///
    /// `unicode61` makes one token of `東京でdockerを使う`, so the word index cannot find
    /// `docker` there. The character index stores these words after the runs, where a query
    /// for a word of another script looks when the word index alone would miss them.
    static func gluedWords(in text: String) -> [String] {
        let folded = FoldedText(text)
        let count = folded.count
        var words: [String] = []
        var index = 0
        while index < count {
            guard folded.isWord(at: index) else {
                index += 1
                continue
            }

            // One token as unicode61 sees it: a maximal run of word characters of any script.
            let start = index
            var hasUnsegmented = false
            var hasSegmented = false
            while index < count && folded.isWord(at: index) {
                if folded.isSegmentedWord(at: index) {
                    hasSegmented = true
                } else {
                    hasUnsegmented = true
                }
                index += 1
            }
            guard hasUnsegmented && hasSegmented else { continue }

            var position = start
            while position < index {
                guard folded.isSegmentedWord(at: position) else {
                    position += 1
                    continue
                }
                var word = String.UnicodeScalarView()
                while position < index && folded.isSegmentedWord(at: position) {
                    word.append(folded.scalars[position])
                    position += 1
                }
                words.append(String(word))
            }
        }
        return words
    }
}
