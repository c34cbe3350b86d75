/// A named set of styles for the theme elements.
public struct Theme: Sendable, Equatable {
    /// Whether the theme is made for a dark or a light terminal background. Colour mapping
    /// assumes this background wherever the theme uses the terminal's default colours.
    public enum Background: String, Sendable, Equatable {
        case dark
        case light
    }

    /// The style of one element as the theme file gives it. A colour left out is inherited.
    public struct ElementStyle: Sendable, Equatable {
        public var foreground: ThemeColor?
        public var background: ThemeColor?
        public var attributes: TextAttributes

        public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    /// An element's style after inheritance: every colour is known.
    public struct ResolvedStyle: Sendable, Equatable {
        public var foreground: ThemeColor
        public var background: ThemeColor
        public var attributes: TextAttributes
    }

    public var name: String
    public var description: String
    public var background: Background
    public var styles: [ThemeElement: ElementStyle]
    /// The file the theme came from; nil for the compiled-in default.
    public var path: String?

    public init(name: String, description: String = "", background: Background = .dark, styles: [ThemeElement: ElementStyle], path: String? = nil) {
        self.name = name
        self.description = description
        self.background = background
        self.styles = styles
        self.path = path
    }

    /// Returns the style of `element` after inheritance: an element the theme leaves out copies
    /// its parent, and a colour an element leaves out comes from its parent.
    public func resolvedStyle(for element: ThemeElement) -> ResolvedStyle {
        let parentStyle = element.parent.map { resolvedStyle(for: $0) }
            ?? ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [])
        guard let own = styles[element] else {
            return parentStyle
        }
        return ResolvedStyle(
            foreground: own.foreground ?? parentStyle.foreground,
            background: own.background ?? parentStyle.background,
            attributes: own.attributes
        )
    }
}
