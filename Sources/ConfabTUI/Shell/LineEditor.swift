import ConfabCore

/// The one-line editor of the `:` command line and the `/` search line.
///
/// Keys:
/// - printable characters insert;
/// - Left, Right, Home, End, Ctrl-A and Ctrl-E move;
/// - Backspace and Delete remove a character, Ctrl-W the word before the cursor, Ctrl-U
///   everything before it and Ctrl-K everything after it;
/// - Up and Down walk the history;
/// - Enter submits, and Esc and Ctrl-C cancel, as does Backspace on an empty line.
struct LineEditor {
    enum Mode: Equatable {
        case command
        case search

        var prompt: String { self == .command ? ":" : "/" }
    }

    enum Outcome: Equatable {
        case editing
        case submitted(String)
        case cancelled
    }

    /// Longer input is not accepted: a paste cannot grow the line without bound.
    static let maximumLength = 1000

    let mode: Mode
    private(set) var characters: [Character] = []
    private(set) var cursor = 0
    private let history: [String]
    private var historyIndex: Int
    private var draft: [Character] = []

    init(mode: Mode, history: [String] = [], text: String = "") {
        self.mode = mode
        self.history = history
        self.historyIndex = history.count
        characters = Array(text.prefix(LineEditor.maximumLength))
        cursor = characters.count
    }

    var text: String { String(characters) }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            insert(character)
        case .enter:
            return .submitted(text)
        case .escape, .control("c"):
            return .cancelled
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            } else if characters.isEmpty {
                return .cancelled
            }
        case .delete, .control("d"):
            if cursor < characters.count {
                characters.remove(at: cursor)
            }
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            characters.removeLast(characters.count - cursor)
        case .control("w"):
            deleteWordBeforeCursor()
        case .up:
            recall(offset: -1)
        case .down:
            recall(offset: 1)
        default:
            break
        }
        return .editing
    }

    private mutating func insert(_ character: Character) {
        guard characters.count < LineEditor.maximumLength else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0, characters[start - 1] == " " {
            start -= 1
        }
        while start > 0, characters[start - 1] != " " {
            start -= 1
        }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    private mutating func recall(offset: Int) {
        let target = historyIndex + offset
        guard target >= 0, target <= history.count else { return }
        if historyIndex == history.count {
            draft = characters
        }
        historyIndex = target
        characters = target == history.count ? draft : Array(history[target])
        cursor = characters.count
    }

    // MARK: Drawing

    /// Draws the prompt, the text and the cursor on `row`, scrolled so that the cursor shows.
    func draw(into region: Region, row: Int) {
        region.fillRow(row, style: Style(.prompt))
        let start = region.write(mode.prompt, column: 0, row: row, style: Style(.prompt))
        let available = region.width - start
        guard available > 0 else { return }

        let visible = visibleRange(available: available)
        var column = start
        for index in visible {
            let style = index == cursor ? Style(.cursor) : Style(.prompt)
            column = region.write(String(characters[index]), column: column, row: row, style: style)
        }
        if cursor == characters.count {
            region.write(" ", column: column, row: row, style: Style(.cursor))
        }
    }

    /// Returns the characters to show so that the cursor, and as much text before it as fits,
    /// is visible.
    private func visibleRange(available: Int) -> Range<Int> {
        var start = cursor
        var used = cursor < characters.count ? TerminalText.width(of: characters[cursor]) : 1
        while start > 0 {
            let width = TerminalText.width(of: characters[start - 1])
            if used + width > available { break }
            used += width
            start -= 1
        }
        var end = cursor
        if end < characters.count {
            end += 1
            while end < characters.count {
                let width = TerminalText.width(of: characters[end])
                if used + width > available { break }
                used += width
                end += 1
            }
        }
        return start..<end
    }
}
