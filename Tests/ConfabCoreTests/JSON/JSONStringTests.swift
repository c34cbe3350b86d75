import Foundation
import Testing
@testable import ConfabCore

@Suite("JSON strings")
struct JSONStringTests {
    @Test("every escape decodes", arguments: [
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b""#, "\u{08}"),
        (#""\f""#, "\u{0C}"),
        (#""\n""#, "\n"),
        (#""\r""#, "\r"),
        (#""\t""#, "\t"),
        (#""\u0041""#, "A"),
        (#""\u00e9\u00E9""#, "éé"),
        (#""\u20AC""#, "€"),
        (#""\u0000""#, "\u{00}"),
        (#""\u001f""#, "\u{1F}"),
        (#""\uFFFF""#, "\u{FFFF}"),
        (#""\uD83D\uDE00""#, "😀"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
        (#""a\nb\"c\\d""#, "a\nb\"c\\d"),
        (#""line one\nline two\n""#, "line one\nline two\n"),
    ])
    func escapeDecodes(json: String, expected: String) throws {
        var repairs = TextRepairs()
        let value = try JSONValue.parse(json, repairs: &repairs)
        #expect(value == .string(expected))
        #expect(repairs.isEmpty)
    }

    @Test("lone surrogates become U+FFFD", arguments: [
        (#""\uD83D""#, "\u{FFFD}", 1),
        (#""\uDE02""#, "\u{FFFD}", 1),
        (#""\ud83dx""#, "\u{FFFD}x", 1),
        (#""\uD83D\uD83D\uDE00""#, "\u{FFFD}😀", 1),
        (#""\uDE00\uD83D""#, "\u{FFFD}\u{FFFD}", 2),
        (#""\uD83D\n""#, "\u{FFFD}\n", 1),
        (#""\uD83D\u0041""#, "\u{FFFD}A", 1),
        (#""a\uDC00b\uDBFFc""#, "a\u{FFFD}b\u{FFFD}c", 2),
    ])
    func loneSurrogate(json: String, expected: String, count: Int) throws {
        var repairs = TextRepairs()
        let value = try JSONValue.parse(json, repairs: &repairs)
        #expect(value == .string(expected))
        #expect(repairs.loneSurrogates == count)
        #expect(repairs.invalidUTF8 == 0)
    }

    /// Inputs from the Unicode Standard's examples of maximal subparts, with the text each must
    /// decode to. "?" stands for U+FFFD.
    @Test("invalid UTF-8 becomes one U+FFFD per maximal subpart", arguments: [
        ("61 F1 80 80 E1 80 C2 62 80 63 80 BF 64", "a???b?c??d", 6),
        ("F0 80 80", "???", 3),
        ("C0 AF", "??", 2),
        ("E0 80 AF", "???", 3),
        ("ED A0 80", "???", 3),
        ("F4 90 80 80", "????", 4),
        ("F5 80", "??", 2),
        ("80", "?", 1),
        ("FF FE", "??", 2),
        ("E2 82", "?", 1),
        ("E2 82 41", "?A", 1),
        ("F0 9F 98", "?", 1),
        ("F0 9F 98 41 F0 9F 98 80", "?A😀", 1),
        ("C3 A9 C3", "é?", 1),
        ("41 42 43 44 45 46 47 48 49 4A C3", "ABCDEFGHIJ?", 1),
    ])
    func invalidUTF8(hex: String, expected: String, count: Int) throws {
        let content = bytesFromHex(hex)
        let (value, repairs, error) = parseBytes([0x22] + content + [0x22])
        let expectedText = expected.replacingOccurrences(of: "?", with: "\u{FFFD}")

        #expect(error == nil)
        #expect(value == .string(expectedText))
        #expect(repairs.invalidUTF8 == count)
        #expect(repairs.loneSurrogates == 0)
        #expect(String(decoding: content, as: UTF8.self) == expectedText)
    }

    @Test("invalid UTF-8 beside escapes is counted once")
    func invalidUTF8BesideEscapes() {
        // E2 82 is cut off by the escape, then a stray continuation byte follows the escape.
        let bytes: [UInt8] = [0x22, 0xE2, 0x82] + Array(#"\n"#.utf8) + [0x80, 0x41] + Array(#"\uD800"#.utf8) + [0x22]
        let (value, repairs, error) = parseBytes(bytes)

        #expect(error == nil)
        #expect(value == .string("\u{FFFD}\n\u{FFFD}A\u{FFFD}"))
        #expect(repairs.invalidUTF8 == 2)
        #expect(repairs.loneSurrogates == 1)
    }

    @Test("valid text is kept byte for byte")
    func validTextKept() throws {
        let samples = [
            "e\u{301}",
            "\u{FFFD} is a real replacement character",
            "日本語のテキスト",
            "Ελληνικά, русский, עברית, العربية",
            "🏳️‍🌈 family: 👨‍👩‍👧",
            "\u{2028}\u{2029}",
        ]
        for sample in samples {
            var repairs = TextRepairs()
            let value = try JSONValue.parse(Array(("\"" + sample + "\"").utf8), repairs: &repairs)
            #expect(value.stringValue.map { Array($0.utf8) } == Array(sample.utf8))
            #expect(repairs.isEmpty)
        }
    }

    /// Moves one special byte sequence through every position of strings of many lengths, so that
    /// it lands on each offset within the eight-byte words the scanner tests at once.
    @Test("special bytes at every word offset")
    func specialBytesAtEveryOffset() throws {
        let insertions: [(raw: [UInt8], decoded: String, invalidCount: Int)] = [
            (Array(#"\""#.utf8), "\"", 0),
            (Array(#"\\"#.utf8), "\\", 0),
            (Array(#"\u00e9"#.utf8), "é", 0),
            (Array("é".utf8), "é", 0),
            (Array("😀".utf8), "😀", 0),
            ([0xC3], "\u{FFFD}", 1),
            ([0x80], "\u{FFFD}", 1),
        ]
        for insertion in insertions {
            for length in 0..<24 {
                for index in 0...length {
                    let prefix = String(repeating: "a", count: index)
                    let suffix = String(repeating: "b", count: length - index)
                    let bytes = [0x22] + Array(prefix.utf8) + insertion.raw + Array(suffix.utf8) + [0x22]
                    let (value, repairs, error) = parseBytes(bytes)

                    #expect(error == nil, "length \(length), index \(index)")
                    #expect(value == .string(prefix + insertion.decoded + suffix), "length \(length), index \(index)")
                    #expect(repairs.invalidUTF8 == insertion.invalidCount, "length \(length), index \(index)")
                }
            }
        }
    }

    @Test("string errors", arguments: [
        (#"["\q"]"#, "invalid escape \\q", 2),
        (#"["ab\x"]"#, "invalid escape \\x", 4),
        (#"["\u12G4"]"#, "invalid \\u escape, expected four hexadecimal digits", 2),
        (#"["\uD83D\u12G4"]"#, "invalid \\u escape, expected four hexadecimal digits", 8),
        ("[\"a\nb\"]", "unescaped control character U+000A in string", 3),
        ("[\"a\tb\"]", "unescaped control character U+0009 in string", 3),
        ("[\"\\u0041\u{01}\"]", "unescaped control character U+0001 in string", 8),
    ])
    func stringError(json: String, message: String, offset: Int64) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(syntaxMessage(error) == message)
        if case let .syntax(_, byteOffset, _, _) = error {
            #expect(byteOffset == offset)
        }
    }

    @Test("unterminated strings end early", arguments: [
        #""abc"#, #""abc\"#, #""\u00"#, #""\uD83D"#, #""\uD83D\"#, #""\uD83D\uDE"#, #""a\n"#,
    ])
    func unterminatedString(json: String) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(error == .unexpectedEnd(byteOffset: Int64(json.utf8.count), line: 1, elementIndex: 0))
    }

    @Test("invalid escape shows a non-printable byte in hexadecimal")
    func invalidEscapeOfControlByte() {
        let (_, _, error) = parseBytes([0x22, 0x5C, 0x01, 0x22])
        #expect(syntaxMessage(error) == "invalid escape \\ followed by byte 0x01")
    }
}
