import ConfabCore

/// The characters the Browse screen draws itself, in Unicode or, without a UTF-8 locale, in ASCII.
struct BrowseSymbols {
    /// Between the parts of a turn header or a title: `Assistant · gpt-4o`.
    let separator: String
    /// Before the count of lines a folded turn hides.
    let folded: String
    /// At the end of an unfolded long turn.
    let unfolded: String
    /// In the gutter of the rest of a code line too long for the pane.
    let codeContinuation: String
    let ellipsis: String
    private let isASCII: Bool

    init(charset: TerminalSanitizer.Options.Charset) {
        isASCII = charset == .ascii
        separator = isASCII ? " | " : " · "
        folded = isASCII ? ">" : "▸"
        unfolded = isASCII ? "^" : "▴"
        codeContinuation = isASCII ? "+" : "↪"
        ellipsis = Glyphs.forCharset(charset).ellipsis
    }

    /// Returns the marker of a turn with siblings: `‹2/3›` for the second of three.
    func branchMarker(index: Int, count: Int) -> String {
        isASCII ? "<\(index + 1)/\(count)>" : "‹\(index + 1)/\(count)›"
    }
}
