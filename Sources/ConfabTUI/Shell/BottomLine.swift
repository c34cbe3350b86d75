import ConfabCore

/// The bottom line when no command or search line is open: key hints on the left and a status
/// message on the right.
///
/// Hints are dropped from the end of the list until the rest fit, but `trailingHint` (the help
/// key) keeps its place after them while it fits at all. The status message gets the room it
/// needs, up to the whole line, and the hints make way for it.
struct BottomLine {
    var hints: [KeyHint]
    var trailingHint: KeyHint?
    var status: StatusMessage?

    static let hintSeparator = "  "

    func draw(into region: Region, row: Int) {
        region.fillRow(row, style: Style(.hints))

        var statusStart = region.width
        if let status {
            let element: ThemeElement = status.kind == .info ? .status : .statusError
            let text = " " + TerminalSanitizer.sanitize(status.text, options: .init(layout: .singleLine, charset: region.charset)) + " "
            let fitted = TerminalText.truncate(text, toWidth: region.width, ellipsis: region.glyphs.ellipsis)
            statusStart = region.width - TerminalText.width(of: fitted)
            region.write(fitted, column: statusStart, row: row, style: Style(element))
        }

        let trailingWidth = trailingHint.map { BottomLine.width(of: $0) + BottomLine.hintSeparator.count } ?? 0
        var column = 1
        for hint in hints {
            guard column + BottomLine.width(of: hint) + trailingWidth < statusStart else { break }
            column = draw(hint, into: region, column: column, row: row)
        }
        if let trailingHint, column + BottomLine.width(of: trailingHint) < statusStart {
            draw(trailingHint, into: region, column: column, row: row)
        }
    }

    @discardableResult
    private func draw(_ hint: KeyHint, into region: Region, column: Int, row: Int) -> Int {
        let afterKeys = region.write(hint.keys, column: column, row: row, style: Style(.hintKey))
        let afterLabel = region.write(" " + hint.label, column: afterKeys, row: row, style: Style(.hints))
        return afterLabel + BottomLine.hintSeparator.count
    }

    static func width(of hint: KeyHint) -> Int {
        TerminalText.width(of: hint.keys) + 1 + TerminalText.width(of: hint.label)
    }
}

/// A short message for the bottom line.
struct StatusMessage: Equatable {
    var text: String
    var kind: StatusKind

    /// How long a message stays: errors and warnings longer, so they can be read.
    var duration: Duration {
        kind == .info ? .seconds(4) : .seconds(8)
    }
}
