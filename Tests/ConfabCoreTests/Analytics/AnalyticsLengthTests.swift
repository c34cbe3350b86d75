import Foundation
import Testing
@testable import ConfabCore

/// The summary rows count characters in Swift; they must agree with SQLite's `length()`.
@Suite struct AnalyticsLengthTests {
    @Test func lengthMatchesSQLite() throws {
        let connection = try Connection(path: ":memory:")
        var generator = SeededGenerator(seed: 11)
        let alphabet: [String] = ["a", "Z", " ", "é", "e\u{301}", "日", "🚀", "👩‍👧", "\u{0}", "\n", "ß", "\u{7F}"]
        var cases = ["", "plain ascii text of some length", "\u{0}after a NUL", "before a NUL\u{0}after", "日本語のテキスト"]
        for _ in 0..<300 {
            let length = Int.random(in: 0..<40, using: &generator)
            cases.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }

        for text in cases {
            let expected = try #require(try connection.scalarInt("SELECT length(?)", [text]))
            #expect(AnalyticsConversationSummary.sqliteLength(text) == Int(expected), "\(text.debugDescription)")
        }
    }
}
