/// A turn's text split into prose and fenced code blocks (```` ``` ```` or `~~~`).
///
/// The split is lenient, as model output needs: a fence may be indented (inside a list item),
/// and a block that is never closed runs to the end of the text.
enum MessageBlock: Equatable {
    case prose([String])
    /// Code lines with the fence's indentation removed, and the fence's info string (`swift`).
    case code(language: String, lines: [String])

    /// Splits sanitised multi-line text into blocks.
    static func split(_ text: String) -> [MessageBlock] {
        var blocks: [MessageBlock] = []
        var prose: [String] = []
        var openFence: Fence?
        var code: [String] = []

        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let fence = openFence {
                if fence.isClosed(by: line) {
                    blocks.append(.code(language: fence.language, lines: code))
                    openFence = nil
                    code = []
                } else {
                    code.append(fence.removingIndent(from: line))
                }
                continue
            }
            if let fence = Fence(opening: line) {
                if !prose.isEmpty {
                    blocks.append(.prose(prose))
                    prose = []
                }
                openFence = fence
                continue
            }
            prose.append(line)
        }

        if let fence = openFence {
            blocks.append(.code(language: fence.language, lines: code))
        }
        if !prose.isEmpty {
            blocks.append(.prose(prose))
        }
        return blocks
    }
}

private struct Fence {
    let marker: Character
    let length: Int
    let indent: Int
    let language: String

    /// Reads an opening fence: three or more backticks or tildes after optional blanks, then an
    /// info string (backtick fences may not have a backtick in it).
    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        let length = rest.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        let info = String(rest.dropFirst(length).trimmingBlanks())
        if marker == "`" && info.contains("`") {
            return nil
        }
        self.marker = marker
        self.length = length
        self.indent = indent
        self.language = info.split(separator: " ").first.map(String.init) ?? ""
    }

    func isClosed(by line: String) -> Bool {
        let trimmed = line.trimmingBlanks()
        return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }

    /// Removes up to the fence's own indentation, so code inside a list item is not shifted.
    func removingIndent(from line: String) -> String {
        let blanks = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(blanks))
    }
}
