/// Sebastiano Vigna's SplitMix64 generator: it seeds `DemoRandom`, derives independent demo
/// streams, and fills the random bits of UUIDv7 ids. Not for secrets.
///
/// Every step is a bijection on `UInt64`, so `SplitMix64.mix` maps distinct inputs to distinct
/// outputs; the demo ids rely on that.
struct SplitMix64: RandomNumberGenerator {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective mix of the bits of `value`.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
