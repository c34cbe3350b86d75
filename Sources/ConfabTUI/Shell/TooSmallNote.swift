import ConfabCore

/// The note the console shows instead of its layout when the terminal is below `minimumSize`.
enum TooSmallNote {
    /// The smallest terminal the layout handles: the header, three rows of content and the
    /// bottom line, and room for a breadcrumb.
    static let minimumSize = Size(width: 20, height: 5)

    static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// Draws the note, word-wrapped and centred: the longest wording that fits, and the
    /// shortest one cut to the region when none does.
    static func draw(into region: Region) {
        region.fill(Style(.note))
        let times = region.charset == .ascii ? "x" : "×"
        let current = "\(region.width)\(times)\(region.height)"
        let minimum = "\(minimumSize.width)\(times)\(minimumSize.height)"
        let wordings = [
            "Terminal too small: \(current), needs at least \(minimum)",
            "Too small: \(current), need \(minimum)",
            "Too small",
        ]
        let fitting = wordings.first { wording in
            let wordsFit = wording.split(separator: " ").allSatisfy { TerminalText.width(of: $0) <= region.width }
            return wordsFit && wrap(wording, width: region.width).count <= region.height
        }
        let lines = wrap(fitting ?? wordings[wordings.count - 1], width: region.width)
        let top = max(0, (region.height - lines.count) / 2)
        for (offset, line) in lines.prefix(region.height).enumerated() {
            let left = max(0, (region.width - TerminalText.width(of: line)) / 2)
            region.write(line, column: left, row: top + offset, style: Style(.note))
        }
    }

    /// Splits `text` into lines of at most `width` cells at spaces; a word longer than a line
    /// is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if TerminalText.width(of: candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty {
                lines.append(current)
            }
            current = TerminalText.width(of: word) <= width ? String(word) : TerminalText.truncate(String(word), toWidth: width, ellipsis: "")
        }
        if !current.isEmpty {
            lines.append(current)
        }
        return lines
    }
}
