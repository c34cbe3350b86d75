/// UTF-8 well-formedness as the Unicode Standard's table of well-formed UTF-8 byte sequences
/// defines it.
enum UTF8Validation {
    /// Counts the maximal subparts of ill-formed subsequences in `bytes`.
    ///
    /// A maximal subpart is the longest prefix of a well-formed sequence that is not followed by
    /// the byte completing it, or else a single byte that cannot start one. Replacing each with
    /// one U+FFFD is the substitution the standard recommends, and the one
    /// `String(decoding:as: UTF8.self)` performs, so this count is the number of replacement
    /// characters that decoding adds.
    static func countMaximalSubparts(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var index = 0
        var invalidCount = 0

        while index < count {
            while index + 8 <= count, ByteScanning.loadWord(base + index) & ByteScanning.highBits == 0 {
                index += 8
            }
            guard index < count else { break }

            let lead = base[index]
            index += 1
            if lead < 0x80 { continue }

            // The first continuation byte has a narrower range after some lead bytes, which rules
            // out overlong forms, surrogates and code points above U+10FFFF.
            var continuationCount: Int
            var firstLow: UInt8 = 0x80
            var firstHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF:
                continuationCount = 1
            case 0xE0:
                continuationCount = 2
                firstLow = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF:
                continuationCount = 2
            case 0xED:
                continuationCount = 2
                firstHigh = 0x9F
            case 0xF0:
                continuationCount = 3
                firstLow = 0x90
            case 0xF1...0xF3:
                continuationCount = 3
            case 0xF4:
                continuationCount = 3
                firstHigh = 0x8F
            default:
                invalidCount += 1
                continue
            }

            guard index < count, base[index] >= firstLow, base[index] <= firstHigh else {
                invalidCount += 1
                continue
            }
            index += 1
            continuationCount -= 1

            while continuationCount > 0 {
                guard index < count, base[index] & 0xC0 == 0x80 else {
                    invalidCount += 1
                    break
                }
                index += 1
                continuationCount -= 1
            }
        }
        return invalidCount
    }
}
