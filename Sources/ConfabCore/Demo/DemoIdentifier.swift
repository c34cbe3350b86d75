/// Ids in the shape of UUIDs (8-4-4-4-12 hex digits with the version-4 nibble), as the real
/// export formats use, derived from numbers so that they are the same on every run.
enum DemoIdentifier {
    /// Returns the id of a conversation and the key its turn ids derive from. The low half is a
    /// bijective mix of the conversation index, so conversations of one seed never share an id.
    static func conversation(seed: UInt64, index: Int) -> (text: String, key: UInt64) {
        let seedKey = SplitMix64.mix(seed ^ DemoStream.identifier.rawValue)
        let key = SplitMix64.mix(seedKey &+ UInt64(truncatingIfNeeded: index))
        return (format(high: SplitMix64.mix(key ^ 0x636F_6E76), low: key), key)
    }

    /// Returns the id of the `ordinal`-th turn of the conversation with `conversationKey`.
    /// Distinct ordinals give distinct ids because the mix is a bijection.
    static func turn(conversationKey: UInt64, ordinal: Int) -> String {
        let low = SplitMix64.mix((conversationKey ^ 0x7475_726E_0000_0000) &+ UInt64(truncatingIfNeeded: ordinal))
        return format(high: SplitMix64.mix(low ^ 0x7475_726E), low: low)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func format(high: UInt64, low: UInt64) -> String {
        // Version 4 in the 13th hex digit; the low half is kept whole so ids stay distinct.
        let versioned = (high & ~0xF000) | 0x4000
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            func write(_ value: UInt64, digits: Int) {
                for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                    buffer[position] = hexDigits[Int((value >> UInt64(shift)) & 0xF)]
                    position += 1
                }
            }
            func dash() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            write(versioned >> 32, digits: 8)
            dash()
            write((versioned >> 16) & 0xFFFF, digits: 4)
            dash()
            write(versioned & 0xFFFF, digits: 4)
            dash()
            write(low >> 48, digits: 4)
            dash()
            write(low & 0xFFFF_FFFF_FFFF, digits: 12)
            return position
        }
    }
}
