import Testing
@testable import ConfabCore

@Suite struct TerminalTextWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1),
        ("é", 1), ("e\u{301}", 1), ("\u{301}", 0), ("\u{20DD}", 0),
        ("漢", 2), ("字", 2), ("ア", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("\u{3000}", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("\u{D7B0}", 0),
        ("😀", 2), ("🦀", 2), ("\u{1FAE8}", 2), ("❤", 1), ("❤\u{FE0F}", 1), ("🇩🇪", 2),
        ("\u{1F1E6}", 1), ("👍🏽", 4), ("👨\u{200D}👩\u{200D}👧", 6),
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FEFF}", 0), ("\u{202E}", 0), ("\u{AD}", 1), ("\u{600}", 1),
        ("\u{2028}", 0), ("\u{0}", 0), ("\u{1B}", 0), ("\u{7F}", 0), ("\u{9B}", 0),
        ("\u{2400}", 1), ("\u{241B}", 1), ("\u{23CE}", 1), ("…", 1), ("\u{E000}", 1),
        ("\u{4DC0}", 2), ("\u{3248}", 2), ("\u{2EBF0}", 2),
        ("Hello, 世界!", 12), ("", 0),
    ])
    func widthOfText(text: String, expected: Int) {
        #expect(TerminalText.width(of: text) == expected)
    }

    @Test(arguments: ["a", "é", "漢", "😀", "e\u{301}", "👨\u{200D}👩\u{200D}👧", "\u{200B}"])
    func characterWidthIsSumOfScalars(text: String) throws {
        let character = try #require(text.first)
        #expect(TerminalText.width(of: character) == TerminalText.width(of: text))
    }

    /// Characters from the scripts and symbol sets that chat transcripts contain, compared one by
    /// one with glibc so that a failure names the character.
    @Test(
        .enabled(if: GlibcWidth.isAvailable, "glibc wcwidth or the C.UTF-8 locale is missing"),
        arguments: [
            "a", "~", "é", "ß", "Ω", "я", "ש", "ع", "\u{301}", "\u{5B4}", "\u{64B}", "\u{93F}", "\u{94D}",
            "क", "ก", "\u{E31}", "漢", "ア", "ｱ", "Ａ", "한", "\u{1161}", "\u{11A8}", "\u{3000}", "、",
            "😀", "🦀", "❤", "\u{FE0F}", "\u{1F3FD}", "\u{1F1E6}", "\u{200B}", "\u{200C}", "\u{200D}",
            "\u{2060}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{61C}", "\u{AD}", "\u{600}", "\u{110BD}",
            "\u{E0041}", "\u{2400}", "\u{241B}", "\u{2421}", "\u{23CE}", "…", "\u{E000}", "\u{F8FF}",
            "\u{4DC0}", "\u{3248}", "\u{1F004}", "\u{1F0CF}", "\u{2614}", "\u{231A}", "\u{2B50}",
        ] as [Unicode.Scalar]
    )
    func scalarWidthMatchesGlibc(scalar: Unicode.Scalar) throws {
        let glibcWidth = try #require(GlibcWidth.withWidthFunction { $0(scalar.value) })
        #expect(TerminalText.width(of: scalar) == glibcWidth)
    }

    /// Code points whose general category changed after Unicode 14, the version of glibc 2.36's
    /// tables, so that Swift's newer properties give them another width.
    private static let changedAfterUnicode14: Set<UInt32> = [
        0x1171E, // AHOM CONSONANT SIGN MEDIAL RA: nonspacing in 14.0, spacing in Swift 6.3's data.
    ]

    /// Every code point that glibc assigns a width, which is every assigned printable one in its
    /// Unicode version. Code points it rejects with -1 (controls, unassigned) are left out.
    @Test(.enabled(if: GlibcWidth.isAvailable, "glibc wcwidth or the C.UTF-8 locale is missing"))
    func everyAssignedScalarMatchesGlibc() throws {
        let mismatches = try #require(GlibcWidth.withWidthFunction { glibcWidth in
            var mismatches: [String] = []
            for value in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let expected = glibcWidth(value)
                if expected >= 0, TerminalText.width(of: scalar) != expected,
                   !Self.changedAfterUnicode14.contains(value) {
                    mismatches.append("U+\(String(value, radix: 16, uppercase: true)): glibc \(expected)")
                }
            }
            return mismatches
        })
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(10))")
    }
}
