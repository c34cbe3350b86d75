import CNcursesw
import Glibc

/// Copies a `Screen` to ncurses, one `doupdate` per frame.
///
/// Each frame erases ncurses' window, writes every cell and refreshes once. ncurses then sends
/// only the cells that differ from what the terminal shows, so nothing flickers. The terminal
/// is cleared (`clearok`) only for the frame after `requestRepaint`: after a resize, Ctrl-L, or
/// resuming from suspension.
final class CursesRenderer {
    private let window: UnsafeMutablePointer<WINDOW>
    private let colorPairLimit: Int
    private let hasDefaultColors: Bool
    private var theme: TerminalTheme?
    private var cachedStyles: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private var pairs: [ColorPair: Int16] = [:]
    private var needsRepaint = true

    private struct ColorPair: Hashable {
        var foreground: Int
        var background: Int
    }

    init(window: UnsafeMutablePointer<WINDOW>, colorPairLimit: Int, hasDefaultColors: Bool) {
        self.window = window
        self.colorPairLimit = colorPairLimit
        self.hasDefaultColors = hasDefaultColors
    }

    func requestRepaint() {
        needsRepaint = true
    }

    /// Uses `theme` from the next frame on.
    ///
    /// Colour pairs are numbered again from 1. ncurses redraws the cells of a pair whose colours
    /// `init_pair` changes, so a theme switch needs no clearing of the terminal.
    func setTheme(_ theme: TerminalTheme) {
        guard theme != self.theme else { return }
        self.theme = theme
        cachedStyles = [:]
        pairs = [:]
    }

    func render(_ screen: Screen) {
        if needsRepaint {
            clearok(window, true)
            needsRepaint = false
        }
        werase(window)

        let height = min(screen.size.height, Int(confab_getmaxy(window)))
        let width = min(screen.size.width, Int(confab_getmaxx(window)))
        var character = cchar_t()
        for row in 0..<height {
            for column in 0..<width {
                let cell = screen[column, row]
                guard !cell.isContinuation else { continue }
                makeCharacter(for: cell, into: &character)
                // Writing the bottom-right cell stores it but returns ERR, because the cursor
                // cannot move past the end of the window. The error is expected.
                _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    // MARK: Cells

    private func makeCharacter(for cell: Cell, into character: inout cchar_t) {
        var (attributes, pair) = cursesStyle(for: cell.style)
        var wide: [wchar_t]
        if let lineCharacter = CursesRenderer.lineDrawingCharacter(for: cell.content) {
            (wide, attributes) = CursesRenderer.characters(of: lineCharacter, adding: attributes)
        } else {
            wide = CursesRenderer.drawableCharacters(of: cell)
        }
        wide.append(0)
        _ = wide.withUnsafeBufferPointer { buffer in
            setcchar(&character, buffer.baseAddress, attributes, pair, nil)
        }
    }

    /// ncurses' line-drawing character (`WACS_*`) for a box-drawing character in a cell, so
    /// that borders are drawn the way `box_set` draws them: as Unicode in a UTF-8 locale, or
    /// through the terminal's alternate character set where ncurses decides so. `box()` and
    /// the `ACS_*` characters are not used, because they show `lqqk` under `TERM=xterm` in tmux.
    static func lineDrawingCharacter(for content: String) -> UnsafePointer<cchar_t>? {
        switch content {
        case "─": confab_wacs_hline()
        case "│": confab_wacs_vline()
        case "┌": confab_wacs_ulcorner()
        case "┐": confab_wacs_urcorner()
        case "└": confab_wacs_llcorner()
        case "┘": confab_wacs_lrcorner()
        case "├": confab_wacs_ltee()
        case "┤": confab_wacs_rtee()
        case "┬": confab_wacs_ttee()
        case "┴": confab_wacs_btee()
        case "┼": confab_wacs_plus()
        default: nil
        }
    }

    /// Returns the characters of `lineCharacter`, and `attributes` combined with its own (the
    /// alternate character set flag when ncurses draws lines that way).
    private static func characters(of lineCharacter: UnsafePointer<cchar_t>, adding attributes: attr_t) -> ([wchar_t], attr_t) {
        var buffer = [wchar_t](repeating: 0, count: 8)
        var ownAttributes: attr_t = 0
        var ownPair: Int16 = 0
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            getcchar(lineCharacter, pointer.baseAddress, &ownAttributes, &ownPair, nil)
        }
        let characters = Array(buffer.prefix { $0 != 0 })
        return (characters.isEmpty ? [wchar_t(0x20)] : characters, attributes | ownAttributes)
    }

    /// The cell's characters as ncurses should get them. When the C library's `wcwidth`
    /// disagrees with the width Confab laid out (an emoji newer than the library returns -1),
    /// U+FFFD and padding take its place, so the columns after it stay where they were laid out.
    static func drawableCharacters(of cell: Cell) -> [wchar_t] {
        var scalars = cell.content.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return [wchar_t(0x20)] }

        let baseWidth = Int(confab_wcwidth(wchar_t(bitPattern: base.value)))
        guard baseWidth == cell.width else {
            return [wchar_t(cell.width == 2 ? 0xFF1F : 0xFFFD)]
        }
        var result = [wchar_t(bitPattern: base.value)]
        while let mark = scalars.next() {
            if confab_wcwidth(wchar_t(bitPattern: mark.value)) == 0 {
                result.append(wchar_t(bitPattern: mark.value))
            }
        }
        return result
    }

    private func cursesStyle(for style: Style) -> (attr_t, Int16) {
        if let cached = cachedStyles[style] {
            return cached
        }
        let terminalStyle = theme?[style.element] ?? TerminalStyle(foreground: -1, background: -1, attributes: [])
        let attributes = CursesRenderer.cursesAttributes(terminalStyle.attributes.union(style.emphasis))
        let pair = theme?.depth == .monochrome ? 0 : colorPair(foreground: terminalStyle.foreground, background: terminalStyle.background)
        cachedStyles[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func colorPair(foreground: Int, background: Int) -> Int16 {
        var key = ColorPair(foreground: foreground, background: background)
        if !hasDefaultColors {
            // Without use_default_colors, -1 is not a colour; white on black is ncurses' default.
            key = ColorPair(foreground: foreground < 0 ? 7 : foreground, background: background < 0 ? 0 : background)
        }
        if key.foreground == -1 && key.background == -1 {
            return 0
        }
        if let pair = pairs[key] {
            return pair
        }
        let number = pairs.count + 1
        guard number < colorPairLimit, number <= Int(Int16.max) else {
            return 0
        }
        init_pair(Int16(number), Int16(key.foreground), Int16(key.background))
        pairs[key] = Int16(number)
        return Int16(number)
    }

    static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = confab_attr_normal()
        if attributes.contains(.bold) { result |= confab_attr_bold() }
        if attributes.contains(.dim) { result |= confab_attr_dim() }
        if attributes.contains(.underline) { result |= confab_attr_underline() }
        if attributes.contains(.reverse) { result |= confab_attr_reverse() }
        if attributes.contains(.italic) { result |= confab_attr_italic() }
        return result
    }
}
