/// Text after search folding, with the UTF-8 range in the original that each folded scalar
/// came from, so matches found in folded text can be shown in the original.
struct FoldedText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each folded scalar, the UTF-8 offset where its source scalar starts in the original.
    private(set) var sourceStarts: [Int32] = []
    /// For each folded scalar, the UTF-8 offset just past its source scalar.
    private(set) var sourceEnds: [Int32] = []
    /// Per folded scalar: 0 for a separator, 1 for a word character, 2 for a character of an
    /// unsegmented script.
    private(set) var wordFlags: [UInt8] = []

    init(_ text: String) {
        let byteCount = text.utf8.count
        scalars.reserveCapacity(byteCount)
        sourceStarts.reserveCapacity(byteCount)
        sourceEnds.reserveCapacity(byteCount)
        wordFlags.reserveCapacity(byteCount)

        var offset: Int32 = 0
        var folded: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let width = Int32(UTF8.width(scalar))
            let value = scalar.value
            if value < 0x80 {
                // ASCII needs no folding table and no Unicode property lookup.
                let lowered = value >= 0x41 && value <= 0x5A ? value + 32 : value
                let isWord = (lowered >= 0x30 && lowered <= 0x39) || (lowered >= 0x61 && lowered <= 0x7A)
                scalars.append(Unicode.Scalar(UInt8(lowered)))
                sourceStarts.append(offset)
                sourceEnds.append(offset + 1)
                wordFlags.append(isWord ? 1 : 0)
            } else {
                folded.removeAll(keepingCapacity: true)
                SearchFolding.fold(scalar, into: &folded)
                if folded.isEmpty, !sourceEnds.isEmpty {
                    // A dropped accent belongs to the character before it.
                    sourceEnds[sourceEnds.count - 1] = offset + width
                }
                for item in folded {
                    append(item, start: offset, end: offset + width)
                }
            }
            offset += width
        }
    }

    @inline(__always)
    private mutating func append(_ scalar: Unicode.Scalar, start: Int32, end: Int32) {
        scalars.append(scalar)
        sourceStarts.append(start)
        sourceEnds.append(end)
        wordFlags.append(SearchFolding.isUnsegmented(scalar) ? 2 : SearchFolding.isWordCharacter(scalar) ? 1 : 0)
    }

    var count: Int { scalars.count }

    @inline(__always)
    func isWord(at index: Int) -> Bool {
        wordFlags[index] != 0
    }

    /// True for a word character that is not of an unsegmented script.
    @inline(__always)
    func isSegmentedWord(at index: Int) -> Bool {
        wordFlags[index] == 1
    }

    /// Returns the UTF-8 range in the original text of the folded scalars `range`.
    func sourceRange(of range: Range<Int>) -> Range<Int> {
        Int(sourceStarts[range.lowerBound])..<Int(sourceEnds[range.upperBound - 1])
    }
}
