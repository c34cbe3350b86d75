/// Tests of eight bytes at once, packed in a `UInt64` in little-endian order ("SIMD within a
/// register").
///
/// Each test sets the high bit of every byte that matches. Because the subtraction borrows, a
/// match can make the bytes above it report false matches. The lowest flagged byte is always a
/// true match, though, and no byte below it is flagged, which is all that finding the first match
/// needs.
enum ByteScanning {
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Flags the bytes below `limit`, which must be at most 0x80.
    @inline(__always)
    static func bytes(of word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- lowBits &* UInt64(limit)) & ~word & highBits
    }

    /// Flags the bytes equal to `byte`.
    @inline(__always)
    static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        bytes(of: word ^ (lowBits &* UInt64(byte)), below: 1)
    }

    /// Loads eight bytes from an address with any alignment.
    @inline(__always)
    static func loadWord(_ address: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(address).loadUnaligned(as: UInt64.self))
    }
}
