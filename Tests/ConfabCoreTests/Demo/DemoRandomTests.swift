import Testing
@testable import ConfabCore

@Suite struct DemoRandomTests {
    /// Outputs of the reference SplitMix64 for seed 0, as published with the algorithm.
    @Test func splitMixMatchesReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    /// Outputs of the reference xoshiro256** seeded with four SplitMix64 outputs of seed 1,
    /// computed with an independent Python transcription of the reference C code.
    @Test func xoshiroMatchesReference() {
        var generator = DemoRandom(seed: 1)
        #expect(generator.next() == 0xB3F2_AF6D_0FC7_10C5)
        #expect(generator.next() == 0x853B_5596_4736_4CEA)
        #expect(generator.next() == 0x92F8_9756_082A_4514)
        #expect(generator.next() == 0x642E_1C7B_C266_A3A7)
    }

    @Test func streamsAreIndependent() {
        var text = DemoRandom(seed: 7, stream: .text, index: 3)
        var plan = DemoRandom(seed: 7, stream: .plan, index: 3)
        var nextIndex = DemoRandom(seed: 7, stream: .text, index: 4)
        var again = DemoRandom(seed: 7, stream: .text, index: 3)
        let first = text.next()
        #expect(first != plan.next())
        #expect(first != nextIndex.next())
        #expect(first == again.next())
    }

    @Test(arguments: [1, 2, 3, 7, 1_000, 1 << 40, Int.max])
    func boundedDrawsStayInRange(bound: Int) {
        var generator = DemoRandom(seed: UInt64(bound))
        for _ in 0..<2_000 {
            let value = generator.int(below: bound)
            #expect(value >= 0)
            #expect(value < bound)
        }
    }

    @Test func closedRangeReachesBothEnds() {
        var generator = DemoRandom(seed: 11)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            seen.insert(generator.int(in: -2...2))
        }
        #expect(seen == [-2, -1, 0, 1, 2])
    }

    @Test func zipfPoolFavoursEarlyItems() {
        let pool = DemoPool<Int>(zipf: Array(0..<20))
        var generator = DemoRandom(seed: 3)
        var counts = [Int](repeating: 0, count: 20)
        for _ in 0..<100_000 {
            counts[pool.pick(&generator)] += 1
        }

        // Weight 1/(r+1): the first item is drawn about twice as often as the second, ten times
        // as often as the tenth, and every item is drawn at least sometimes.
        #expect(counts[0] > counts[1] * 17 / 10)
        #expect(counts[0] > counts[9] * 8)
        #expect(counts[19] > 0)
        #expect(counts[0] > counts[19] * 15)
    }

    @Test func weightedPoolNeverDrawsUnlistedItems() {
        let pool = DemoPool<String>(weighted: [("rare", 1), ("common", 999)])
        var generator = DemoRandom(seed: 5)
        var counts: [String: Int] = [:]
        for _ in 0..<10_000 {
            counts[pool.pick(&generator), default: 0] += 1
        }
        #expect(Set(counts.keys).isSubset(of: ["rare", "common"]))
        #expect(counts["common", default: 0] > 9_900)
    }

    @Test func pickMemoryCoversSmallPoolBeforeRepeating() {
        let pool = DemoPool<Int>(uniform: Array(0..<4))
        var generator = DemoRandom(seed: 9)
        var repeatsWithinFour = 0
        for _ in 0..<200 {
            var memory = DemoPickMemory()
            let picks = (0..<4).map { _ in memory.pickFresh(from: pool, &generator) }
            if Set(picks).count < 4 {
                repeatsWithinFour += 1
            }
        }
        // Without memory, four uniform draws from four items repeat 90 % of the time.
        #expect(repeatsWithinFour < 100)
    }
}
