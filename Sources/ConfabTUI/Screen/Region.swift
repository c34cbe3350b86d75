import ConfabCore

/// A rectangle of a `Screen` that clips all drawing to itself.
///
/// Coordinates are relative to the region's top-left corner. Text never spills out of the
/// region: a character that does not fit is left out, and a wide character that would need
/// one more column than is left is replaced by a blank.
public struct Region {
    public let screen: Screen
    /// The rectangle in screen coordinates, already clipped to the screen.
    public let bounds: Rect

    public init(screen: Screen, bounds: Rect) {
        self.screen = screen
        self.bounds = bounds.intersection(screen.bounds)
    }

    public var width: Int { bounds.width }
    public var height: Int { bounds.height }
    public var size: Size { bounds.size }
    public var isEmpty: Bool { bounds.isEmpty }
    public var charset: TerminalSanitizer.Options.Charset { screen.charset }
    public var glyphs: Glyphs { screen.glyphs }

    /// Returns a region for `rect`, given relative to this one and clipped to it.
    public func subregion(_ rect: Rect) -> Region {
        let absolute = Rect(column: bounds.column + rect.column, row: bounds.row + rect.row, width: rect.width, height: rect.height)
        return Region(screen: screen, bounds: absolute.intersection(bounds))
    }

    /// Returns the region shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Region {
        subregion(Rect(column: amount, row: amount, width: width - 2 * amount, height: height - 2 * amount))
    }

    /// Blanks every cell with `style`.
    public func fill(_ style: Style = .text) {
        for row in 0..<height {
            fillRow(row, from: 0, style: style)
        }
    }

    /// Blanks `row` from `column` to the right edge.
    public func fillRow(_ row: Int, from column: Int = 0, style: Style = .text) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<max(max(0, column), width) {
            _ = screen.put(CellText.Unit(content: " ", width: 1), at: absolute(column: x, row: row), style: style, limit: bounds.endColumn)
        }
    }

    /// Writes `text` on one row starting at `column`, and returns the column after the last
    /// cell written. Text past the right edge (or past `maximumWidth` cells) is cut without an
    /// ellipsis; use `writeTruncated` for that.
    @discardableResult
    public func write(_ text: String, column: Int, row: Int, style: Style = .text, maximumWidth: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let limit = maximumWidth.map { min(width, column + max(0, $0)) } ?? width
        var x = column

        for unit in CellText.units(of: text, charset: charset, maximumWidth: limit - column) {
            if x >= limit {
                break
            }
            if x < 0 {
                // A wide character that straddles the left edge leaves a blank in column 0.
                if x + unit.width > 0 {
                    _ = screen.put(CellText.Unit(content: " ", width: 1), at: absolute(column: 0, row: row), style: style, limit: bounds.endColumn)
                }
                x += unit.width
                continue
            }
            let isStored = screen.put(unit, at: absolute(column: x, row: row), style: style, limit: bounds.column + limit)
            if !isStored {
                _ = screen.put(CellText.Unit(content: " ", width: 1), at: absolute(column: x, row: row), style: style, limit: bounds.column + limit)
                return x + 1
            }
            x += unit.width
        }
        return x
    }

    /// Writes `text` cut to `width` cells, ending with the ellipsis when it was cut, and pads
    /// the rest of the `width` cells with blanks in `style`. Returns the column after the field.
    @discardableResult
    public func writeTruncated(_ text: String, column: Int, row: Int, width fieldWidth: Int, style: Style = .text, padding: Bool = true) -> Int {
        guard fieldWidth > 0 else { return column }
        let fitted = TerminalText.truncate(visibleText(text, maximumWidth: fieldWidth), toWidth: fieldWidth, ellipsis: glyphs.ellipsis)
        let end = write(fitted, column: column, row: row, style: style, maximumWidth: fieldWidth)
        if padding {
            for x in end..<(column + fieldWidth) where x >= 0 && x < width {
                _ = screen.put(CellText.Unit(content: " ", width: 1), at: absolute(column: x, row: row), style: style, limit: bounds.endColumn)
            }
        }
        return column + fieldWidth
    }

    /// Writes `text` right-aligned so that it ends at the right edge, cut from the left side
    /// when the row is too narrow. Returns the column where it starts.
    @discardableResult
    public func writeRightAligned(_ text: String, row: Int, style: Style = .text, rightMargin: Int = 0) -> Int {
        let available = max(0, width - rightMargin)
        let fitted = TerminalText.truncate(visibleText(text, maximumWidth: available), toWidth: available, ellipsis: glyphs.ellipsis)
        let start = available - TerminalText.width(of: fitted)
        write(fitted, column: start, row: row, style: style)
        return start
    }

    /// Changes the style of `count` cells on `row` from `column`, keeping their text.
    public func restyle(row: Int, column: Int, count: Int, style: Style) {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + count)
        for x in start..<max(start, end) {
            screen.setStyle(style, at: absolute(column: x, row: row))
        }
    }

    // MARK: Lines and boxes

    public func horizontalLine(row: Int, style: Style) {
        guard row >= 0, row < height else { return }
        write(String(repeating: glyphs.horizontal, count: width), column: 0, row: row, style: style)
    }

    public func verticalLine(column: Int, style: Style) {
        guard column >= 0, column < width else { return }
        for row in 0..<height {
            write(glyphs.vertical, column: column, row: row, style: style)
        }
    }

    /// Draws a frame on the region's outer cells, with `title` in the top edge, and returns the
    /// region inside the frame. A region smaller than 2×2 gets no frame.
    @discardableResult
    public func drawBox(style: Style, title: String? = nil, titleStyle: Style? = nil) -> Region {
        guard width >= 2, height >= 2 else { return self }

        let inner = String(repeating: glyphs.horizontal, count: width - 2)
        write(glyphs.topLeft + inner + glyphs.topRight, column: 0, row: 0, style: style)
        write(glyphs.bottomLeft + inner + glyphs.bottomRight, column: 0, row: height - 1, style: style)
        for row in 1..<(height - 1) {
            write(glyphs.vertical, column: 0, row: row, style: style)
            write(glyphs.vertical, column: width - 1, row: row, style: style)
        }

        if let title, width > 6 {
            writeTruncated(" \(visibleText(title, maximumWidth: width)) ", column: 2, row: 0, width: width - 4, style: titleStyle ?? style, padding: false)
        }
        return inset(by: 1)
    }

    // MARK: Helpers

    private func absolute(column: Int, row: Int) -> Point {
        Point(column: bounds.column + column, row: bounds.row + row)
    }

    /// Returns `text` with everything that would not reach a cell removed, so that truncation
    /// measures what will be drawn. It stops a little past `maximumWidth` cells, which is enough
    /// for truncation to see that the text was longer.
    private func visibleText(_ text: String, maximumWidth: Int) -> String {
        var result = ""
        for unit in CellText.units(of: text, charset: charset, maximumWidth: maximumWidth + 2) {
            result += unit.content
        }
        return result
    }
}
