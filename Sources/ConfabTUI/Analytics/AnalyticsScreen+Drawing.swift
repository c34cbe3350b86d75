import ConfabCore

extension AnalyticsScreen {
    public func draw(into region: Region, context: any ScreenContext) {
        let dot = AnalyticsScreen.separator(region.charset)
        let title = "Analytics\(dot)\(view.title)" + (view.usesPeriod ? " by \(period.rawValue)" : "") + "\(dot)\(range.title)"
            + (isLoading ? "\(dot)loading" + region.glyphs.ellipsis : "")
        let inside = region.drawBox(style: Style(.border), title: title, titleStyle: Style(.title))
        guard inside.width >= 20, inside.height >= 3 else { return }

        var row = drawTabs(into: inside)
        row = drawSelectionLine(into: inside, row: row)
        guard let chart else {
            let note = problem ?? "Loading the figures" + region.glyphs.ellipsis
            inside.writeTruncated(note, column: 1, row: row + 1, width: inside.width - 2,
                                  style: Style(problem == nil ? .note : .error))
            return
        }
        if let problem {
            inside.writeTruncated(problem, column: 1, row: row, width: inside.width - 2, style: Style(.error))
            row += 1
        }
        if chart.allRows.isEmpty {
            inside.writeTruncated("No turns match this selection.", column: 1, row: row + 1, width: inside.width - 2, style: Style(.note))
            return
        }
        row = drawSparklines(chart.sparklines, into: inside, row: row)
        drawSections(chart.sections, into: inside, row: row)
    }

    /// Draws the names of the views with the current one marked, and returns the next row.
    private func drawTabs(into region: Region) -> Int {
        var column = 1
        for kind in AnalyticsViewKind.allCases {
            let name = " \(kind.title) "
            let style = kind == view ? Style(.title, emphasis: [.reverse, .bold]) : Style(.dim)
            column = region.write(name, column: column, row: 0, style: style) + 1
        }
        return 1
    }

    /// Draws the selection, the totals and how they were computed; returns the next row.
    private func drawSelectionLine(into region: Region, row: Int) -> Int {
        let options = TerminalSanitizer.Options(layout: .singleLine, charset: region.charset)
        let describe = { (text: String) in text.isEmpty ? "every turn" : TerminalSanitizer.sanitize(text, options: options) }
        // The figures are labelled with the selection they were computed for.
        var line = "Selection: \(describe(resultQueryText ?? queryText))"
        if let total = result?.report.total.figures {
            line += AnalyticsScreen.separator(region.charset) + "\(CompactNumber.grouped(total.turns)) turns in \(CompactNumber.grouped(total.conversations)) conversations"
        }
        region.writeTruncated(line, column: 1, row: row, width: region.width - 2, style: Style(.dim))
        var next = row + 1
        if let shown = resultQueryText, shown != queryText, next < region.height {
            region.writeTruncated("Not loaded yet: \(describe(queryText)) (r loads it)", column: 1, row: next, width: region.width - 2, style: Style(.warning))
            next += 1
        }
        for problem in SearchQuery.parse(queryText).problems where next < region.height {
            region.writeTruncated("Note: " + TerminalSanitizer.sanitize(problem.message, options: options), column: 1, row: next,
                                  width: region.width - 2, style: Style(.warning))
            next += 1
        }
        if case .scan(let reason)? = result?.report.method, next < region.height {
            region.writeTruncated("Computed from the turns: \(reason)", column: 1, row: next, width: region.width - 2, style: Style(.warning))
            next += 1
        }
        return next
    }

    /// Draws one sparkline per figure, latest values at the right; returns the next row.
    private func drawSparklines(_ sparklines: [AnalyticsChart.Sparkline], into region: Region, row: Int) -> Int {
        guard !sparklines.isEmpty, region.height - row >= sparklines.count + 6 else { return row }
        let glyphs = AnalyticsChartGlyphs(charset: region.charset)
        let titleWidth = min(16, max(sparklines.map { TerminalText.width(of: $0.title) }.max() ?? 0, 6) + 1)
        let summaryWidth = max(sparklines.map { TerminalText.width(of: $0.summary) }.max() ?? 0, 3)
        let lineWidth = region.width - 2 - titleWidth - summaryWidth - 2
        guard lineWidth >= 4 else { return row }

        var current = row + 1
        for sparkline in sparklines {
            region.writeTruncated(sparkline.title, column: 1, row: current, width: titleWidth, style: Style(.dim))
            let values = Array(sparkline.values.suffix(lineWidth))
            region.write(glyphs.sparkline(values), column: 1 + titleWidth, row: current, style: Style(.title))
            let summary = String(repeating: " ", count: max(0, summaryWidth - TerminalText.width(of: sparkline.summary))) + sparkline.summary
            region.writeTruncated(summary, column: region.width - 1 - summaryWidth, row: current, width: summaryWidth, style: Style(.text))
            current += 1
        }
        return current
    }

    /// Draws the bar lists, scrolled to keep the selected row in view.
    private func drawSections(_ sections: [AnalyticsChart.Section], into region: Region, row: Int) {
        let glyphs = AnalyticsChartGlyphs(charset: region.charset)
        let width = region.width - 2
        var current = row + 1
        var index = 0

        // Rows left for bars once each section's title and column header are drawn.
        let chrome = sections.count * 2
        visibleRowCount = max(1, region.height - current - chrome)
        let rowsPerSection = sections.count > 1 ? max(1, visibleRowCount / sections.count) : visibleRowCount
        if selection < scrollOffset { scrollOffset = selection }

        for section in sections {
            guard current + 2 < region.height else { break }
            let columnWidths = section.columnTitles.indices.map { column in
                max(TerminalText.width(of: section.columnTitles[column]),
                    section.rows.map { TerminalText.width(of: $0.cells[column]) }.max() ?? 0)
            }
            let cellsWidth = columnWidths.reduce(0) { $0 + $1 + 1 }
            let labelWidth = min(max(section.rows.map { TerminalText.width(of: $0.label) }.max() ?? 0, 5), max(6, width / 4))
            let barWidth = max(0, width - labelWidth - 1 - cellsWidth - 1)

            region.writeTruncated(section.title, column: 1, row: current, width: width, style: Style(.title, emphasis: [.bold]))
            current += 1
            var column = 1 + labelWidth + 1 + barWidth + 1
            for (offset, title) in section.columnTitles.enumerated() {
                let padded = String(repeating: " ", count: max(0, columnWidths[offset] - TerminalText.width(of: title))) + title
                region.write(padded, column: column, row: current, style: Style(.dim))
                column += columnWidths[offset] + 1
            }
            current += 1

            // A single section scrolls with the selection. Stacked sections show their first rows,
            // except the one holding the selection, which scrolls to keep it in view.
            var first = 0
            if sections.count == 1 {
                first = scrollOffsetKeepingVisible(rows: rowsPerSection)
            } else if selection >= index && selection < index + section.rows.count {
                first = max(0, selection - index - rowsPerSection + 1)
            }
            let largest = section.largestValue
            for (position, item) in section.rows.enumerated() {
                defer { index += 1 }
                guard position >= first, position < first + rowsPerSection, current < region.height else { continue }
                let isSelected = index == selection
                let labelStyle = Style(isSelected ? .selection : .text)
                region.writeTruncated(TerminalSanitizer.sanitize(item.label, options: .init(layout: .singleLine, charset: region.charset)),
                                      column: 1, row: current, width: labelWidth, style: labelStyle)
                let fraction = largest > 0 ? item.value / largest : 0
                region.write(glyphs.bar(fraction: fraction, width: barWidth), column: 1 + labelWidth + 1, row: current,
                             style: Style(.title))
                var cellColumn = 1 + labelWidth + 1 + barWidth + 1
                for (offset, cell) in item.cells.enumerated() {
                    let padded = String(repeating: " ", count: max(0, columnWidths[offset] - TerminalText.width(of: cell))) + cell
                    region.write(padded, column: cellColumn, row: current, style: Style(isSelected ? .selection : .text))
                    cellColumn += columnWidths[offset] + 1
                }
                current += 1
            }
        }
    }

    /// Moves `scrollOffset` so the selected row is among the `rows` drawn, and returns it.
    private func scrollOffsetKeepingVisible(rows: Int) -> Int {
        if selection >= scrollOffset + rows {
            scrollOffset = selection - rows + 1
        }
        if selection < scrollOffset {
            scrollOffset = selection
        }
        return scrollOffset
    }
}

extension AnalyticsScreen {
    /// Returns the separator between the parts of a title: a middle dot, or a dash in ASCII mode.
    static func separator(_ charset: TerminalSanitizer.Options.Charset) -> String {
        charset == .ascii ? " - " : " · "
    }
}

extension AnalyticsViewKind {
    /// True for the views that group by the period key.
    var usesPeriod: Bool { self == .activity || self == .growth }
}
