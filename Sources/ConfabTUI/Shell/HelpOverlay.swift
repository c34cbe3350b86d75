import ConfabCore

/// The `?` overlay: every action and its keys, built from the keymap so it always shows the
/// keys in effect, the user's own bindings included.
struct HelpOverlay {
    enum Line: Equatable {
        case heading(String)
        case entry(keys: String, summary: String)
        case blank
    }

    private(set) var scrollOffset = 0
    /// Rows of content that fit in the box at the last draw, for paging.
    private var pageHeight = 10

    static let maximumWidth = 76
    static let maximumKeyColumnWidth = 24

    static func lines(keymap: Keymap, screen: ScreenID?) -> [Line] {
        var lines: [Line] = []
        for section in keymap.helpSections(for: screen) {
            if !lines.isEmpty {
                lines.append(.blank)
            }
            lines.append(.heading(section.title))
            for entry in section.entries {
                lines.append(.entry(keys: entry.keys, summary: entry.summary))
            }
        }
        return lines
    }

    /// Scrolls for a movement action; returns false for actions that do not scroll.
    mutating func scroll(for action: Action, lineCount: Int) -> Bool {
        let maximum = max(0, lineCount - pageHeight)
        switch action {
        case .moveUp: scrollOffset -= 1
        case .moveDown: scrollOffset += 1
        case .pageUp: scrollOffset -= pageHeight
        case .pageDown: scrollOffset += pageHeight
        case .halfPageUp: scrollOffset -= pageHeight / 2
        case .halfPageDown: scrollOffset += pageHeight / 2
        case .top: scrollOffset = 0
        case .bottom: scrollOffset = maximum
        default: return false
        }
        scrollOffset = min(max(0, scrollOffset), maximum)
        return true
    }

    mutating func scroll(byLines count: Int, lineCount: Int) {
        scrollOffset = min(max(0, scrollOffset + count), max(0, lineCount - pageHeight))
    }

    /// Draws the overlay centred in `region` (the main area).
    mutating func draw(into region: Region, lines: [Line], closeKeys: String) {
        let width = min(region.width, HelpOverlay.maximumWidth)
        let height = min(region.height, lines.count + 2)
        let box = region.subregion(Rect(column: (region.width - width) / 2, row: (region.height - height) / 2, width: width, height: height))
        box.fill(Style(.helpText))
        let inside = box.drawBox(style: Style(.borderFocused), title: "Keys: \(closeKeys) closes", titleStyle: Style(.title))

        pageHeight = max(1, inside.height)
        scrollOffset = min(scrollOffset, max(0, lines.count - pageHeight))
        let keyColumn = keyColumnWidth(lines, available: inside.width)

        for (row, line) in lines.dropFirst(scrollOffset).prefix(inside.height).enumerated() {
            switch line {
            case .heading(let title):
                inside.writeTruncated(title, column: 1, row: row, width: inside.width - 1, style: Style(.title))
            case .entry(let keys, let summary):
                inside.writeTruncated(keys, column: 2, row: row, width: keyColumn, style: Style(.helpKey))
                let summaryColumn = 2 + keyColumn + 2
                inside.writeTruncated(summary, column: summaryColumn, row: row, width: inside.width - summaryColumn, style: Style(.helpText))
            case .blank:
                break
            }
        }

        if lines.count > inside.height, box.height > 2 {
            let glyphs = region.glyphs
            if scrollOffset > 0 {
                box.write(glyphs.scrollUp, column: box.width - 1, row: 1, style: Style(.borderFocused))
            }
            if scrollOffset + inside.height < lines.count {
                box.write(glyphs.scrollDown, column: box.width - 1, row: box.height - 2, style: Style(.borderFocused))
            }
        }
    }

    private func keyColumnWidth(_ lines: [Line], available: Int) -> Int {
        var widest = 0
        for case .entry(let keys, _) in lines {
            widest = max(widest, TerminalText.width(of: keys))
        }
        return max(1, min(widest, HelpOverlay.maximumKeyColumnWidth, available / 2))
    }
}
