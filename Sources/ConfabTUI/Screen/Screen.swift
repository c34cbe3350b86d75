import ConfabCore

/// An in-memory grid of cells that views draw into.
///
/// The console draws every frame into a `Screen` and the renderer copies it to ncurses. Tests
/// draw into one and compare `lines()` with the expected text. Drawing goes through `Region`,
/// which clips to a rectangle. The grid keeps wide characters whole: writing over either half
/// of one blanks the other half.
public final class Screen {
    public private(set) var size: Size
    public let charset: TerminalSanitizer.Options.Charset
    public let glyphs: Glyphs
    private var cells: [Cell]

    public init(size: Size, charset: TerminalSanitizer.Options.Charset = .unicode) {
        let clamped = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = clamped
        self.charset = charset
        self.glyphs = Glyphs.forCharset(charset)
        self.cells = Array(repeating: .blank(), count: clamped.width * clamped.height)
    }

    public var bounds: Rect { Rect(origin: Point(column: 0, row: 0), size: size) }

    /// The whole screen as a region to draw into.
    public var region: Region { Region(screen: self, bounds: bounds) }

    /// Changes the size and blanks every cell.
    public func resize(to newSize: Size) {
        size = Size(width: max(0, newSize.width), height: max(0, newSize.height))
        cells = Array(repeating: .blank(), count: size.width * size.height)
    }

    public func clear(_ style: Style = .text) {
        for index in cells.indices {
            cells[index] = .blank(style)
        }
    }

    public subscript(column: Int, row: Int) -> Cell {
        precondition(bounds.contains(Point(column: column, row: row)), "cell (\(column),\(row)) is outside the \(size) screen")
        return cells[row * size.width + column]
    }

    // MARK: Text for tests

    /// Returns each row as text, wide characters once, with trailing spaces removed unless
    /// `trimmingTrailingSpaces` is false.
    public func lines(trimmingTrailingSpaces: Bool = true) -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                line += cells[row * size.width + column].content
            }
            guard trimmingTrailingSpaces else { return line }
            while line.last == " " {
                line.removeLast()
            }
            return line
        }
    }

    /// Returns the whole screen as one string: `lines()` joined by newlines.
    public func text() -> String {
        lines().joined(separator: "\n")
    }

    /// Returns the theme element of every cell of `row`, for tests that check highlighting.
    public func elements(row: Int) -> [ThemeElement] {
        (0..<size.width).map { cells[row * size.width + $0].style.element }
    }

    // MARK: Writing cells

    /// Stores `unit` at `point` if it fits before `limit` (an exclusive column), and returns
    /// whether it did. Callers have clipped `point` to the screen.
    func put(_ unit: CellText.Unit, at point: Point, style: Style, limit: Int) -> Bool {
        let right = min(limit, size.width)
        guard point.column + unit.width <= right else { return false }

        clearOverlap(at: point.column, row: point.row)
        if unit.width == 2 {
            clearOverlap(at: point.column + 1, row: point.row)
        }
        let index = point.row * size.width + point.column
        cells[index] = Cell(content: unit.content, width: unit.width, style: style)
        if unit.width == 2 {
            cells[index + 1] = .continuation(style)
        }
        return true
    }

    func setStyle(_ style: Style, at point: Point) {
        cells[point.row * size.width + point.column].style = style
    }

    /// Blanks the other half of a wide character that a write at (`column`, `row`) breaks.
    private func clearOverlap(at column: Int, row: Int) {
        let index = row * size.width + column
        let cell = cells[index]
        if cell.isContinuation, column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cell.width == 2, column + 1 < size.width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = .blank(cell.style)
    }
}
