import ConfabCore

/// The header line: program and database, breadcrumb, badge and screen tabs.
///
/// ```
///  confab · demo.db  Browse › alice › Refactor the parser     ● live  1 Browse  2 Search …
/// ```
///
/// When the line is narrow the tabs shrink to their numbers and then disappear, and the
/// breadcrumb is cut with an ellipsis. The tabs give way to the breadcrumb: they are shown in
/// full only when the breadcrumb fits beside them, and the left part keeps at least
/// `minimumLeftWidth` columns.
struct HeaderBar {
    var databaseName: String
    var screenTitle: String
    var breadcrumb: [String]
    var badge: HeaderBadge?
    var activeScreen: ScreenID

    static let minimumLeftWidth = 20

    func draw(into region: Region) {
        region.fillRow(0, style: Style(.header))
        let glyphs = region.glyphs
        let clean = { (text: String) in TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: region.charset)) }

        let title = " confab " + glyphs.bullet + " " + clean(databaseName) + " "
        let trail = " " + ([screenTitle] + breadcrumb.map(clean)).joined(separator: " \(glyphs.breadcrumbSeparator) ")
        let leftNeeded = TerminalText.width(of: title) + TerminalText.width(of: trail) + 1

        let right = rightParts(badge: badge.map { (" " + clean($0.text) + " ", $0.element) }, width: region.width, leftNeeded: leftNeeded)
        let rightWidth = right.reduce(0) { $0 + TerminalText.width(of: $1.text) }
        var column = region.width - rightWidth
        for part in right {
            column = region.write(part.text, column: column, row: 0, style: Style(part.element))
        }

        let leftWidth = region.width - rightWidth - 1
        let titleEnd = region.writeTruncated(title, column: 0, row: 0, width: min(leftWidth, TerminalText.width(of: title)), style: Style(.headerTitle))
        if leftWidth - titleEnd > 1 {
            region.writeTruncated(trail, column: titleEnd, row: 0, width: leftWidth - titleEnd, style: Style(.breadcrumb), padding: false)
        }
    }

    /// Chooses the badge and tabs, the widest that fit: full tabs when the left part still fits
    /// whole, compact tabs while the left part keeps `minimumLeftWidth` columns, else neither.
    private func rightParts(badge: (text: String, element: ThemeElement)?, width: Int, leftNeeded: Int) -> [(text: String, element: ThemeElement)] {
        let badgeParts = badge.map { [$0] } ?? []
        let measure = { (parts: [(text: String, element: ThemeElement)]) in parts.reduce(0) { $0 + TerminalText.width(of: $1.text) } }

        let full = badgeParts + fullTabs()
        if measure(full) + leftNeeded <= width {
            return full
        }
        for candidate in [badgeParts + compactTabs(), badgeParts] where measure(candidate) + HeaderBar.minimumLeftWidth <= width {
            return candidate
        }
        return []
    }

    private func fullTabs() -> [(text: String, element: ThemeElement)] {
        ScreenID.allCases.map { screen in
            (" \(screen.rawValue) \(screen.title) ", screen == activeScreen ? .tabActive : .tab)
        }
    }

    private func compactTabs() -> [(text: String, element: ThemeElement)] {
        ScreenID.allCases.map { screen in
            (" \(screen.rawValue)", screen == activeScreen ? .tabActive : .tab)
        } + [(" ", .tab)]
    }
}
