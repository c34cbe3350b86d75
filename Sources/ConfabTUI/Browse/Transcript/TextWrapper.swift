import ConfabCore

/// Wraps one line of sanitised text to a width in terminal cells.
///
/// A line breaks after a run of spaces, or before and after a wide (CJK) character, because
/// those scripts break between characters. A word longer than the line is cut between grapheme
/// clusters, so a combining mark stays with its base and a wide character is never split. Spaces
/// at a break are dropped, and continuation lines start with `continuationIndent` blanks.
enum TextWrapper {
    static func wrap(_ line: String, width: Int, continuationIndent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        if TerminalText.width(of: line) <= width {
            return [line]
        }
        var state = WrapState(width: width, indent: continuationIndent <= width / 2 ? continuationIndent : 0)
        for character in line {
            state.add(character)
        }
        return state.finish()
    }
}

private struct WrapState {
    let width: Int
    let indent: Int
    var lines: [String] = []
    var characters: [Character] = []
    var widths: [Int] = []
    var lineWidth = 0
    /// Characters at the start of the line that are continuation indent, not content.
    var prefixCount = 0
    /// Where the next line would start if the line broke now.
    var breakIndex: Int?

    init(width: Int, indent: Int) {
        self.width = width
        self.indent = indent
    }

    mutating func add(_ character: Character) {
        let characterWidth = TerminalText.width(of: character)

        if character == " " {
            // Spaces that a break carried to a continuation line are dropped.
            guard characters.count > prefixCount || lines.isEmpty else { return }
            append(character, width: 1)
            breakIndex = characters.count
            return
        }
        if characterWidth == 2 && characters.count > prefixCount {
            breakIndex = characters.count
        }
        if characterWidth > 0 && lineWidth + characterWidth > width && characters.count > prefixCount {
            breakLine()
            while lineWidth + characterWidth > width && characters.count > prefixCount + 1 {
                cutLine()
            }
        }
        append(character, width: characterWidth)
        if characterWidth == 2 {
            breakIndex = characters.count
        }
    }

    mutating func finish() -> [String] {
        if characters.count > prefixCount || lines.isEmpty {
            emit(upTo: characters.count)
        }
        return lines
    }

    private mutating func append(_ character: Character, width characterWidth: Int) {
        characters.append(character)
        widths.append(characterWidth)
        lineWidth += characterWidth
    }

    /// Ends the line at the last break opportunity, or where it is when there is none.
    private mutating func breakLine() {
        let end = breakIndex.flatMap { $0 > prefixCount ? $0 : nil } ?? characters.count
        let carried = Array(zip(characters[end...], widths[end...]))
        emit(upTo: end)
        startContinuation(with: carried)
    }

    /// Cuts a carried word that is still too wide: its head fills this line.
    private mutating func cutLine() {
        var used = 0
        var end = characters.count
        for index in characters.indices {
            used += widths[index]
            if used > width {
                end = max(index, prefixCount + 1)
                break
            }
        }
        let carried = Array(zip(characters[end...], widths[end...]))
        emit(upTo: end)
        startContinuation(with: carried)
    }

    private mutating func emit(upTo end: Int) {
        var stop = end
        while stop > prefixCount && characters[stop - 1] == " " {
            stop -= 1
        }
        lines.append(String(characters[0..<stop]))
    }

    private mutating func startContinuation(with carried: [(Character, Int)]) {
        characters = Array(repeating: " ", count: indent)
        widths = Array(repeating: 1, count: indent)
        lineWidth = indent
        prefixCount = indent
        breakIndex = nil
        var dropsSpaces = true
        for (character, characterWidth) in carried {
            if dropsSpaces && character == " " {
                continue
            }
            dropsSpaces = false
            append(character, width: characterWidth)
            if character == " " {
                breakIndex = characters.count
            }
        }
    }
}
