/// Context checks for the scalars that join emoji into one picture.
enum EmojiSequence {
    /// Whether the zero-width joiner at `index` stands between two emoji, skipping the variation
    /// selector and skin-tone modifier that may follow the first one (`🏳️‍🌈`, `👩🏽‍💻`).
    static func joinsTwoEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0, isModifier(scalars[previous]) {
            previous -= 1
        }
        let next = index + 1
        guard previous >= 0, next < scalars.count else { return false }
        return isEmoji(scalars[previous]) && isEmoji(scalars[next])
    }

    /// Digits, `#` and `*` have the Emoji property for keycaps, but never take part in a ZWJ
    /// sequence, so ASCII is excluded.
    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.isEmoji
    }

    private static func isModifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)
    }
}
