/// One cell of a `Screen`.
///
/// A wide character takes two cells: the left one contains the character with `width` 2, and
/// the right one is a continuation with empty `content` and `width` 0. `content` never contains a
/// control character; `Screen` replaces them before storing text.
public struct Cell: Hashable, Sendable {
    /// One character that takes cells, followed by the combining marks drawn on it.
    public internal(set) var content: String
    public internal(set) var width: Int
    public var style: Style

    init(content: String, width: Int, style: Style) {
        self.content = content
        self.width = width
        self.style = style
    }

    public static func blank(_ style: Style = .text) -> Cell {
        Cell(content: " ", width: 1, style: style)
    }

    static func continuation(_ style: Style) -> Cell {
        Cell(content: "", width: 0, style: style)
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
