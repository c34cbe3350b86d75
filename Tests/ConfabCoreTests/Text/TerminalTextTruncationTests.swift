import Testing
@testable import ConfabCore

@Suite struct TerminalTextTruncationTests {
    @Test(arguments: [
        ("Hello, world", 12, "Hello, world"),
        ("Hello, world", 20, "Hello, world"),
        ("Hello, world", 11, "Hello, wor…"),
        ("Hello, world", 1, "…"),
        ("Hello, world", 0, ""),
        ("", 0, ""),
        ("漢字漢字", 8, "漢字漢字"),
        ("漢字漢字", 7, "漢字漢…"),
        ("漢字漢字", 6, "漢字…"),
        ("漢字漢字", 2, "…"),
        ("ae\u{301}bc", 3, "ae\u{301}…"),
        ("ae\u{301}bc", 2, "a…"),
        ("x👨\u{200D}👩\u{200D}👧y", 7, "x…"),
        ("x👨\u{200D}👩\u{200D}👧y", 8, "x👨\u{200D}👩\u{200D}👧y"),
        ("x👍🏽yz", 6, "x👍🏽…"),
    ])
    func truncatesToWidth(text: String, width: Int, expected: String) {
        #expect(TerminalText.truncate(text, toWidth: width) == expected)
    }

    @Test(arguments: [
        ("Hello, world", 8, "Hello..."),
        ("Hello, world", 2, ".."),
        ("Hello", 5, "Hello"),
    ])
    func asciiEllipsis(text: String, width: Int, expected: String) {
        #expect(TerminalText.truncate(text, toWidth: width, ellipsis: "...") == expected)
    }

    @Test(arguments: [("ab", 4, "ab  "), ("漢", 4, "漢  "), ("abcdef", 4, "abcdef"), ("", 2, "  ")])
    func padsToWidth(text: String, width: Int, expected: String) {
        #expect(TerminalText.pad(text, toWidth: width) == expected)
    }

    @Test func truncationNeverExceedsWidthOrSplitsCharacters() {
        var generator = SeededGenerator(seed: 0x7A11)
        var failures: [String] = []

        for _ in 0..<5_000 {
            let text = TerminalSanitizer.sanitize(HostileStringGenerator.makeString(using: &generator), options: .singleLine)
            let width = Int.random(in: 0...20, using: &generator)
            let result = TerminalText.truncate(text, toWidth: width)

            let fits = TerminalText.width(of: result) <= width
            let isWhole = result == text
            let keptCharacters = result.hasSuffix("…") ? Array(result.dropLast()) : Array(result)
            let isPrefix = Array(text).starts(with: keptCharacters)
            if !fits || !(isWhole || isPrefix) {
                failures.append("width \(width), text \(text.unicodeScalars.map { $0.value })")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }
}
