import ConfabCore

/// A column of a list pane.
struct ListColumn {
    enum Alignment {
        case left
        case right
    }

    var title: String
    /// The width the column wants; for the flexible column, the least it takes.
    var width: Int
    var isFlexible = false
    var alignment = Alignment.left
    /// Columns with a lower priority are dropped first when the pane is narrow.
    var priority = 0
}

/// One cell of a list row: sanitised text and the element to draw it in.
struct ListCell {
    var text: String
    var element: ThemeElement = .text
}

/// Draws list panes as aligned columns with a title row.
enum ListTable {
    static let gap = 2

    /// Returns the width of each column, or nil for a column dropped because the pane is too
    /// narrow. The flexible column takes what the others leave.
    static func fit(_ columns: [ListColumn], width: Int) -> [Int?] {
        var kept = Array(columns.indices)
        func total(_ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + columns[$1].width } + gap * max(0, indices.count - 1)
        }
        while total(kept) > width {
            let droppable = kept.filter { !columns[$0].isFlexible }
            guard let lowest = droppable.min(by: { columns[$0].priority < columns[$1].priority }) else { break }
            kept.removeAll { $0 == lowest }
        }

        var widths = [Int?](repeating: nil, count: columns.count)
        let fixed = kept.filter { !columns[$0].isFlexible }.reduce(0) { $0 + columns[$1].width }
        for index in kept {
            if columns[index].isFlexible {
                widths[index] = max(1, width - fixed - gap * max(0, kept.count - 1))
            } else {
                widths[index] = min(columns[index].width, width)
            }
        }
        return widths
    }

    /// Draws `cells` as one row at `row`, one cell per column, padded one column on each side.
    /// A selected row is drawn entirely in `selectionStyle`.
    static func drawRow(
        _ cells: [ListCell],
        columns: [ListColumn],
        widths: [Int?],
        into region: Region,
        row: Int,
        selectionStyle: Style?
    ) {
        if let selectionStyle {
            region.fillRow(row, style: selectionStyle)
        }
        var x = 1
        for (index, column) in columns.enumerated() {
            guard let width = widths[index], index < cells.count else { continue }
            let cell = cells[index]
            let style = selectionStyle ?? Style(cell.element)
            let fitted = TerminalText.truncate(cell.text, toWidth: width, ellipsis: region.glyphs.ellipsis)
            let start = column.alignment == .right ? x + width - TerminalText.width(of: fitted) : x
            region.write(fitted, column: start, row: row, style: style, maximumWidth: x + width - start)
            x += width + gap
        }
    }

    static func drawTitles(columns: [ListColumn], widths: [Int?], into region: Region, row: Int) {
        let cells = columns.map { ListCell(text: $0.title, element: .title) }
        drawRow(cells, columns: columns, widths: widths, into: region, row: row, selectionStyle: nil)
    }

    /// Formats `number` with thousands separators: `40,000`.
    static func formatCount(_ number: Int) -> String {
        NumberText.grouped(number)
    }
}
