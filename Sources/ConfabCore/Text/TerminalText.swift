/// Measures, truncates and pads text in terminal cells.
///
/// Widths follow glibc's `wcwidth` in a UTF-8 locale, because ncurses places wide characters with
/// it: two cells for East Asian wide and fullwidth characters, zero for combining marks and
/// invisible format characters, one for the rest. A string's width is the sum of its scalars'
/// widths, as `wcswidth` counts it.
///
/// The measures assume text that went through `TerminalSanitizer`. Control characters, which
/// have no width in a terminal (`wcwidth` returns -1 for them), count as 0 here.
///
/// NOTE: Terminals draw some emoji sequences narrower or wider than this sum: a flag from two
/// regional indicators, a ZWJ family, a text symbol followed by U+FE0F. ncurses counts the
/// same way as this type, so the two agree with each other even where a terminal differs.
public enum TerminalText {
    /// The text added by `truncate` when it cuts text short.
    public static let ellipsis = "…"

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0xA0 {
            return 0
        }
        if value == 0xAD {
            // The soft hyphen is a format character, but glibc gives it one cell.
            return 1
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            // Hangul medial vowels and final consonants join the preceding initial consonant.
            return 0
        }

        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        case .format:
            return isPrependedConcatenationMark(value) ? 1 : 0
        default:
            break
        }

        if WideCharacterTable.contains(value) {
            return 2
        }
        // Emoji added after Unicode 14 are missing from the table. Regional indicators are
        // emoji too, but one cell each in glibc.
        if scalar.properties.isEmojiPresentation, !(0x1F1E6...0x1F1FF).contains(value) {
            return 2
        }
        return 1
    }

    public static func width(of character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            total += width(of: scalar)
        }
        return total
    }

    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += width(of: scalar)
        }
        return total
    }

    /// Shortens `text` to at most `maximumWidth` cells, ending it with `ellipsis` when anything
    /// was cut. Text that fits is returned unchanged.
    ///
    /// The cut falls between grapheme clusters, so a combining mark stays with its base and an
    /// emoji sequence stays whole. A wide character that would straddle the limit is left out,
    /// so the result can be one cell narrower than `maximumWidth`. When even `ellipsis` does not
    /// fit, the result is as much of `ellipsis` as fits.
    public static func truncate(_ text: String, toWidth maximumWidth: Int, ellipsis: String = ellipsis) -> String {
        precondition(maximumWidth >= 0, "truncate needs a width of 0 or more, got \(maximumWidth)")

        let ellipsisWidth = width(of: ellipsis)
        guard ellipsisWidth <= maximumWidth else {
            return truncate(ellipsis, toWidth: maximumWidth, ellipsis: "")
        }

        let budget = maximumWidth - ellipsisWidth
        var used = 0
        var cut = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            used += width(of: text[index])
            let next = text.index(after: index)
            if used <= budget {
                cut = next
            }
            if used > maximumWidth {
                return String(text[..<cut]) + ellipsis
            }
            index = next
        }
        return text
    }

    /// Appends spaces to `text` until it is `targetWidth` cells wide. Wider text is unchanged.
    public static func pad(_ text: String, toWidth targetWidth: Int) -> String {
        let missing = targetWidth - width(of: text)
        guard missing > 0 else { return text }
        return text + String(repeating: " ", count: missing)
    }

    /// Arabic and other signs that are format characters but are drawn, so glibc gives them a cell.
    static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
            true
        default:
            false
        }
    }
}
