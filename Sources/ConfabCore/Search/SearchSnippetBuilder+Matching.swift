extension SearchSnippetBuilder {
    /// Bytes of a long text that are folded and searched for highlights before the rest.
    static let headBytes = 4_096

    /// Builds the snippet of `text` around the matches `matcher` finds in it.
    ///
    /// Folding costs time in proportion to the text, and a hit's turn can be hundreds of KB, so a
    /// long text is first searched in its head, cut at a space after `headBytes`. When the head
    /// has a match, the snippet comes from it; only otherwise is the whole text folded. So the
    /// window with the most matches is chosen within the head, not the whole text.
    static func snippet(of text: String, matcher: SearchMatcher, length: Int) -> SearchSnippet {
        if let head = head(of: text) {
            let matches = highlights(in: head, matcher: matcher)
            if !matches.isEmpty {
                var snippet = snippet(of: head, matches: matches, length: length)
                snippet.isTruncatedAtEnd = true
                return snippet
            }
        }
        return snippet(of: text, matches: highlights(in: text, matcher: matcher), length: length)
    }

    /// Returns the UTF-8 ranges of `text` that `matcher` highlights.
    private static func highlights(in text: String, matcher: SearchMatcher) -> [Range<Int>] {
        let folded = FoldedText(text)
        return matcher.highlights(in: folded).map(folded.sourceRange)
    }

    /// Returns the text up to the first space or line break after `headBytes`, or nil when the
    /// text is not much longer than that or has no such break within the next 512 bytes.
    private static func head(of text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.count > headBytes * 2 else { return nil }

        var index = utf8.index(utf8.startIndex, offsetBy: headBytes)
        let limit = utf8.index(index, offsetBy: 512)
        while index < limit {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x0A {
                return String(text[..<index])
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}
