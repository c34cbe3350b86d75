/// The panes of the Browse screen.
enum BrowsePane: CaseIterable {
    case users
    case conversations
    case transcript
}

/// The rectangles of the Browse screen's panes in the main area.
///
/// Side by side (wide terminals): users above conversations on the left, the transcript on the
/// right. Drill-down (narrow terminals): only the focused pane, over the whole area.
struct BrowseLayout: Equatable {
    enum Mode {
        case sideBySide
        case drillDown
    }

    let mode: Mode
    private let rects: [BrowsePane: Rect]

    /// Rows needed for two stacked list boxes; below this the layout drills down at any width.
    static let sideBySideMinimumHeight = 8

    init(size: Size, focus: BrowsePane, sideBySideMinimumWidth: Int) {
        guard size.width >= sideBySideMinimumWidth, size.height >= BrowseLayout.sideBySideMinimumHeight else {
            mode = .drillDown
            rects = [focus: Rect(column: 0, row: 0, width: size.width, height: size.height)]
            return
        }
        mode = .sideBySide
        let listWidth = min(72, max(40, size.width * 9 / 20))
        let usersHeight = max(4, size.height / 3)
        rects = [
            .users: Rect(column: 0, row: 0, width: listWidth, height: usersHeight),
            .conversations: Rect(column: 0, row: usersHeight, width: listWidth, height: size.height - usersHeight),
            .transcript: Rect(column: listWidth, row: 0, width: size.width - listWidth, height: size.height),
        ]
    }

    func rect(of pane: BrowsePane) -> Rect? {
        rects[pane]
    }

    /// Returns the pane that covers `point`, for the mouse wheel.
    func pane(at point: Point) -> BrowsePane? {
        BrowsePane.allCases.first { rects[$0]?.contains(point) == true }
    }
}
