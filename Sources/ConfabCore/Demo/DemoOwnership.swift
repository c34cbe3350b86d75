/// Assigns conversations to users: every user gets one before anyone gets a second, and the rest
/// go to users with Zipf weights, so a few users are heavy and most are light.
struct DemoOwnership: Sendable {
    let userCount: Int
    private let seed: UInt64
    /// Users by activity rank; rank r is drawn with weight 1 / (r + 2).
    private let ranks: DemoPool<Int>
    /// Rank r belongs to user (r * multiplier + offset) % userCount, a permutation because the
    /// multiplier is coprime to the user count.
    private let multiplier: Int
    private let offset: Int

    init(userCount: Int, seed: UInt64) {
        precondition(userCount > 0, "ownership needs at least one user")
        self.userCount = userCount
        self.seed = seed

        let scale: UInt64 = 1 << 32
        ranks = DemoPool(Array(0..<userCount), weights: (0..<userCount).map { scale / UInt64($0 + 2) })

        let mixed = SplitMix64.mix(seed ^ DemoStream.ownership.rawValue)
        var multiplier = Int(mixed % UInt64(userCount)) | 1
        while Self.greatestCommonDivisor(multiplier, userCount) != 1 {
            multiplier += 2
        }
        self.multiplier = multiplier
        self.offset = Int((mixed >> 32) % UInt64(userCount))
    }

    /// Returns the index of the user who owns conversation `index`.
    func owner(ofConversation index: Int) -> Int {
        if index < userCount {
            return index
        }
        var random = DemoRandom(seed: seed, stream: .ownership, index: index)
        let rank = ranks.pick(&random)
        return (rank * multiplier + offset) % userCount
    }

    private static func greatestCommonDivisor(_ first: Int, _ second: Int) -> Int {
        var a = first
        var b = second
        while b != 0 {
            (a, b) = (b, a % b)
        }
        return a
    }
}
