import ConfabCore
@testable import ConfabTUI
import Testing

/// Strings crafted to attack a terminal, drawn with and without the sanitiser first.
@Suite("Hostile text in the grid")
struct HostileTextTests {
    static let attacks: [(name: String, text: String)] = [
        ("SGR colour", "\u{1B}[31mred\u{1B}[0m"),
        ("OSC 52 clipboard write", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"),
        ("OSC 8 hyperlink", "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
        ("OSC 0 window title", "\u{1B}]0;pwned\u{07}"),
        ("device status report", "\u{1B}[6n"),
        ("8-bit CSI", "\u{9B}2J"),
        ("8-bit OSC", "\u{9D}0;title\u{9C}"),
        ("cursor movement", "\u{1B}[10;10Hmoved"),
        ("carriage return overwrite", "safe\rEVIL"),
        ("backspace erase", "rm\u{8}\u{8}ls"),
        ("tab", "a\tb"),
        ("line feed", "one\ntwo"),
        ("bidi override", "\u{202E}txt.exe"),
        ("bidi isolate", "\u{2066}hidden\u{2069}"),
        ("zero-width space", "pay\u{200B}pal"),
        ("byte order mark", "\u{FEFF}start"),
        ("NUL and BEL", "\u{0}\u{7}bell"),
        ("DEL", "a\u{7F}b"),
        ("line separator", "a\u{2028}b\u{2029}c"),
        ("lone ESC at end", "end\u{1B}"),
        ("tag characters", "flag\u{E0041}\u{E0042}"),
    ]

    @Test("no control character reaches a cell", arguments: attacks.map(\.name))
    func noControlCharacterInCells(name: String) {
        let text = HostileTextTests.attacks.first { $0.name == name }!.text
        for charset in [TerminalSanitizer.Options.Charset.unicode, .ascii] {
            let screen = Screen(size: Size(width: 40, height: 3), charset: charset)
            screen.region.write(text, column: 0, row: 0)
            let sanitized = TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: charset))
            screen.region.write(sanitized, column: 0, row: 1)
            screen.region.writeTruncated(text, column: 0, row: 2, width: 10)

            for scalar in allScalars(of: screen) {
                #expect(!isControlOrInvisible(scalar), "\(name) left U+\(String(scalar.value, radix: 16)) in a cell (\(charset))")
            }
            expectConsistentWidths(screen)
        }
    }

    @Test func escapeIsShownAsVisibleSymbol() {
        let screen = Screen(size: Size(width: 20, height: 1))
        screen.region.write("\u{1B}[6n", column: 0, row: 0)
        expectScreen(screen, ["␛[6n"])
    }

    @Test func escapeIsShownAsCaretInASCII() {
        let screen = Screen(size: Size(width: 20, height: 1), charset: .ascii)
        screen.region.write("\u{1B}[6n", column: 0, row: 0)
        expectScreen(screen, ["^[[6n"])
    }

    @Test func carriageReturnCannotOverwrite() {
        let screen = Screen(size: Size(width: 20, height: 1))
        screen.region.write("safe\rEVIL", column: 0, row: 0)
        expectScreen(screen, ["safe␍EVIL"])
    }

    @Test func bidiOverrideIsRemoved() {
        let screen = Screen(size: Size(width: 20, height: 1))
        screen.region.write("\u{202E}txt.exe", column: 0, row: 0)
        expectScreen(screen, ["txt.exe"])
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        let screen = Screen(size: Size(width: 20, height: 1))
        screen.region.write("one\ntwo\tthree", column: 0, row: 0)
        expectScreen(screen, ["one two three"])
    }

    @Test func hostileBreadcrumbCannotLeaveHeader() {
        let screen = Screen(size: Size(width: 60, height: 1))
        HeaderBar(
            databaseName: "db\u{1B}]0;title\u{7}.db",
            screenTitle: "Browse",
            breadcrumb: ["al\u{1B}[2Jice", "line\none\u{202E}"],
            badge: HeaderBadge("li\u{9B}ve"),
            activeScreen: .browse
        ).draw(into: screen.region)
        for scalar in allScalars(of: screen) {
            #expect(!isControlOrInvisible(scalar), "U+\(String(scalar.value, radix: 16)) in the header")
        }
        expectConsistentWidths(screen)
    }
}
