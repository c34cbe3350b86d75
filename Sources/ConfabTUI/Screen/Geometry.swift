/// A position on the screen, in cells from the top-left corner.
public struct Point: Hashable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells. An empty rectangle has a width or height of 0; negative sizes are
/// treated as 0.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Point, size: Size) {
        self.init(column: origin.column, row: origin.row, width: size.width, height: size.height)
    }

    public var origin: Point { Point(column: column, row: row) }
    public var size: Size { Size(width: width, height: height) }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The column just right of the rectangle.
    public var endColumn: Int { column + width }
    /// The row just below the rectangle.
    public var endRow: Int { row + height }

    public var description: String { "(\(column),\(row) \(width)×\(height))" }

    public func contains(_ point: Point) -> Bool {
        point.column >= column && point.column < endColumn && point.row >= row && point.row < endRow
    }

    /// Returns the cells that both rectangles cover, empty when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(column, other.column)
        let top = max(row, other.row)
        let right = min(endColumn, other.endColumn)
        let bottom = min(endRow, other.endRow)
        return Rect(column: left, row: top, width: right - left, height: bottom - top)
    }

    /// Returns the rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(column: column + amount, row: row + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Splits off the top `count` rows. Either part can be empty.
    public func divided(atRow count: Int) -> (top: Rect, bottom: Rect) {
        let split = min(max(0, count), height)
        return (
            Rect(column: column, row: row, width: width, height: split),
            Rect(column: column, row: row + split, width: width, height: height - split)
        )
    }

    /// Splits off the left `count` columns. Either part can be empty.
    public func divided(atColumn count: Int) -> (left: Rect, right: Rect) {
        let split = min(max(0, count), width)
        return (
            Rect(column: column, row: row, width: split, height: height),
            Rect(column: column + split, row: row, width: width - split, height: height)
        )
    }
}
