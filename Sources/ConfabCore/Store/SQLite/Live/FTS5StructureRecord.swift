/// Decodes the structure record of an FTS5 index: the row with id 10 of its `_data` table.
///
/// Format (SQLite 3.40 `fts5_index.c`, `fts5StructureDecode`): a 4-byte cookie, then varints
/// nLevel, nSegment and the write counter, then for each level the varints nMerge and nSeg and,
/// for each segment, iSegid, pgnoFirst and pgnoLast. Varints are SQLite's: 7 bits per byte, high
/// bit set on all but the last, the ninth byte giving 8 bits. A record of a newer FTS5 (the
/// structure v2 of 3.44, whose cookie is followed by the bytes "\xff\x00\x00\x01") is not decoded.
enum FTS5StructureRecord {
    /// Returns the number of segments on each level, or nil for a record it cannot read.
    static func segmentsPerLevel(_ bytes: [UInt8]) -> [Int]? {
        guard bytes.count >= 4 else { return nil }
        var offset = 4
        if bytes.count >= 8 && bytes[4] == 0xFF && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 1 {
            return nil
        }
        guard let levelCount = varint(bytes, &offset), varint(bytes, &offset) != nil, varint(bytes, &offset) != nil,
              levelCount < 1_000 else { return nil }

        var levels: [Int] = []
        for _ in 0..<levelCount {
            guard varint(bytes, &offset) != nil, let segmentCount = varint(bytes, &offset), segmentCount < 100_000 else { return nil }
            for _ in 0..<segmentCount {
                for _ in 0..<3 where varint(bytes, &offset) == nil {
                    return nil
                }
            }
            levels.append(Int(segmentCount))
        }
        return levels
    }

    private static func varint(_ bytes: [UInt8], _ offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            offset += 1
            if index == 8 {
                return (value << 8) | UInt64(byte)
            }
            value = (value << 7) | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                return value
            }
        }
        return value
    }
}
