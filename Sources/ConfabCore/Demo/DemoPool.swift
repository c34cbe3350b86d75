/// A list of choices drawn with fixed weights.
///
/// Zipf-weighted pools give the item at rank r (counting from 0) a weight proportional to
/// 1 / (r + 1). The first few items then turn up in most texts and the tail only now and then, as
/// word frequencies do in natural text. Weights are integers, so draws are the same everywhere.
struct DemoPool<Element: Sendable>: Sendable {
    let items: [Element]
    /// Running totals of the weights; `cumulativeWeights[i]` is the sum of the weights of items 0...i.
    private let cumulativeWeights: [UInt64]

    init(uniform items: [Element]) {
        self.init(items, weights: Array(repeating: 1, count: items.count))
    }

    init(zipf items: [Element]) {
        let scale: UInt64 = 1 << 24
        self.init(items, weights: items.indices.map { scale / UInt64($0 + 1) })
    }

    init(_ items: [Element], weights: [UInt64]) {
        precondition(!items.isEmpty, "a pool needs at least one item")
        precondition(items.count == weights.count, "a pool needs one weight per item")
        precondition(weights.allSatisfy { $0 > 0 }, "pool weights must be positive")

        var total: UInt64 = 0
        var cumulative: [UInt64] = []
        cumulative.reserveCapacity(weights.count)
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        self.items = items
        self.cumulativeWeights = cumulative
    }

    /// Pairs each item with its weight, which reads better for short hand-weighted lists.
    init(weighted pairs: [(Element, UInt64)]) {
        self.init(pairs.map(\.0), weights: pairs.map(\.1))
    }

    var count: Int { items.count }

    func pick(_ random: inout DemoRandom) -> Element {
        items[pickIndex(&random)]
    }

    func pickIndex(_ random: inout DemoRandom) -> Int {
        guard let total = cumulativeWeights.last, items.count > 1 else { return 0 }
        let target = random.next().multipliedFullWidth(by: total).high

        // The first index whose running total exceeds the target.
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}

/// The items already drawn from one pool for one answer, list or conversation, so the next draw
/// can avoid them. Zipf weights would otherwise repeat the top sentences within a few lines.
struct DemoPickMemory {
    private var used: UInt64 = 0

    /// Draws from `pool` an item not drawn since the memory was last cleared. It draws again up to
    /// twice, keeping the pool's weights, and then takes the next unused item in pool order. Once
    /// every item is used the memory clears. Items past the 64th are not remembered.
    mutating func pickFresh<Element>(from pool: DemoPool<Element>, _ random: inout DemoRandom) -> Element {
        let remembered = min(pool.count, 64)
        if used.nonzeroBitCount >= remembered {
            used = 0
        }

        var index = pool.pickIndex(&random)
        var attempts = 0
        while attempts < 2, isUsed(index) {
            index = pool.pickIndex(&random)
            attempts += 1
        }
        while isUsed(index) {
            index = (index + 1) % remembered
        }
        if index < 64 {
            used |= 1 << UInt64(index)
        }
        return pool.items[index]
    }

    private func isUsed(_ index: Int) -> Bool {
        index < 64 && used & (1 << UInt64(index)) != 0
    }
}
