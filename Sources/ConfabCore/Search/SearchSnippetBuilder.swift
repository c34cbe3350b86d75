/// Cuts the part of a text around its matches and carries the match ranges over.
enum SearchSnippetBuilder {
    /// Builds a snippet of about `length` Unicode scalars from `text`, where `matches` are UTF-8
    /// ranges of `text` in order. The window contains as many matches as fit, starting a little
    /// before the first of them; without matches it is the start of the text.
    static func snippet(of text: String, matches: [Range<Int>], length: Int) -> SearchSnippet {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        // Scalar index ranges of the matches.
        let matchScalars = matches.prefix(64).map { range in
            scalarIndex(ofByte: range.lowerBound, in: offsets)..<scalarIndex(ofByte: range.upperBound, in: offsets)
        }
        let window = chooseWindow(matches: matchScalars, scalarCount: scalars.count, length: max(length, 16))
        var start = window.lowerBound
        var end = window.upperBound

        // Start and end at a space when one is near, and never between a character and its marks.
        if start > 0 {
            let firstMatch = matchScalars.first { $0.upperBound > start }?.lowerBound ?? end
            let searchEnd = max(start, min(start + 16, firstMatch))
            if let space = (start..<searchEnd).first(where: { isBlank(scalars[$0]) }) {
                start = space + 1
            }
        }
        if end < scalars.count {
            let lastMatch = matchScalars.last { $0.lowerBound < end }?.upperBound ?? start
            let searchStart = min(end, max(end - 16, lastMatch, start))
            if let space = (searchStart..<end).reversed().first(where: { isBlank(scalars[$0]) }) {
                end = space
            }
        }
        while start < end && isAttached(scalars[start]) {
            start += 1
        }
        while end < scalars.count && isAttached(scalars[end]) {
            end += 1
        }

        return render(scalars: scalars, window: start..<end, matches: matchScalars)
    }

    private static func scalarIndex(ofByte byte: Int, in offsets: [Int]) -> Int {
        var low = 0
        var high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < byte {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Chooses the window of `length` scalars with the most matches, starting a quarter of its
    /// length before the first match in it.
    private static func chooseWindow(matches: [Range<Int>], scalarCount: Int, length: Int) -> Range<Int> {
        guard scalarCount > length, let first = matches.first else {
            return 0..<min(scalarCount, length)
        }
        var best = first
        var bestCount = 0
        for (index, anchor) in matches.enumerated() {
            let limit = anchor.lowerBound + length * 3 / 4
            let count = matches[index...].prefix { $0.upperBound <= limit }.count
            if count > bestCount {
                best = anchor
                bestCount = count
            }
        }
        var start = max(0, best.lowerBound - length / 4)
        let end = min(scalarCount, start + length)
        start = max(0, end - length)
        return start..<end
    }

    /// True for scalars that belong to the character before them: combining marks, joiners and
    /// variation selectors.
    private static func isAttached(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    /// Returns whether `scalar` is white space or a C0 control. ASCII is decided without the
    /// Unicode property lookup, which cost about 4% of a search's time in a perf profile.
    /// True for whitespace and for C0 controls, DEL and C1 controls, which all become one space,
    /// so that no snippet carries a terminal control to a reader such as `jq -r`.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value <= 0x20 || scalar.value == 0x7F
        }
        return scalar.value <= 0x9F || scalar.properties.isWhitespace
    }

    private static func render(scalars: [Unicode.Scalar], window: Range<Int>, matches: [Range<Int>]) -> SearchSnippet {
        var output = String.UnicodeScalarView()
        var highlightOffsets: [Range<Int>] = []
        var outputBytes = 0
        var pendingStart: Int?
        var matchIndex = matches.firstIndex { $0.upperBound > window.lowerBound } ?? matches.count
        var previousWasSpace = false

        for index in window {
            if matchIndex < matches.count, index == max(matches[matchIndex].lowerBound, window.lowerBound) {
                pendingStart = outputBytes
            }
            let scalar = scalars[index]
            let isSpace = isBlank(scalar)
            if isSpace {
                if !previousWasSpace {
                    output.append(" ")
                    outputBytes += 1
                }
            } else {
                output.append(scalar)
                outputBytes += UTF8.width(scalar)
            }
            previousWasSpace = isSpace
            if matchIndex < matches.count, index + 1 == matches[matchIndex].upperBound || index + 1 == window.upperBound,
               let start = pendingStart {
                highlightOffsets.append(start..<outputBytes)
                pendingStart = nil
                matchIndex += 1
            }
        }

        let text = String(output)
        let utf8 = text.utf8
        let highlights = highlightOffsets.filter { !$0.isEmpty }.map {
            utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)
        }
        return SearchSnippet(
            text: text, highlights: highlights,
            isTruncatedAtStart: window.lowerBound > 0, isTruncatedAtEnd: window.upperBound < scalars.count)
    }
}
