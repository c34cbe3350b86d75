/// The xoshiro256** generator behind all demo data.
///
/// The generator uses only integer arithmetic, so the same seed gives the same sequence on every
/// platform and Swift version. Bounded draws use the multiply-shift reduction, whose bias is below
/// 2^-32 for every bound used here.
struct DemoRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the state with four SplitMix64 outputs, as the xoshiro authors recommend.
    init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// A generator for one numbered item of one purpose (a conversation's text, a user's profile),
    /// independent of every other item, so any item can be made without making the ones before it.
    init(seed: UInt64, stream: DemoStream, index: Int) {
        let streamKey = SplitMix64.mix(seed ^ stream.rawValue)
        self.init(seed: SplitMix64.mix(streamKey &+ UInt64(truncatingIfNeeded: index)))
    }

    mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// Returns a uniform integer in `0..<bound`; `bound` must be positive.
    mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Returns a uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `permille` / 1000.
    mutating func chance(permille: Int) -> Bool {
        int(below: 1_000) < permille
    }

    mutating func element<T>(of items: [T]) -> T {
        items[int(below: items.count)]
    }

    private static func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// The purposes that draw from separate random streams. Keeping them apart means that changing how
/// text is written never changes who owns a conversation, when it happened or how many turns it has.
enum DemoStream: UInt64 {
    case ownership = 0x6F77_6E65_7273
    case user = 0x7573_6572
    case plan = 0x706C_616E
    case text = 0x7465_7874
    case identifier = 0x6964_656E
}
