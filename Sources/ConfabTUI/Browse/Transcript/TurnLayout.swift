import ConfabCore

/// One row of a laid-out turn. Text in it is sanitised and fits the width it was laid out for.
enum TranscriptLine: Equatable {
    /// The turn's header: role, author, time and branch marker, drawn from the turn itself.
    case header
    /// A line of prose, indentation included.
    case text(String, ThemeElement)
    /// A line of a code block. `isContinuation` marks the rest of a line too long for the width.
    case code(String, isContinuation: Bool)
    /// The top edge of a code block, with its language when the fence named one.
    case codeStart(language: String)
    /// The marker of a folded turn and the number of lines it hides.
    case fold(hiddenLines: Int)
    /// The marker at the end of a long turn that is unfolded.
    case unfold
    case blank
}

/// A turn laid out for one width: its header, wrapped text, code blocks and fold marker,
/// followed by a blank separator line.
struct TurnLayout {
    let lines: [TranscriptLine]
    let width: Int
    let isExpanded: Bool
    /// The text and attachment lines before folding.
    let bodyLineCount: Int

    /// Columns before prose, and before the text of a code line (after its gutter).
    static let textIndent = 2
    static let codeIndent = 4
    /// Blank columns kept at the right of text, so it does not touch the frame.
    static let rightMargin = 1
    /// A turn with more body lines than this is folded to `foldedLineCount` lines.
    static let foldThreshold = 24
    static let foldedLineCount = 20

    var isFoldable: Bool { bodyLineCount > TurnLayout.foldThreshold }

    init(turn: TurnRecord, width: Int, isExpanded: Bool, charset: TerminalSanitizer.Options.Charset) {
        self.width = width
        self.isExpanded = isExpanded

        let body = TurnLayout.bodyLines(of: turn, width: width, charset: charset)
        bodyLineCount = body.count

        var lines: [TranscriptLine] = [.header]
        if body.count > TurnLayout.foldThreshold && !isExpanded {
            lines += body.prefix(TurnLayout.foldedLineCount)
            lines.append(.fold(hiddenLines: body.count - TurnLayout.foldedLineCount))
        } else {
            lines += body
            if body.count > TurnLayout.foldThreshold {
                lines.append(.unfold)
            }
        }
        lines.append(.blank)
        self.lines = lines
    }

    // MARK: Body

    private static func bodyLines(of turn: TurnRecord, width: Int, charset: TerminalSanitizer.Options.Charset) -> [TranscriptLine] {
        var lines: [TranscriptLine] = []
        let text = TerminalSanitizer.sanitize(turn.text, options: .init(layout: .multiLine, charset: charset))
        let element: ThemeElement = turn.kind == .error ? .error : .text

        if text.allSatisfy({ $0 == " " || $0 == "\n" }) {
            lines.append(.text(String(repeating: " ", count: textIndent) + "(empty)", .dim))
        } else {
            for block in MessageBlock.split(text) {
                switch block {
                case .prose(let proseLines):
                    lines += layOutProse(proseLines, width: width, element: element)
                case .code(let language, let codeLines):
                    lines += layOutCode(codeLines, language: language, width: width, charset: charset)
                }
            }
        }

        for attachment in turn.attachments {
            let described = describe(attachment, charset: charset)
            for line in TextWrapper.wrap(described, width: max(1, width - textIndent), continuationIndent: 2) {
                lines.append(.text(String(repeating: " ", count: textIndent) + line, .dim))
            }
        }
        return lines
    }

    private static func layOutProse(_ proseLines: [String], width: Int, element: ThemeElement) -> [TranscriptLine] {
        let available = max(1, width - textIndent - rightMargin)
        let indent = String(repeating: " ", count: textIndent)
        var lines: [TranscriptLine] = []
        for line in trimmedBlankEdges(proseLines) {
            let hanging = hangingIndent(of: line)
            for piece in TextWrapper.wrap(line, width: available, continuationIndent: hanging) {
                lines.append(.text(indent + piece, element))
            }
        }
        return lines
    }

    private static func layOutCode(_ codeLines: [String], language: String, width: Int, charset: TerminalSanitizer.Options.Charset) -> [TranscriptLine] {
        let available = max(1, width - codeIndent - rightMargin)
        var lines: [TranscriptLine] = [.codeStart(language: language)]
        for line in codeLines {
            let indentation = line.prefix { $0 == " " }.count
            let pieces = TextWrapper.wrap(line, width: available, continuationIndent: indentation + 2)
            for (index, piece) in pieces.enumerated() {
                lines.append(.code(piece, isContinuation: index > 0))
            }
        }
        return lines
    }

    /// Returns the indentation of a line's continuation: its leading blanks, plus a list marker
    /// (`- `, `* `, `+ `, `• `, `1. `, `2) `) so wrapped list items line up under their text.
    static func hangingIndent(of line: String) -> Int {
        let blanks = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(blanks)
        if let first = rest.first, "-*+•".contains(first), rest.dropFirst().first == " " {
            return blanks + 2
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, digits <= 3 {
            let after = rest.dropFirst(digits)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " {
                return blanks + digits + 2
            }
        }
        return blanks
    }

    private static func trimmedBlankEdges(_ lines: [String]) -> ArraySlice<String> {
        let isBlank: (String) -> Bool = { $0.allSatisfy { $0 == " " } }
        guard let start = lines.firstIndex(where: { !isBlank($0) }), let end = lines.lastIndex(where: { !isBlank($0) }) else {
            return []
        }
        return lines[start...end]
    }

    private static func describe(_ attachment: ImportedAttachment, charset: TerminalSanitizer.Options.Charset) -> String {
        let clean = { (text: String) in TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: charset)) }
        var facts: [String] = []
        if let name = attachment.name, !name.isEmpty {
            facts.append(clean(name))
        }
        if let mimeType = attachment.mimeType, !mimeType.isEmpty {
            facts.append(clean(mimeType))
        }
        if let size = attachment.sizeBytes {
            facts.append(ByteCountText.format(size))
        }
        return "[attachment" + (facts.isEmpty ? "" : ": " + facts.joined(separator: ", ")) + "]"
    }
}

/// Sizes in the units people read: `512 B`, `12.3 KB`, `4.0 MB` (powers of 1,000).
enum ByteCountText {
    static func format(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) B" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }
}
