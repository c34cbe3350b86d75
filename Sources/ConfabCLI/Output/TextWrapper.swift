import ConfabCore

/// Word wrapping by terminal cells.
enum TextWrapper {
    /// Breaks `text` into lines of at most `width` cells at spaces.
    ///
    /// Each `\n` in `text` starts a new line, and an empty line stays empty. A word wider than
    /// `width` is split after a `/`, `-`, `_`, `.`, `,` or `=` where that fills at least half a
    /// line, else between any two characters. Runs of spaces between words become one space.
    static func wrap(_ text: String, width: Int) -> [String] {
        precondition(width >= 1, "wrap needs a width of at least 1, got \(width)")

        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(paragraph, width: width)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0

        for word in paragraph.split(separator: " ") {
            for piece in splitWord(word, width: width) {
                let pieceWidth = TerminalText.width(of: piece)
                if lineWidth > 0, lineWidth + 1 + pieceWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += piece
                lineWidth += pieceWidth
            }
        }
        lines.append(line)
        return lines
    }

    /// Characters after which a long word, such as a path, a URL or a name with hyphens, is
    /// split in preference to an arbitrary character, unless that leaves less than half a line.
    private static let preferredBreaks: Set<Character> = ["/", "-", "_", ".", ",", "="]

    /// Splits a word wider than `width` into pieces that fit; other words come back whole.
    private static func splitWord(_ word: Substring, width: Int) -> [String] {
        guard TerminalText.width(of: word) > width else { return [String(word)] }

        var pieces: [String] = []
        var piece: [Character] = []
        var pieceWidth = 0
        /// The length of `piece` up to its last preferred break that fills half a line or more.
        var breakLength: Int?

        for character in word {
            let characterWidth = TerminalText.width(of: character)
            if pieceWidth > 0, pieceWidth + characterWidth > width {
                let cut = breakLength ?? piece.count
                pieces.append(String(piece[..<cut]))
                piece.removeFirst(cut)
                pieceWidth = piece.reduce(0) { $0 + TerminalText.width(of: $1) }
                breakLength = nil
            }
            piece.append(character)
            pieceWidth += characterWidth
            if preferredBreaks.contains(character), pieceWidth * 2 >= width {
                breakLength = piece.count
            }
        }
        pieces.append(String(piece))
        return pieces
    }
}
