import ConfabCore

/// The characters Confab draws itself (borders, ellipsis, markers), in Unicode or in ASCII.
///
/// Borders use the box-drawing characters U+2500–U+253C. The renderer passes them to ncurses
/// as its line-drawing characters (`WACS_HLINE` and the others), the way `box_set` does, so
/// ncurses draws them in the form each terminal type supports.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeRight: String
    public var teeLeft: String
    public var teeDown: String
    public var teeUp: String
    public var cross: String
    public var ellipsis: String
    /// Between the parts of a breadcrumb: `alice › Refactor the parser`.
    public var breadcrumbSeparator: String
    public var bullet: String
    public var scrollThumb: String
    public var scrollUp: String
    public var scrollDown: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼",
        ellipsis: "…", breadcrumbSeparator: "›", bullet: "•", scrollThumb: "█", scrollUp: "▲", scrollDown: "▼"
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+",
        ellipsis: "...", breadcrumbSeparator: ">", bullet: "*", scrollThumb: "#", scrollUp: "^", scrollDown: "v"
    )

    public static func forCharset(_ charset: TerminalSanitizer.Options.Charset) -> Glyphs {
        charset == .ascii ? .ascii : .unicode
    }
}
