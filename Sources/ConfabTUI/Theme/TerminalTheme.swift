/// An element's style as the terminal draws it.
public struct TerminalStyle: Hashable, Sendable, CustomStringConvertible {
    /// A palette index, or -1 for the terminal's default colour.
    public var foreground: Int
    public var background: Int
    public var attributes: TextAttributes

    public init(foreground: Int, background: Int, attributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public var description: String {
        let colors = "\(foreground) on \(background)"
        return attributes.isEmpty ? colors : colors + " " + attributes.names.joined(separator: " ")
    }
}

/// A theme mapped to the colours a terminal has.
///
/// Colours degrade from 256 to 16 to 8 to none. An exact colour becomes the nearest entry of
/// the 256-colour cube and grey ramp, and at 16 or 8 colours the basic colour of the same hue
/// (see `Palette.basicIndex`). When the foreground then matches the background, or comes too
/// close to it to read, the foreground becomes black or white, whichever contrasts more. Where a theme
/// uses the terminal's default colours, the mapping assumes a black background and a light grey
/// foreground for a dark theme, and the reverse for a light one.
///
/// An element that the theme sets apart from `text` with a background colour (the header, the
/// selected row) is drawn in reverse video when that background is lost. In monochrome that is
/// always the case, and at 8 or 16 colours when its background maps to the same entry as the
/// text background.
public struct TerminalTheme: Sendable, Equatable {
    public let theme: Theme
    public let depth: ColorDepth
    private let styles: [ThemeElement: TerminalStyle]

    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        var styles: [ThemeElement: TerminalStyle] = [:]
        for element in ThemeElement.allCases {
            styles[element] = TerminalTheme.map(element, of: theme, depth: depth)
        }
        self.styles = styles
    }

    public subscript(element: ThemeElement) -> TerminalStyle {
        styles[element] ?? TerminalStyle(foreground: -1, background: -1, attributes: [])
    }

    // MARK: Mapping

    private static func map(_ element: ThemeElement, of theme: Theme, depth: ColorDepth) -> TerminalStyle {
        let style = theme.resolvedStyle(for: element)
        let textStyle = theme.resolvedStyle(for: .text)
        var attributes = style.attributes
        let hasOwnBackground = style.background != textStyle.background

        guard depth != .monochrome else {
            if hasOwnBackground {
                attributes.insert(.reverse)
            }
            return TerminalStyle(foreground: -1, background: -1, attributes: attributes)
        }

        var foreground = index(of: style.foreground, depth: depth)
        let background = index(of: style.background, depth: depth)
        let textBackground = index(of: textStyle.background, depth: depth)

        if hasOwnBackground && depth < .full256
            && effectiveBackground(background, theme: theme, depth: depth) == effectiveBackground(textBackground, theme: theme, depth: depth) {
            attributes.insert(.reverse)
        }

        if !(foreground == -1 && background == -1) {
            let shownForeground = effectiveForeground(foreground, theme: theme, depth: depth)
            let shownBackground = effectiveBackground(background, theme: theme, depth: depth)
            if areIndistinguishable(shownForeground, shownBackground) {
                foreground = contrastingIndex(against: shownBackground, depth: depth)
            }
        }
        return TerminalStyle(foreground: foreground, background: background, attributes: attributes)
    }

    /// Returns the palette index for `color` at `depth`, or -1 for the terminal's default colour.
    static func index(of color: ThemeColor, depth: ColorDepth) -> Int {
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let value):
            let index = Int(value)
            switch depth {
            case .full256: return index
            case .sixteen: return index < 16 ? index : Palette.basicIndex(for: Palette.rgb(ofIndex: index), includesBright: true)
            case .eight, .monochrome:
                if index < 8 { return index }
                if index < 16 { return index - 8 }
                return Palette.basicIndex(for: Palette.rgb(ofIndex: index), includesBright: false)
            }
        case .rgb(let red, let green, let blue):
            let rgb = Palette.RGB(red: Int(red), green: Int(green), blue: Int(blue))
            switch depth {
            // Entries 0–15 are left out because users restyle them; 16–255 are fixed.
            case .full256: return Palette.nearestIndex(to: rgb, among: 16..<256)
            case .sixteen: return Palette.basicIndex(for: rgb, includesBright: true)
            case .eight, .monochrome: return Palette.basicIndex(for: rgb, includesBright: false)
            }
        }
    }

    static func effectiveBackground(_ index: Int, theme: Theme, depth: ColorDepth) -> Int {
        guard index == -1 else { return index }
        switch theme.background {
        case .dark: return 0
        case .light: return depth == .eight ? 7 : 15
        }
    }

    static func effectiveForeground(_ index: Int, theme: Theme, depth: ColorDepth) -> Int {
        guard index == -1 else { return index }
        switch theme.background {
        case .dark: return 7
        case .light: return 0
        }
    }

    /// The smallest `Palette.distanceSquared` between two colours that count as different: two
    /// greys 12 levels apart (of 255). Neighbouring entries of the grey ramp, 10 apart, count
    /// as the same colour.
    static let minimumDistanceSquared = 9 * 12 * 12

    static func areIndistinguishable(_ first: Int, _ second: Int) -> Bool {
        first == second || Palette.distanceSquared(Palette.rgb(ofIndex: first), Palette.rgb(ofIndex: second)) < minimumDistanceSquared
    }

    static func contrastingIndex(against background: Int, depth: ColorDepth) -> Int {
        if Palette.luminance(Palette.rgb(ofIndex: background)) > 500 {
            return 0
        }
        return depth == .eight ? 7 : 15
    }
}
