/// How many colours the terminal can show, which decides how theme colours are mapped.
public enum ColorDepth: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// Attributes only: no colours, `NO_COLOR`, or `--no-color`.
    case monochrome = 0
    case eight = 8
    case sixteen = 16
    case full256 = 256

    /// Creates the depth for a terminal that reports `colors` colours (ncurses' `COLORS`).
    public init(terminalColors colors: Int) {
        switch colors {
        case 256...: self = .full256
        case 16..<256: self = .sixteen
        case 8..<16: self = .eight
        default: self = .monochrome
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        self == .monochrome ? "monochrome" : "\(rawValue) colours"
    }
}
