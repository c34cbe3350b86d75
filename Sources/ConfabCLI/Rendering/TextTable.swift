import ConfabCore

/// A plain-text table whose columns line up by terminal cells, not characters.
///
/// Every cell is sanitised as one line before it is measured, so data can neither break the layout
/// nor reach the terminal as control sequences.
struct TextTable {
    struct Column {
        var title: String
        /// Cells wider than this are truncated with an ellipsis; nil leaves the column unbounded.
        var maxWidth: Int?
        var alignRight = false
    }

    var columns: [Column]
    var rows: [[String]] = []
    var charset: TerminalSanitizer.Options.Charset

    init(columns: [Column], charset: TerminalSanitizer.Options.Charset) {
        self.columns = columns
        self.charset = charset
    }

    mutating func append(_ cells: [String]) {
        precondition(cells.count == columns.count, "row has \(cells.count) cells for \(columns.count) columns")
        let options = TerminalSanitizer.Options(layout: .singleLine, charset: charset)
        rows.append(cells.enumerated().map { index, cell in
            let safe = TerminalSanitizer.sanitize(cell, options: options)
            guard let maxWidth = columns[index].maxWidth else { return safe }
            return TerminalText.truncate(safe, toWidth: maxWidth, ellipsis: charset == .ascii ? "..." : TerminalText.ellipsis)
        })
    }

    func render() -> String {
        var widths = columns.map { TerminalText.width(of: $0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], TerminalText.width(of: cell))
            }
        }

        var lines: [String] = []
        lines.append(format(columns.map(\.title), widths: widths))
        for row in rows {
            lines.append(format(row, widths: widths))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func format(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let isLast = index == cells.count - 1
            if columns[index].alignRight {
                let padding = String(repeating: " ", count: max(0, widths[index] - TerminalText.width(of: cell)))
                parts.append(padding + cell)
            } else if isLast {
                parts.append(cell)
            } else {
                parts.append(TerminalText.pad(cell, toWidth: widths[index]))
            }
        }
        return parts.joined(separator: "  ")
    }
}
