import Foundation
@testable import ConfabTUI
import Testing

@Suite("Theme files")
struct ThemeParserTests {
    static let shippedNames = ["default", "light", "high-contrast", "monochrome"]

    private func parse(_ text: String) throws(ConfigFileError) -> Theme {
        try ThemeParser.parse(text, name: "test", file: "test.theme")
    }

    @Test("shipped theme parses and styles every element", arguments: shippedNames)
    func shippedThemeParses(name: String) throws {
        let path = ConsoleFixture.shippedThemesDirectory + "/\(name).theme"
        let theme = try ThemeCatalog.load(path: path, name: name)
        #expect(!theme.description.isEmpty)
        for element in ThemeElement.allCases {
            #expect(theme.styles[element] != nil, "\(name).theme leaves out \(element.rawValue)")
        }
    }

    @Test func builtinDefaultMatchesShippedFile() throws {
        let path = ConsoleFixture.shippedThemesDirectory + "/default.theme"
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file == BuiltinTheme.text + "\n")
    }

    @Test func monochromeThemeHasNoColours() throws {
        let theme = try ThemeCatalog.load(path: ConsoleFixture.shippedThemesDirectory + "/monochrome.theme", name: "monochrome")
        for element in ThemeElement.allCases {
            let style = theme.resolvedStyle(for: element)
            #expect(style.foreground == .terminalDefault, "\(element.rawValue) has a foreground colour")
            #expect(style.background == .terminalDefault, "\(element.rawValue) has a background colour")
        }
    }

    @Test func styleWordsInAnyOrder() throws {
        let theme = try parse("""
            # comment
              # indented comment
            description = My theme: #1
            background = light

            header = bold white on #303446 underline
            selection = on 25 reverse
            title = italic
            text = default
            code = 187 on bright-black
            match=red on grey
            """)
        #expect(theme.description == "My theme: #1")
        #expect(theme.background == .light)
        #expect(theme.styles[.header] == Theme.ElementStyle(foreground: .indexed(7), background: .rgb(red: 0x30, green: 0x34, blue: 0x46), attributes: [.bold, .underline]))
        #expect(theme.styles[.selection] == Theme.ElementStyle(foreground: nil, background: .indexed(25), attributes: [.reverse]))
        #expect(theme.styles[.title] == Theme.ElementStyle(attributes: [.italic]))
        #expect(theme.styles[.text] == Theme.ElementStyle(foreground: .terminalDefault))
        #expect(theme.styles[.code] == Theme.ElementStyle(foreground: .indexed(187), background: .indexed(8)))
        #expect(theme.styles[.match] == Theme.ElementStyle(foreground: .indexed(1), background: .indexed(8)))
    }

    @Test func missingElementsInheritFromParent() throws {
        let theme = try parse("""
            text = 250 on 234
            header = bold 16 on 117
            header-title = underline
            """)
        #expect(theme.resolvedStyle(for: .breadcrumb) == Theme.ResolvedStyle(foreground: .indexed(16), background: .indexed(117), attributes: [.bold]))
        #expect(theme.resolvedStyle(for: .headerTitle) == Theme.ResolvedStyle(foreground: .indexed(16), background: .indexed(117), attributes: [.underline]))
        #expect(theme.resolvedStyle(for: .roleTool) == Theme.ResolvedStyle(foreground: .indexed(250), background: .indexed(234), attributes: []))
    }

    @Test func everyElementReachesText() {
        for element in ThemeElement.allCases {
            var current = element
            var steps = 0
            while let parent = current.parent {
                current = parent
                steps += 1
                #expect(steps < ThemeElement.allCases.count, "\(element.rawValue) has a parent cycle")
                if steps >= ThemeElement.allCases.count { break }
            }
            #expect(current == .text)
        }
    }

    static let invalidFiles: [(text: String, line: Int, message: String)] = [
        ("header bold", 1, "expected 'name = value', found 'header bold'"),
        ("text = red\n = blue", 2, "missing name before '='"),
        ("heder = bold", 1, "unknown element 'heder' (did you mean 'header'?)"),
        ("header =", 1, "missing style for 'header': give colours, attributes or 'default'"),
        ("header = reed", 1, "unknown colour or attribute 'reed' (did you mean 'red'?)"),
        ("header = blod", 1, "unknown colour or attribute 'blod' (did you mean 'bold'?)"),
        ("header = 256", 1, "colour index 256 is out of range: use 0 to 255"),
        ("header = 0001", 1, "colour index 0001 is out of range: use 0 to 255"),
        ("header = #12345", 1, "'#12345' is not a colour: write #rrggbb with six hexadecimal digits"),
        ("header = #12345g", 1, "'#12345g' is not a colour: write #rrggbb with six hexadecimal digits"),
        ("header = red on", 1, "'on' must be followed by a background colour"),
        ("header = on red on blue", 1, "two background colours in one style"),
        ("header = red blue", 1, "two foreground colours in one style; write 'on' before a background colour"),
        ("header = red on bleu", 1, "unknown colour 'bleu' (did you mean 'blue'?)"),
        ("text = red\n\ntext = blue", 3, "'text' is already set on line 1"),
        ("background = grey", 1, "background must be 'dark' or 'light', not 'grey'"),
        ("background = dark light", 1, "background must be 'dark' or 'light', not 'dark light'"),
        ("header = \u{1B}[31m", 1, "unknown colour or attribute '?[31m'"),
    ]

    @Test("invalid line is reported with file and line", arguments: 0..<invalidFiles.count)
    func invalidLineIsReported(index: Int) {
        let (text, line, message) = ThemeParserTests.invalidFiles[index]
        #expect(throws: ConfigFileError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first == ConfigProblem(file: "test.theme", line: line, message: message))
        }
    }

    @Test func everyProblemIsReportedInLineOrder() {
        do {
            _ = try parse("text = red\nheader = purple\nfoo = bar\ntitle = bold\nbackground = blue\n")
            Issue.record("the file should not parse")
        } catch {
            #expect(error.problems.map(\.line) == [2, 3, 5])
            #expect(error.description == "test.theme:2: unknown colour or attribute 'purple' (and 2 more problems)")
        }
    }
}

@Suite("Theme catalogue")
struct ThemeCatalogTests {
    @Test func userDirectoryComesFirst() throws {
        let directory = try TemporaryDirectory()
        try directory.write("description = user light\ntext = red\n", to: "user/light.theme")
        let catalog = ThemeCatalog(userDirectory: directory.path + "/user", shippedDirectories: [ConsoleFixture.shippedThemesDirectory])
        #expect(try catalog.load(named: "light").description == "user light")
        #expect(try catalog.load(named: "monochrome").path == ConsoleFixture.shippedThemesDirectory + "/monochrome.theme")
    }

    @Test func defaultExistsWithoutAnyFolder() throws {
        let catalog = ThemeCatalog(userDirectory: "/nonexistent/user", shippedDirectories: ["/nonexistent/shipped"])
        #expect(try catalog.load(named: "default") == BuiltinTheme.theme)
        #expect(catalog.availableNames() == ["default"])
    }

    @Test func namesThatLeaveTheFolderAreInvalid() {
        let catalog = ThemeCatalog(userDirectory: nil, shippedDirectories: [ConsoleFixture.shippedThemesDirectory])
        for name in ["../default", "a/b", ".hidden", "", "name with space", "é"] {
            #expect(!ThemeCatalog.isValidName(name), "\(name) should be invalid")
            #expect(throws: ThemeLoadError.self) { try catalog.load(named: name) }
        }
        for name in ["default", "high-contrast", "solarized_dark", "v1.2"] {
            #expect(ThemeCatalog.isValidName(name), "\(name) should be valid")
        }
    }

    @Test func searchPathsFollowEnvironment() {
        let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"], executablePath: "/opt/confab/bin/confab")
        #expect(catalog.userDirectory == "/cfg/confab/themes")
        #expect(catalog.shippedDirectories.prefix(2) == ["/opt/confab/bin/Themes", "/opt/confab/share/confab/themes"])
        #expect(catalog.shippedDirectories.last == ConsoleFixture.shippedThemesDirectory)

        let homeOnly = ThemeCatalog(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"], executablePath: nil)
        #expect(homeOnly.userDirectory == "/home/u/.config/confab/themes")
    }

    @Test func unreadableFileIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bad.theme"
        try Data([0x74, 0x65, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        #expect(throws: ThemeLoadError.self) { try ThemeCatalog.load(path: path, name: "bad") }
        do {
            _ = try ThemeCatalog.load(path: path, name: "bad")
        } catch {
            #expect(error.description == "\(path): cannot be read as UTF-8 text")
        }
    }
}
