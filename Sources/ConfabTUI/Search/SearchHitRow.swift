import ConfabCore

/// Draws one search hit on two rows: the conversation title (for an untitled one the start of
/// its first prompt, dimmed) with user, role and time at the right, then the snippet with its
/// matches highlighted.
///
/// Every string comes from data, so each is sanitised, and the snippet is sanitised piece by
/// piece so that a highlight never starts inside an escape sequence it would hide.
struct SearchHitRow {
    let hit: SearchHit
    let firstPrompt: String?
    let isSelected: Bool
    let timeFormat: BrowseTimeFormat

    /// Columns before the snippet, so it sits under the title's text.
    static let snippetIndent = 3

    func draw(into region: Region) {
        let options = TerminalSanitizer.Options(layout: .singleLine, charset: region.charset)
        let clean = { (text: String) in TerminalSanitizer.sanitize(text, options: options) }
        let symbols = BrowseSymbols(charset: region.charset)
        let selection = isSelected ? Style(.selection) : nil
        if let selection {
            region.fillRow(0, style: selection)
            region.fillRow(1, style: selection)
        }

        var details = [clean(hit.userName), BrowseScreen.roleLabel(hit.role).lowercased()]
        if hit.kind != .message {
            details.append(BrowseScreen.kindLabel(hit.kind))
        }
        if let created = hit.createdAt {
            details.append(timeFormat.format(created))
        }
        let detailText = details.joined(separator: symbols.separator)
        let title = hit.conversationTitle.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        let untitledLabel = firstPrompt.map(clean).flatMap { $0.isEmpty ? nil : $0 } ?? "(untitled)"

        // The details give way to the title when the row is narrow: they keep at most half of it.
        let detailWidth = min(TerminalText.width(of: detailText), max(0, region.width / 2 - 1))
        let titleWidth = max(0, region.width - 1 - (detailWidth > 0 ? detailWidth + 2 : 0))
        region.writeTruncated(title ?? untitledLabel, column: 1, row: 0, width: titleWidth, style: selection ?? Style(title == nil ? .dim : .title), padding: false)
        if detailWidth > 0 {
            region.writeTruncated(detailText, column: region.width - detailWidth - 1, row: 0, width: detailWidth, style: selection ?? Style(.dim), padding: false)
        }

        drawSnippet(into: region, row: 1, options: options, selection: selection)
    }

    private func drawSnippet(into region: Region, row: Int, options: TerminalSanitizer.Options, selection: Style?) {
        let snippet = hit.snippet
        let textStyle = selection ?? Style(.text)
        let matchStyle = Style(.match, emphasis: isSelected ? .underline : [])
        let ellipsis = region.glyphs.ellipsis
        let limit = region.width - 1
        var column = SearchHitRow.snippetIndent

        if snippet.isTruncatedAtStart {
            column = region.write(ellipsis, column: column, row: row, style: selection ?? Style(.dim), maximumWidth: limit - column)
        }
        for piece in SearchHitRow.pieces(of: snippet, options: options) where column < limit {
            column = region.write(piece.text, column: column, row: row, style: piece.isMatch ? matchStyle : textStyle, maximumWidth: limit - column)
        }
        if snippet.isTruncatedAtEnd && column < limit {
            region.write(ellipsis, column: column, row: row, style: selection ?? Style(.dim), maximumWidth: limit - column)
        }
    }

    /// Splits the snippet at its highlights and sanitises each piece, keeping the blanks at
    /// the piece's ends that single-line sanitising would drop.
    static func pieces(of snippet: SearchSnippet, options: TerminalSanitizer.Options) -> [(text: String, isMatch: Bool)] {
        var pieces: [(text: String, isMatch: Bool)] = []
        var position = snippet.text.startIndex
        for range in snippet.highlights where range.lowerBound >= position {
            if position < range.lowerBound {
                pieces.append((sanitized(snippet.text[position..<range.lowerBound], options: options), false))
            }
            pieces.append((sanitized(snippet.text[range], options: options), true))
            position = range.upperBound
        }
        if position < snippet.text.endIndex {
            pieces.append((sanitized(snippet.text[position...], options: options), false))
        }
        return pieces.filter { !$0.text.isEmpty }
    }

    private static func sanitized(_ piece: Substring, options: TerminalSanitizer.Options) -> String {
        let leading = piece.prefix { $0 == " " }.count
        guard leading < piece.count else { return String(repeating: " ", count: min(leading, 1)) }
        let trailing = piece.reversed().prefix { $0 == " " }.count
        let core = piece.dropFirst(leading).dropLast(trailing)
        return (leading > 0 ? " " : "") + TerminalSanitizer.sanitize(String(core), options: options) + (trailing > 0 ? " " : "")
    }
}
