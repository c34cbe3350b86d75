@testable import ConfabTUI
import Testing

@Suite("Colour degradation")
struct ColorDegradationTests {
    static let colorDepths: [ColorDepth] = [.full256, .sixteen, .eight]

    private static func shippedTheme(_ name: String) throws -> Theme {
        try ThemeCatalog.load(path: ConsoleFixture.shippedThemesDirectory + "/\(name).theme", name: name)
    }

    @Test("no element draws foreground on the same background", arguments: ThemeParserTests.shippedNames)
    func foregroundNeverEqualsBackground(name: String) throws {
        let theme = try ColorDegradationTests.shippedTheme(name)
        for depth in ColorDegradationTests.colorDepths {
            let mapped = TerminalTheme(theme: theme, depth: depth)
            for element in ThemeElement.allCases {
                let style = mapped[element]
                guard !(style.foreground == -1 && style.background == -1) else { continue }
                let foreground = TerminalTheme.effectiveForeground(style.foreground, theme: theme, depth: depth)
                let background = TerminalTheme.effectiveBackground(style.background, theme: theme, depth: depth)
                #expect(!TerminalTheme.areIndistinguishable(foreground, background), "\(name) \(element.rawValue) at \(depth): \(style)")
                #expect(style.foreground < depth.rawValue, "\(name) \(element.rawValue) at \(depth) uses colour \(style.foreground)")
                #expect(style.background < depth.rawValue, "\(name) \(element.rawValue) at \(depth) uses colour \(style.background)")
            }
        }
    }

    @Test("monochrome keeps highlighted elements apart", arguments: ThemeParserTests.shippedNames)
    func monochromeUsesAttributesOnly(name: String) throws {
        let theme = try ColorDegradationTests.shippedTheme(name)
        let mapped = TerminalTheme(theme: theme, depth: .monochrome)
        for element in ThemeElement.allCases {
            #expect(mapped[element].foreground == -1)
            #expect(mapped[element].background == -1)
        }
        for element in [ThemeElement.selection, .cursor, .header] {
            #expect(mapped[element].attributes.contains(.reverse), "\(name) \(element.rawValue) in monochrome: \(mapped[element])")
        }
    }

    static let indexTable: [(color: ThemeColor, depth: ColorDepth, index: Int)] = [
        (.terminalDefault, .full256, -1),
        (.terminalDefault, .eight, -1),
        (.indexed(196), .full256, 196),
        (.indexed(196), .sixteen, 9),
        (.indexed(196), .eight, 1),
        (.indexed(9), .sixteen, 9),
        (.indexed(9), .eight, 1),
        (.indexed(15), .eight, 7),
        (.indexed(245), .sixteen, 8),
        (.indexed(245), .eight, 7),
        (.indexed(238), .eight, 0),
        (.indexed(117), .eight, 6),
        (.indexed(25), .eight, 6),
        (.indexed(19), .eight, 4),
        (.indexed(114), .eight, 2),
        (.indexed(114), .sixteen, 10),
        (.indexed(203), .sixteen, 9),
        (.indexed(203), .eight, 1),
        (.indexed(176), .eight, 5),
        (.indexed(180), .eight, 3),
        (.indexed(117), .sixteen, 14),
        (.indexed(17), .eight, 4),
        (.indexed(233), .eight, 0),
        (.rgb(red: 0x10, green: 0x10, blue: 0x30), .eight, 0),
        (.rgb(red: 0xF0, green: 0xE8, blue: 0xD8), .sixteen, 7),
        (.indexed(230), .eight, 7),
        (.rgb(red: 0xFF, green: 0x00, blue: 0x00), .full256, 196),
        (.rgb(red: 0xFF, green: 0x00, blue: 0x00), .eight, 1),
        (.rgb(red: 0xFF, green: 0x00, blue: 0x00), .sixteen, 9),
        (.rgb(red: 0xCD, green: 0x00, blue: 0x00), .sixteen, 1),
        (.rgb(red: 0xFF, green: 0x80, blue: 0x00), .eight, 3),
        (.rgb(red: 0x30, green: 0x34, blue: 0x46), .full256, 237),
        (.rgb(red: 0x80, green: 0x80, blue: 0x80), .full256, 244),
        (.rgb(red: 0x00, green: 0x00, blue: 0x00), .full256, 16),
        (.rgb(red: 0xD7, green: 0x87, blue: 0x00), .full256, 172),
    ]

    @Test("palette index at each depth", arguments: 0..<indexTable.count)
    func paletteIndex(row: Int) {
        let (color, depth, index) = ColorDegradationTests.indexTable[row]
        #expect(TerminalTheme.index(of: color, depth: depth) == index, "\(color) at \(depth)")
    }

    @Test func collidingForegroundBecomesContrasting() throws {
        let theme = try ThemeParser.parse("text = 235 on 234\nheader = 21 on 19\nselection = bright-white on 231\n", name: "t", file: "t.theme")
        let full = TerminalTheme(theme: theme, depth: .full256)
        #expect(full[.text].foreground == 15, "two near-black greys")
        #expect(full[.text].background == 234)
        #expect(full[.header] == TerminalStyle(foreground: 21, background: 19, attributes: []))
        #expect(full[.selection].foreground == 0)

        let eight = TerminalTheme(theme: theme, depth: .eight)
        #expect(eight[.header].foreground == 7, "two blues become the same blue")
        #expect(eight[.header].background == 4)
        #expect(eight[.selection] == TerminalStyle(foreground: 0, background: 7, attributes: []), "white on white")
    }

    @Test func defaultBackgroundCountsAsThemeBackground() throws {
        let dark = try ThemeParser.parse("text = black\n", name: "t", file: "t.theme")
        #expect(TerminalTheme(theme: dark, depth: .eight)[.text].foreground == 7)

        let light = try ThemeParser.parse("background = light\ntext = white\n", name: "t", file: "t.theme")
        #expect(TerminalTheme(theme: light, depth: .eight)[.text].foreground == 0)
        #expect(TerminalTheme(theme: light, depth: .full256)[.text].foreground == 7, "7 differs enough from the assumed 15")
    }

    @Test func lostBarBackgroundBecomesReverse() throws {
        let theme = try ThemeCatalog.load(path: ConsoleFixture.shippedThemesDirectory + "/default.theme", name: "default")
        #expect(TerminalTheme(theme: theme, depth: .eight)[.header].attributes.contains(.reverse))
        #expect(!TerminalTheme(theme: theme, depth: .full256)[.header].attributes.contains(.reverse))
        #expect(!TerminalTheme(theme: theme, depth: .eight)[.selection].attributes.contains(.reverse), "blue stays distinct")
    }

    @Test func depthFromTerminalColours() {
        #expect(ColorDepth(terminalColors: 0) == .monochrome)
        #expect(ColorDepth(terminalColors: 2) == .monochrome)
        #expect(ColorDepth(terminalColors: 8) == .eight)
        #expect(ColorDepth(terminalColors: 16) == .sixteen)
        #expect(ColorDepth(terminalColors: 88) == .sixteen)
        #expect(ColorDepth(terminalColors: 256) == .full256)
        #expect(ColorDepth(terminalColors: 16_777_216) == .full256)
    }
}
