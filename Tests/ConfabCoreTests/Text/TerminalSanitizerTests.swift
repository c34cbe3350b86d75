import Testing
@testable import ConfabCore

/// One hostile or awkward input with the exact output expected in each layout.
struct SanitizerCase: Sendable, CustomTestStringConvertible {
    var input: String
    var singleLine: String
    var multiLine: String
    var note: String

    init(_ note: String, _ input: String, single singleLine: String, multi multiLine: String) {
        self.note = note
        self.input = input
        self.singleLine = singleLine
        self.multiLine = multiLine
    }

    init(_ note: String, _ input: String, both output: String) {
        self.init(note, input, single: output, multi: output)
    }

    var testDescription: String { note }
}

@Suite struct TerminalSanitizerTests {
    static let hostileCases: [SanitizerCase] = [
        SanitizerCase("OSC 52 clipboard write", "copy\u{1B}]52;c;aGVsbG8=\u{07}done",
                      both: "copy␛]52;c;aGVsbG8=␇done"),
        SanitizerCase("OSC 8 hyperlink", "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
                      both: "␛]8;;https://evil.example␛\\click␛]8;;␛\\"),
        SanitizerCase("device status report", "\u{1B}[6n", both: "␛[6n"),
        SanitizerCase("8-bit CSI", "\u{9B}31mred", both: "␛[31mred"),
        SanitizerCase("8-bit OSC and ST", "\u{9D}0;title\u{9C}", both: "␛]0;title␛\\"),
        SanitizerCase("DCS request", "\u{1B}P$qm\u{1B}\\", both: "␛P$qm␛\\"),
        SanitizerCase("APC graphics", "\u{1B}_Gf=100;AAAA\u{1B}\\", both: "␛_Gf=100;AAAA␛\\"),
        SanitizerCase("reset and charset", "\u{1B}c\u{1B}(0x", both: "␛c␛(0x"),
        SanitizerCase("carriage return overwrite", "rm -rf /\rls", both: "rm -rf /␍ls"),
        SanitizerCase("backspaces", "ab\u{8}\u{8}XY", both: "ab␈␈XY"),
        SanitizerCase("bell and form feed", "a\u{7}b\u{C}c", both: "a␇b␌c"),
        SanitizerCase("NUL", "nul\u{0}byte", both: "nul␀byte"),
        SanitizerCase("DEL", "x\u{7F}y", both: "x␡y"),
        SanitizerCase("C1 index", "a\u{84}b", both: "a␛Db"),
        SanitizerCase("right-to-left override", "\u{202E}gnp.exe", both: "gnp.exe"),
        SanitizerCase("every bidi control",
                      "\u{61C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}x",
                      both: "x"),
        SanitizerCase("zero-width characters", "zero\u{200B}wi\u{200C}dth\u{2060}\u{FEFF}", both: "zerowidth"),
        SanitizerCase("tag characters", "hi\u{E0001}\u{E0041}\u{E0042}", both: "hi"),
        SanitizerCase("soft hyphen", "co\u{AD}op", both: "coop"),
        SanitizerCase("Arabic number sign stays", "\u{600}١٢", both: "\u{600}١٢"),
        SanitizerCase("combining mark stays", "e\u{301}", both: "e\u{301}"),
        SanitizerCase("private use and unassigned stay", "\u{E000}\u{50000}", both: "\u{E000}\u{50000}"),
        SanitizerCase("lone ESC", "\u{1B}", both: "␛"),
        SanitizerCase("CR LF", "a\r\nb", single: "a ⏎ b", multi: "a\nb"),
        SanitizerCase("line and paragraph separators", "a\u{2028}b\u{2029}c\u{85}d",
                      single: "a ⏎ b ⏎ c ⏎ d", multi: "a\nb\nc\nd"),
        SanitizerCase("whitespace runs", "  Hello \t world\n\n\nbye  ",
                      single: "Hello world ⏎ bye", multi: "  Hello " + String(repeating: " ", count: 8) + " world\n\n\nbye  "),
        SanitizerCase("tab stops", "a\tb\n12345678\tx\n漢\ty",
                      single: "a b ⏎ 12345678 x ⏎ 漢 y",
                      multi: "a       b\n12345678        x\n漢      y"),
        SanitizerCase("ZWJ family", "👨\u{200D}👩\u{200D}👧", single: "👨👩👧", multi: "👨\u{200D}👩\u{200D}👧"),
        SanitizerCase("ZWJ after modifier", "🏳\u{FE0F}\u{200D}🌈", single: "🏳🌈", multi: "🏳\u{FE0F}\u{200D}🌈"),
        SanitizerCase("skin tone", "👍🏽", single: "👍", multi: "👍🏽"),
        SanitizerCase("text and emoji selectors", "❤\u{FE0F}✔\u{FE0E}", single: "❤✔", multi: "❤\u{FE0F}✔\u{FE0E}"),
        SanitizerCase("ZWJ between letters", "a\u{200D}b", both: "ab"),
        SanitizerCase("ZWJ at the end", "👨\u{200D}", both: "👨"),
        SanitizerCase("empty", "", both: ""),
        SanitizerCase("only whitespace", " \n\t ", single: "", multi: " \n" + String(repeating: " ", count: 9)),
    ]

    @Test(arguments: hostileCases)
    func singleLineOutput(testCase: SanitizerCase) {
        #expect(TerminalSanitizer.sanitize(testCase.input, options: .singleLine) == testCase.singleLine)
    }

    @Test(arguments: hostileCases)
    func multiLineOutput(testCase: SanitizerCase) {
        #expect(TerminalSanitizer.sanitize(testCase.input, options: .multiLine) == testCase.multiLine)
    }

    static let removedSequenceCases: [(String, String)] = [
        ("copy\u{1B}]52;c;aGVsbG8=\u{07}done", "copydone"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "click"),
        ("\u{1B}[1;31mred\u{1B}[0m", "red"),
        ("\u{1B}[?1049h\u{1B}[6n", ""),
        ("\u{9B}31mred", "red"),
        ("\u{9D}0;title\u{9C}after", "after"),
        ("\u{1B}P$qm\u{1B}\\x", "x"),
        ("\u{1B}X sos \u{1B}\\\u{1B}^ pm \u{9C}\u{1B}_ apc \u{1B}\\x", "x"),
        ("\u{1B}c\u{1B}(B\u{1B}7x", "x"),
        ("a\u{84}b", "ab"),
        ("\u{1B}]0;unterminated title", "␛]0;unterminated title"),
        ("\u{1B}P no terminator \u{7}", "␛P no terminator ␇"),
        ("\u{1B}[31;1", "␛[31;1"),
        ("\u{1B}[31\u{1B}[0m", "␛[31"),
        ("\u{1B}]0;x\u{18}y", "␛]0;x␘y"),
        ("\u{1B}]0;x\u{1B}[0m", "␛]0;x"),
        ("\u{1B}é", "␛é"),
        ("\u{1B}", "␛"),
    ]

    @Test(arguments: removedSequenceCases)
    func removedEscapeSequences(input: String, expected: String) {
        let options = TerminalSanitizer.Options(layout: .multiLine, escapeSequences: .removed)
        #expect(TerminalSanitizer.sanitize(input, options: options) == expected)
    }

    static let asciiCases: [(String, String, String)] = [
        ("café ☕ \u{1B}[1m", "caf? ? ^[[1m", "caf? ? ^[[1m"),
        ("\u{9B}6n\u{7F}\u{0}", "^[[6n^?^@", "^[[6n^?^@"),
        ("line\nbreak\r\n", "line break", "line\nbreak\n"),
        ("👨\u{200D}👩\u{200D}👧 👍🏽", "??? ?", "??? ?"),
        ("e\u{301}", "e?", "e?"),
        ("\u{202E}abc\u{200B}", "abc", "abc"),
        ("漢\tx", "? x", "?       x"),
    ]

    @Test(arguments: asciiCases)
    func asciiCharset(input: String, singleLine: String, multiLine: String) {
        let single = TerminalSanitizer.Options(layout: .singleLine, charset: .ascii)
        let multi = TerminalSanitizer.Options(layout: .multiLine, charset: .ascii)

        #expect(TerminalSanitizer.sanitize(input, options: single) == singleLine)
        #expect(TerminalSanitizer.sanitize(input, options: multi) == multiLine)
    }

    @Test func tabWidthOption() {
        let options = TerminalSanitizer.Options(layout: .multiLine, tabWidth: 4)
        #expect(TerminalSanitizer.sanitize("a\tbcde\tf", options: options) == "a   bcde    f")
    }

    @Test(arguments: [
        ("x\ty\tz", "x       y       z"),
        ("a\u{1B}\tb", "a␛      b"),
        ("漢字漢字\t|", "漢字漢字        |"),
        ("\t\t|", String(repeating: " ", count: 16) + "|"),
        ("ab\ncd\te", "ab\ncd      e"),
    ])
    func tabStopsCountVisibleCells(input: String, expected: String) {
        #expect(TerminalSanitizer.sanitize(input, options: .multiLine) == expected)
    }

    @Test func plainTextIsUnchanged() {
        let title = "Plain ASCII title, nothing to do"
        let transcript = "First line\nSecond line with  two spaces\n"

        #expect(TerminalSanitizer.sanitize(title, options: .singleLine) == title)
        #expect(TerminalSanitizer.sanitize(transcript, options: .multiLine) == transcript)
        #expect(TerminalSanitizer.sanitize("Grüße, 世界", options: .singleLine) == "Grüße, 世界")
    }

    @Test(arguments: [
        ([:], TerminalSanitizer.Options.Charset.ascii),
        (["LANG": "en_US.UTF-8"], .unicode),
        (["LANG": "C.utf8"], .unicode),
        (["LANG": "C"], .ascii),
        (["LANG": "en_US.UTF-8", "LC_ALL": "C"], .ascii),
        (["LANG": "C", "LC_CTYPE": "de_DE.UTF-8"], .unicode),
        (["LANG": "C", "LC_ALL": ""], .ascii),
        (["LANG": "ja_JP.eucJP"], .ascii),
    ] as [([String: String], TerminalSanitizer.Options.Charset)])
    func charsetFromLocale(environment: [String: String], expected: TerminalSanitizer.Options.Charset) {
        #expect(TerminalSanitizer.Options.Charset.detect(environment: environment) == expected)
    }
}
