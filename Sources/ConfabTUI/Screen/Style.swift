/// The look of a cell: a theme element, plus attributes added on top of the element's own.
///
/// Cells store the element rather than colours, so switching the theme needs no new layout and
/// screen snapshots in tests do not depend on the theme.
public struct Style: Hashable, Sendable {
    public var element: ThemeElement
    public var emphasis: TextAttributes

    public init(_ element: ThemeElement, emphasis: TextAttributes = []) {
        self.element = element
        self.emphasis = emphasis
    }

    public static let text = Style(.text)
}

/// Text attributes that terminals draw without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// The attributes by the names theme files use, in the order they are listed in messages.
    public static let named: [(name: String, attributes: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    public var names: [String] {
        Self.named.filter { contains($0.attributes) }.map(\.name)
    }
}
