/// Makes text from conversations safe to write to a terminal.
///
/// Every string that comes from imported data passes through `sanitize` before it reaches a
/// terminal, so that no byte of it can move the cursor, change colours, set the window title,
/// write the clipboard (OSC 52), open a hyperlink (OSC 8) or make the terminal send a report
/// back as if the user had typed it.
///
/// What the result contains:
/// - Control characters (C0, DEL and C1) never. Each one is replaced by a visible stand-in: a
///   symbol from Unicode's Control Pictures block (`␛` for ESC, `␇` for BEL), or `^[`-style caret
///   notation with the `.ascii` charset. A C1 control is written as ESC plus its 7-bit
///   equivalent, so the 8-bit CSI U+009B appears as `␛[`. Because the ESC of an escape sequence
///   becomes visible, the rest of the sequence is plain text and cannot act. With
///   `.removed` escape sequences, complete sequences are dropped whole instead.
/// - Line breaks (LF, CR LF, NEL, U+2028, U+2029): one `\n` each in multi-line layout. In
///   single-line layout a run of whitespace that contains a line break becomes ` ⏎ ` (a space
///   with the `.ascii` charset), and any other run of whitespace becomes one space. A CR that is
///   not followed by LF would move the cursor back over the line, so it is shown as `␍`.
/// - Tabs: expanded with spaces to the next tab stop in multi-line layout.
/// - Invisible format characters (general category Cf) never: bidirectional controls (U+061C,
///   U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width space and joiners, word joiner,
///   U+FEFF, soft hyphen, tag characters. The only exceptions are a zero-width joiner between
///   two emoji in multi-line Unicode text, which joins an emoji sequence, and the Arabic number
///   signs and similar marks that glibc draws with a cell.
/// - Emoji variation selectors (U+FE0E, U+FE0F) and skin-tone modifiers (U+1F3FB–U+1F3FF) only
///   in multi-line Unicode text. Single-line text drops them, so that list columns line up
///   with what `TerminalText.width` measures.
/// - Other characters, including private-use and unassigned code points, as they are, except
///   that the `.ascii` charset replaces every non-ASCII scalar with `?`.
public enum TerminalSanitizer {
    public struct Options: Sendable, Hashable {
        public enum Layout: Sendable, Hashable {
            /// One line for a list cell or a title: line breaks and tabs are folded into spaces.
            case singleLine
            /// A transcript: line breaks are kept and tabs are expanded.
            case multiLine
        }

        public enum Charset: Sendable, Hashable {
            case unicode
            /// For terminals without a UTF-8 locale: the result is pure ASCII.
            case ascii
        }

        public enum EscapeSequenceHandling: Sendable, Hashable {
            /// Escape sequences are shown as text, with a visible ESC.
            case visible
            /// Complete escape sequences are dropped. An unterminated or malformed one is shown as
            /// text, so that it cannot hide the text after it.
            case removed
        }

        public var layout: Layout
        public var charset: Charset
        public var escapeSequences: EscapeSequenceHandling
        /// Columns between tab stops in multi-line layout.
        public var tabWidth: Int

        public init(
            layout: Layout,
            charset: Charset = .unicode,
            escapeSequences: EscapeSequenceHandling = .visible,
            tabWidth: Int = 8
        ) {
            precondition(tabWidth >= 1, "tabWidth must be at least 1, got \(tabWidth)")
            self.layout = layout
            self.charset = charset
            self.escapeSequences = escapeSequences
            self.tabWidth = tabWidth
        }

        public static let singleLine = Options(layout: .singleLine)
        public static let multiLine = Options(layout: .multiLine)
    }

    public static func sanitize(_ text: String, options: Options) -> String {
        if isAlreadySafe(text, layout: options.layout) {
            return text
        }

        let scalars = Array(text.unicodeScalars)
        var builder = SanitizedTextBuilder(options: options, capacity: scalars.count)
        var index = 0
        while index < scalars.count {
            index += consumeScalars(scalars, at: index, options: options, into: &builder)
        }
        return builder.finish()
    }

    /// Handles the scalar at `index`, and the ones that belong with it, and returns how many
    /// scalars it consumed.
    private static func consumeScalars(
        _ scalars: [Unicode.Scalar],
        at index: Int,
        options: Options,
        into builder: inout SanitizedTextBuilder
    ) -> Int {
        let scalar = scalars[index]
        switch scalar.value {
        case 0x0A, 0x85, 0x2028, 0x2029:
            builder.appendLineBreak()
            return 1

        case 0x0D:
            if index + 1 < scalars.count, scalars[index + 1].value == 0x0A {
                builder.appendLineBreak()
                return 2
            }
            builder.appendControl(scalar)
            return 1

        case 0x09:
            builder.appendTab()
            return 1

        case 0x20:
            builder.appendSpace()
            return 1

        case 0x1B, 0x80...0x9F:
            if options.escapeSequences == .removed,
               let length = EscapeSequence.lengthOfCompleteSequence(in: scalars, at: index) {
                return length
            }
            builder.appendControl(scalar)
            return 1

        case 0x00...0x1F, 0x7F:
            builder.appendControl(scalar)
            return 1

        case 0x21...0x7E:
            builder.appendPrintable(scalar)
            return 1

        default:
            if !isDropped(scalars, at: index, options: options) {
                builder.appendPrintable(scalar)
            }
            return 1
        }
    }

    private static func isDropped(_ scalars: [Unicode.Scalar], at index: Int, options: Options) -> Bool {
        let scalar = scalars[index]
        let keepsEmojiSequences = options.layout == .multiLine && options.charset == .unicode

        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF:
            return !keepsEmojiSequences
        case 0x200D:
            return !(keepsEmojiSequences && EmojiSequence.joinsTwoEmoji(scalars, at: index))
        default:
            return scalar.properties.generalCategory == .format
                && !TerminalText.isPrependedConcatenationMark(scalar.value)
        }
    }

    /// Returns whether `text` is printable ASCII that the layout would leave unchanged. This is
    /// the common case, and it needs no copy.
    private static func isAlreadySafe(_ text: String, layout: Options.Layout) -> Bool {
        switch layout {
        case .multiLine:
            for byte in text.utf8 where !(byte >= 0x20 && byte < 0x7F) && byte != 0x0A {
                return false
            }
            return true

        case .singleLine:
            var previousWasSpace = true
            for byte in text.utf8 {
                guard byte >= 0x20, byte < 0x7F else { return false }
                let isSpace = byte == 0x20
                if isSpace && previousWasSpace {
                    return false
                }
                previousWasSpace = isSpace
            }
            return !previousWasSpace || text.isEmpty
        }
    }
}

extension TerminalSanitizer.Options.Charset {
    /// Chooses the charset from the locale variables the way the C library does: the first of
    /// `LC_ALL`, `LC_CTYPE` and `LANG` that is set and not empty decides, and `.unicode` requires
    /// it to name UTF-8 (`en_US.UTF-8`, `C.utf8`). With none set the locale is "C", so `.ascii`.
    public static func detect(environment: [String: String]) -> Self {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowercased = value.lowercased()
            return lowercased.contains("utf-8") || lowercased.contains("utf8") ? .unicode : .ascii
        }
        return .ascii
    }
}
