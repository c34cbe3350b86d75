import ConfabCore

/// Splits text into the units that cells hold, the way ncurses places wide characters: each
/// character that takes cells starts a unit, and the zero-width characters after it (combining
/// marks, variation selectors, a zero-width joiner) stay with it.
///
/// It is the last line of defence, for text that skipped `TerminalSanitizer`. A tab or line
/// break becomes a space, and any other control or invisible format character is replaced by
/// what the sanitiser shows for it, so a unit never contains a control character.
enum CellText {
    struct Unit: Equatable {
        var content: String
        var width: Int
    }

    /// ncurses keeps at most this many characters in one cell (`CCHARW_MAX`), the spacing one
    /// included. Further combining marks are dropped, so a cell stays small however many marks
    /// the text stacks on one letter.
    static let maximumScalarsPerCell = 5

    /// Returns the units of `text`, stopping once they are wider than `maximumWidth` cells, so
    /// that drawing a few cells of a huge string does not lay out all of it.
    static func units(of text: String, charset: TerminalSanitizer.Options.Charset, maximumWidth: Int = .max) -> [Unit] {
        var units: [Unit] = []
        var scalarsInLast = 0
        var totalWidth = 0

        for original in text.unicodeScalars {
            if totalWidth > maximumWidth {
                break
            }
            for scalar in safeScalars(for: original, charset: charset) {
                let width = TerminalText.width(of: scalar)
                if width > 0 {
                    units.append(Unit(content: String(scalar), width: min(width, 2)))
                    scalarsInLast = 1
                    totalWidth += min(width, 2)
                } else if !units.isEmpty, scalarsInLast < maximumScalarsPerCell {
                    // A zero-width character with nothing before it has no cell to go on and is dropped.
                    units[units.count - 1].content.unicodeScalars.append(scalar)
                    scalarsInLast += 1
                }
            }
        }
        return units
    }

    /// Returns `scalar` when a cell may contain it, else what replaces it: a space for a tab or
    /// line break, the sanitiser's visible form for other controls, nothing for invisible ones.
    private static func safeScalars(for scalar: Unicode.Scalar, charset: TerminalSanitizer.Options.Charset) -> [Unicode.Scalar] {
        if isSafe(scalar, charset: charset) {
            return [scalar]
        }
        if isWhitespaceControl(scalar) {
            return [" "]
        }
        let shown = TerminalSanitizer.sanitize(String(scalar), options: .init(layout: .singleLine, charset: charset))
        return shown.unicodeScalars.map { isSafe($0, charset: charset) ? $0 : "?" }
    }

    static func isSafe(_ scalar: Unicode.Scalar, charset: TerminalSanitizer.Options.Charset) -> Bool {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F {
            return true
        }
        if charset == .ascii || value < 0x20 || (0x7F...0x9F).contains(value) {
            return false
        }
        switch scalar.properties.generalCategory {
        case .lineSeparator, .paragraphSeparator, .surrogate:
            return false
        case .format:
            // The zero-width joiner binds emoji sequences and cannot move the cursor, and the
            // Arabic number signs are drawn with a cell. The other format characters (bidi
            // controls, zero-width space) can reorder or hide text.
            return value == 0x200D || TerminalText.width(of: scalar) == 1
        default:
            return true
        }
    }

    private static func isWhitespaceControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
            true
        default:
            false
        }
    }
}
