/// SplitMix64, a small deterministic generator, so that a failing random case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Random strings biased towards what breaks terminals: controls, escape sequence pieces,
/// bidirectional and zero-width characters, emoji parts, wide and combining characters.
enum HostileStringGenerator {
    private static let fragments: [String] = [
        "\u{1B}", "\u{1B}[", "\u{1B}]", "\u{1B}P", "\u{1B}_", "\u{1B}\\", "\u{9B}", "\u{9C}", "\u{9D}",
        "\u{90}", "\u{85}", "[31m", "52;c;", ";", "\u{7}", "\r", "\r\n", "\n", "\t", "\u{8}", "\u{0}",
        "\u{7F}", "\u{18}", " ", "  ", "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}", "\u{200E}",
        "\u{61C}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{FE0F}", "\u{FE0E}", "\u{1F3FD}",
        "\u{E0041}", "\u{AD}", "👨", "👩", "❤", "🏳", "漢", "ｱ", "e", "\u{301}", "\u{E000}", "x",
    ]

    static func makeString(using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            if Bool.random(using: &generator) {
                text += fragments.randomElement(using: &generator)!
            } else {
                text.unicodeScalars.append(randomScalar(using: &generator))
            }
        }
        return text
    }

    private static func randomScalar(using generator: inout SeededGenerator) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0x00...0xFF, 0x2000...0x206F, 0x0000...0xD7FF, 0xE000...0x10FFFF]
        let range = ranges.randomElement(using: &generator)!
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
                return scalar
            }
        }
    }
}
