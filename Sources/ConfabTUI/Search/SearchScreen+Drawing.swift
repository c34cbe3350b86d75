import ConfabCore

extension SearchScreen {
    /// Rows per hit: the title line and the snippet line.
    static let rowsPerHit = 2

    public func draw(into region: Region, context: any ScreenContext) {
        let inside = region.drawBox(style: Style(.borderFocused), title: "Search", titleStyle: Style(.title))
        guard !inside.isEmpty else { return }
        if let position = positionText() {
            region.writeRightAligned(" " + position + " ", row: region.height - 1, style: Style(.dim), rightMargin: 2)
        }

        var row = drawSummary(into: inside, context: context)
        if let problem {
            row = drawWrapped(problem, into: inside, row: row, element: .error)
        }
        guard let results, resultsQuery != nil else {
            if problem == nil {
                drawIntroduction(into: inside, row: row, context: context)
            }
            return
        }
        guard results.total > 0 || !results.loadedRange.isEmpty else { return }

        let list = inside.subregion(Rect(column: 0, row: row, width: inside.width, height: inside.height - row))
        drawHits(into: list)
    }

    // MARK: Summary

    /// Draws the count, order and query on the first row and any notes below it; returns the
    /// first free row.
    private func drawSummary(into region: Region, context: any ScreenContext) -> Int {
        let symbols = BrowseSymbols(charset: region.charset)
        let mode = [requestedOrder == .relevance ? "relevance" : "newest first", syntax == .raw ? "raw FTS5" : nil]
            .compactMap { $0 }.joined(separator: symbols.separator)
        let modeStart = region.writeRightAligned("[" + mode + "]", row: 0, style: Style(syntax == .raw ? .warning : .dim), rightMargin: 1)

        var summary: String
        var element = ThemeElement.title
        if let results, let resultsQuery {
            // A query that starts and ends with a quote is shown as typed, not in a second pair.
            let text = clean(resultsQuery.text)
            let quoted = text.count > 1 && text.hasPrefix("\"") && text.hasSuffix("\"") ? text : "\"" + text + "\""
            if results.total == 0 && results.loadedRange.isEmpty {
                summary = "No turns match " + quoted
                element = .note
            } else {
                let count = ListTable.formatCount(results.total) + (results.totalIsLowerBound ? "+" : "")
                let noun = results.total == 1 && !results.totalIsLowerBound ? "turn matches" : "turns match"
                let order = results.order == .relevance ? "best match first" : "newest first"
                summary = "\(count) \(noun) \(quoted)\(symbols.separator)\(order)"
            }
        } else {
            summary = ""
        }
        if let cancelledText, !isSearching {
            // Results still shown belong to an earlier query; say which query was stopped.
            let typed = "\"" + clean(cancelledText) + "\""
            summary = "Search for " + typed + " cancelled" + (summary.isEmpty ? "" : symbols.separator + "showing " + summary)
            element = .note
        }
        if isSearching {
            let typed = "\"" + clean(text) + "\""
            summary = "Searching " + typed + region.glyphs.ellipsis + (summary.isEmpty ? "" : symbols.separator + summary)
            element = .note
        }
        region.writeTruncated(summary, column: 1, row: 0, width: max(0, modeStart - 2), style: Style(element), padding: false)

        var row = 1
        for note in results?.notes ?? [] where row < region.height - 1 {
            row = drawWrapped(note.prefix(1).uppercased() + note.dropFirst(), into: region, row: row, element: .note)
        }
        return row
    }

    private func positionText() -> String? {
        guard let results, results.total > 0, results.selectedHit != nil else { return nil }
        let total = ListTable.formatCount(max(results.total, results.knownCount)) + (results.totalIsLowerBound ? "+" : "")
        return "\(ListTable.formatCount(results.selection + 1)) of \(total)"
    }

    private func drawIntroduction(into region: Region, row: Int, context: any ScreenContext) {
        let key = context.keymap.primaryKeyName(for: .search) ?? "/"
        let lines = [
            "Press \(key) and type to search the text of every turn.",
            "",
            "Words must all match, ignoring case and accents; \"quoted words\" form a phrase; OR accepts either term; -word excludes; word* matches the start of words.",
            "Filters: user:NAME role:user|assistant|system|tool model:NAME conv:ID source:FORMAT tag:NAME before:DATE after:DATE in:title.",
        ]
        var next = row + 1
        for line in lines where next < region.height {
            next = line.isEmpty ? next + 1 : drawWrapped(line, into: region, row: next, element: .note)
        }
    }

    /// Writes `text` word-wrapped from `row` with a one-column indent; returns the row after it.
    @discardableResult
    func drawWrapped(_ text: String, into region: Region, row: Int, element: ThemeElement) -> Int {
        var row = row
        for line in TooSmallNote.wrap(clean(text), width: max(1, region.width - 2)) where row < region.height {
            region.write(line, column: 1, row: row, style: Style(element))
            row += 1
        }
        return row
    }

    // MARK: Hits

    private func drawHits(into region: Region) {
        guard var results = self.results, region.height > 0 else { return }
        let visible = max(1, region.height / SearchScreen.rowsPerHit)
        results.setVisibleHits(visible)
        self.results = results

        for slot in 0..<visible {
            let index = results.top + slot
            let row = slot * SearchScreen.rowsPerHit
            guard let hit = results.hit(at: index) else {
                // A hit that is not in memory is on a page still to be fetched, unless the
                // results end before it.
                if index < results.knownCount || !results.reachesEnd {
                    region.write("Loading" + region.glyphs.ellipsis, column: 1, row: row, style: Style(.note))
                }
                break
            }
            let rows = region.subregion(Rect(column: 0, row: row, width: region.width, height: SearchScreen.rowsPerHit))
            let hitRow = SearchHitRow(hit: hit, firstPrompt: results.firstPrompts[hit.conversationID], isSelected: index == results.selection, timeFormat: timeFormat)
            hitRow.draw(into: rows)
        }
    }

    func clean(_ text: String) -> String {
        TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: context?.charset ?? .unicode))
    }
}
