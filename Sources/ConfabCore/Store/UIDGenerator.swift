import Foundation

/// Makes UUIDv7 strings (RFC 9562): 48 bits of Unix milliseconds, then random bits.
///
/// Time-ordered ids land at the end of the `uid` indexes, so bulk imports append to them instead
/// of writing all over the B-tree. Within one millisecond a counter in the random field keeps
/// ids from one generator increasing. The random bits come from SplitMix64 seeded once from the
/// system generator, because asking the kernel for every id cost a system call per turn.
struct UIDGenerator {
    private var lastMilliseconds: UInt64 = 0
    private var counter: UInt64 = 0
    private var generator = SplitMix64(seed: UInt64.random(in: 0...UInt64.max))

    mutating func next(now: Date = Date()) -> String {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        if milliseconds > lastMilliseconds {
            lastMilliseconds = milliseconds
            counter = UInt64.random(in: 0..<(1 << 11), using: &generator)
        } else {
            counter += 1
        }

        // Layout: unix_ts_ms (48) | ver=7 (4) | rand_a (12, the counter) | var=10 (2) | rand_b (62).
        let high = (lastMilliseconds << 16) | 0x7000 | (counter & 0x0FFF)
        let low = (UInt64.random(in: 0...UInt64.max, using: &generator) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return UIDGenerator.format(high: high, low: low)
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func format(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            func put(_ word: UInt64, nibbles: Int, from shift: Int) {
                for nibble in 0..<nibbles {
                    let value = Int((word >> UInt64(shift - 4 * nibble)) & 0xF)
                    buffer[position] = digits[value]
                    position += 1
                }
            }
            func dash() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            put(high, nibbles: 8, from: 60)
            dash()
            put(high, nibbles: 4, from: 28)
            dash()
            put(high, nibbles: 4, from: 12)
            dash()
            put(low, nibbles: 4, from: 60)
            dash()
            put(low, nibbles: 12, from: 44)
            return position
        }
    }
}

