import Foundation

/// A 64-bit hash over the fields of a conversation or turn.
///
/// Used only to tell whether an imported record differs from what is stored, never as a security
/// measure. Text is consumed eight bytes at a time (FNV-1a's multiply-and-xor step applied to
/// whole words, with a final avalanche), because hashing byte by byte took a noticeable share of
/// a large import. Each field is followed by its length and a separator byte that cannot occur in
/// UTF-8, so ("ab", "c") and ("a", "bc") hash differently, and a missing value differently from
/// an empty one. The stored values depend on this exact function: changing it makes the next
/// import of every file report its conversations as updated once.
struct ContentHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    private mutating func combine(word: UInt64) {
        value = (value ^ word) &* ContentHasher.prime
        value ^= value >> 29
    }

    private mutating func combine(byte: UInt8) {
        combine(word: UInt64(byte))
    }

    mutating func combine(_ string: String?) {
        guard var string else {
            combine(byte: 0xFE)
            return
        }
        string.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                combine(word: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            combine(word: tail)
            combine(word: UInt64(raw.count))
        }
        combine(byte: 0xFF)
    }

    mutating func combine(_ number: Double?) {
        guard let number else {
            combine(byte: 0xFE)
            return
        }
        var bits = number.bitPattern
        for _ in 0..<8 {
            combine(byte: UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
        combine(byte: 0xFF)
    }

    mutating func combine(_ number: Int?) {
        combine(number.map(Double.init))
    }

    mutating func combine(_ date: Date?) {
        combine(date?.timeIntervalSince1970)
    }

    /// The hash as the signed integer SQLite stores.
    var storedValue: Int64 { Int64(bitPattern: value) }
}

extension ImportedTurn {
    /// Hash of every stored field of the turn, structure excluded.
    var contentHash: Int64 {
        var hasher = ContentHasher()
        hasher.combine(sourceID)
        hasher.combine(parentSourceID)
        hasher.combine(role.rawValue)
        hasher.combine(kind.rawValue)
        hasher.combine(author)
        hasher.combine(model)
        hasher.combine(text)
        hasher.combine(createdAt)
        hasher.combine(rawPayloadJSON)
        hasher.combine(inputTokens)
        hasher.combine(outputTokens)
        hasher.combine(generationSeconds)
        for attachment in attachments {
            hasher.combine(attachment.name)
            hasher.combine(attachment.mimeType)
            hasher.combine(attachment.sizeBytes)
            hasher.combine(attachment.reference)
        }
        return hasher.storedValue
    }
}

extension ImportedConversation {
    /// Hash of the conversation's fields and of every turn hash. The owning user is left out:
    /// re-importing under another `--user` does not move conversations.
    func contentHash(turnHashes: [Int64]) -> Int64 {
        var hasher = ContentHasher()
        hasher.combine(sourceID)
        hasher.combine(persona?.kind.rawValue)
        hasher.combine(persona?.externalID)
        hasher.combine(persona?.name)
        hasher.combine(persona?.prompt)
        hasher.combine(title)
        hasher.combine(model)
        hasher.combine(createdAt)
        hasher.combine(updatedAt)
        for tag in tags {
            hasher.combine(tag)
        }
        hasher.combine(metadataJSON)
        hasher.combine(defaultLeafSourceID)
        for turnHash in turnHashes {
            hasher.combine(Double(bitPattern: UInt64(bitPattern: turnHash)))
        }
        return hasher.storedValue
    }
}
