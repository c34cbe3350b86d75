import ConfabCore
import Foundation

extension BrowseScreen {
    public func draw(into region: Region, context: any ScreenContext) {
        areaSize = region.size
        let layout = self.layout
        if let rect = layout.rect(of: .users) {
            drawUsers(into: region.subregion(rect))
        }
        if let rect = layout.rect(of: .conversations) {
            drawConversations(into: region.subregion(rect))
        }
        if let rect = layout.rect(of: .transcript) {
            drawTranscript(into: region.subregion(rect), context: context)
        }
    }

    // MARK: Panes

    private func drawUsers(into region: Region) {
        let userCount = users.totalCount.map { max(0, $0 - 1) }
        let title = "Users" + (userCount.map { " (\(ListTable.formatCount($0)))" } ?? "")
        let inside = drawFrame(into: region, pane: .users, title: title, position: position(of: users))
        guard !inside.isEmpty else { return }

        users.setVisibleRows(BrowseScreen.listRows(in: inside))
        let dateWidth = inside.width >= 48 ? BrowseTimeFormat.fullWidth : BrowseTimeFormat.dateWidth
        let columns = [
            ListColumn(title: "Name", width: 8, isFlexible: true),
            ListColumn(title: "Convs", width: 7, alignment: .right, priority: 2),
            ListColumn(title: BrowseScreen.activityTitle(width: dateWidth), width: dateWidth, priority: 1),
        ]
        drawList(users, columns: columns, into: inside, pane: .users, empty: "No users yet. Import conversations with 'confab import FILE', or make demo data with 'confab demo'.") { row in
            switch row {
            case .everyone(let count, let last):
                return [ListCell(text: "All users", element: .title), ListCell(text: ListTable.formatCount(count), element: .dim), self.timeCell(last, width: dateWidth)]
            case .user(let user):
                return [ListCell(text: self.clean(user.name)), ListCell(text: ListTable.formatCount(user.conversationCount), element: .dim), self.timeCell(user.lastActivityAt, width: dateWidth)]
            }
        }
    }

    private func drawConversations(into region: Region) {
        var title = "Conversations"
        if let openedUser {
            title += BrowseSymbols(charset: region.charset).separator + clean(BrowseScreen.name(of: openedUser))
        }
        if let count = conversations.totalCount, openedUser != nil {
            title += " (\(ListTable.formatCount(count)))"
        }
        let inside = drawFrame(into: region, pane: .conversations, title: title, position: openedUser == nil ? nil : position(of: conversations))
        guard !inside.isEmpty else { return }
        guard openedUser != nil else {
            drawNote("Select a user to list their conversations.", into: inside, element: .note)
            return
        }

        conversations.setVisibleRows(BrowseScreen.listRows(in: inside))
        let everyone = conversations.listing.userID == nil
        let dateWidth = inside.width >= 70 ? BrowseTimeFormat.fullWidth : BrowseTimeFormat.dateWidth
        var columns = [ListColumn(title: "Title", width: 18, isFlexible: true)]
        if everyone {
            columns.append(ListColumn(title: "User", width: 14, priority: 1))
        }
        columns += [
            ListColumn(title: "Model", width: 16, priority: 0),
            ListColumn(title: "Turns", width: 6, alignment: .right, priority: 3),
            ListColumn(title: BrowseScreen.activityTitle(width: dateWidth), width: dateWidth, priority: 2),
        ]
        drawList(conversations, columns: columns, into: inside, pane: .conversations, empty: "No conversations.") { conversation in
            let summary = conversation.summary
            var cells = [self.titleCell(conversation)]
            if everyone {
                cells.append(ListCell(text: self.clean(summary.userName), element: .dim))
            }
            cells += [
                ListCell(text: summary.model.map(self.clean) ?? "", element: .dim),
                ListCell(text: ListTable.formatCount(summary.turnCount), element: .dim),
                self.timeCell(summary.updatedAt, width: dateWidth),
            ]
            return cells
        }
    }

    /// Returns the title of a last-activity column that is `width` cells wide.
    private static func activityTitle(width: Int) -> String {
        width >= BrowseTimeFormat.fullWidth ? "Last activity" : "Activity"
    }

    // MARK: Lists

    private func drawList<Listing: BrowseListing>(
        _ list: VirtualList<Listing>,
        columns: [ListColumn],
        into region: Region,
        pane: BrowsePane,
        empty: String,
        cells: (Listing.Item) -> [ListCell]
    ) {
        let showsTitles = BrowseScreen.showsColumnTitles(in: region)
        let rowsStart = showsTitles ? 1 : 0
        let rows = region.height - rowsStart

        let widths = ListTable.fit(columns, width: max(1, region.width - 2))
        if showsTitles {
            ListTable.drawTitles(columns: columns, widths: widths, into: region, row: 0)
        }
        if list.items.isEmpty {
            let note = paneProblems[pane] ?? (list.isLoaded ? empty : "Loading" + region.glyphs.ellipsis)
            drawNote(note, into: region.subregion(Rect(column: 0, row: rowsStart, width: region.width, height: rows)), element: paneProblems[pane] == nil ? .note : .error)
            return
        }

        let selectionStyle = Style(focus == pane ? .selection : .selectionInactive)
        for row in 0..<rows {
            let index = list.top + row
            guard index < list.items.count else { break }
            let isSelected = index == list.selection
            ListTable.drawRow(cells(list.items[index]), columns: columns, widths: widths, into: region, row: rowsStart + row, selectionStyle: isSelected ? selectionStyle : nil)
        }
    }

    /// Returns whether a list pane this tall has room for a row of column titles.
    static func showsColumnTitles(in region: Region) -> Bool {
        region.height >= 3
    }

    static func listRows(in region: Region) -> Int {
        max(1, region.height - (showsColumnTitles(in: region) ? 1 : 0))
    }

    private func position<Listing: BrowseListing>(of list: VirtualList<Listing>) -> String? {
        guard let index = list.selectedIndex, let total = list.totalCount, total > 0 else { return nil }
        return "\(ListTable.formatCount(index + 1)) of \(ListTable.formatCount(total))"
    }

    // MARK: Frames and cells

    /// Draws the pane's frame with `title` and, on the bottom edge, `position`; returns the inside.
    func drawFrame(into region: Region, pane: BrowsePane, title: String, position: String?) -> Region {
        let border = Style(focus == pane ? .borderFocused : .border)
        let inside = region.drawBox(style: border, title: title, titleStyle: Style(.title))
        if let position, region.width > 8, region.height >= 2 {
            region.writeRightAligned(" " + position + " ", row: region.height - 1, style: Style(.dim), rightMargin: 2)
        }
        return inside
    }

    func drawNote(_ text: String, into region: Region, element: ThemeElement) {
        let lines = TooSmallNote.wrap(clean(text), width: max(1, region.width - 2))
        for (row, line) in lines.prefix(region.height).enumerated() {
            region.write(line, column: 1, row: row, style: Style(element))
        }
    }

    func clean(_ text: String) -> String {
        TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: context?.charset ?? .unicode))
    }

    /// Returns the title cell: the title, else the first prompt dimmed, else `(untitled)` dimmed.
    private func titleCell(_ conversation: ConversationRow) -> ListCell {
        if let title = conversation.summary.title, !title.isEmpty {
            return ListCell(text: clean(title))
        }
        return ListCell(text: clean(BrowseScreen.title(of: conversation)), element: .dim)
    }

    private func timeCell(_ date: Date?, width: Int) -> ListCell {
        guard let date else { return ListCell(text: "", element: .dim) }
        return ListCell(text: timeFormat.format(date, dateOnly: width < BrowseTimeFormat.fullWidth), element: .dim)
    }
}
