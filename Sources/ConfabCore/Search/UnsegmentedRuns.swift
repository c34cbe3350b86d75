import Foundation

/// The text that the character index stores for a turn: every character of the turn's runs of
/// unsegmented scripts (see `SearchFolding.isUnsegmented`) as a word of its own, so that FTS5
/// finds any substring of a run as a phrase of adjacent characters.
///
/// Runs are put in NFC, so decomposed kana and Hangul match composed queries. Consecutive runs
/// are kept apart by the separator word `0`, which no query run contains, so that a phrase never
/// spans two runs. After the runs come the words of other scripts glued to them (`gluedWords`).
enum UnsegmentedRuns {
    static let runSeparator = "0"

    /// Returns the index text of `text`, or nil when it has no unsegmented characters.
    static func indexText(of text: String) -> String? {
        guard mayContainUnsegmented(text) else { return nil }
        let runs = self.runs(in: text)
        guard !runs.isEmpty else { return nil }
        var indexText = runs.map(spaced).joined(separator: " \(runSeparator) ")
        let glued = gluedWords(in: text)
        if !glued.isEmpty {
            indexText += " \(runSeparator) " + glued.joined(separator: " ")
        }
        return indexText
    }

    /// Returns false when `text` certainly has no unsegmented characters. Every unsegmented script
    /// lies at U+0E00 or above, which UTF-8 writes with a lead byte of 0xE0 or more. Imports call
    /// it for every turn, so the scan skips eight ASCII bytes at a time.
    static func mayContainUnsegmented(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            let base = bytes.baseAddress
            while index + 8 <= count {
                let word = UnsafeRawPointer(base! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 {
                    for offset in 0..<8 where bytes[index + offset] >= 0xE0 {
                        return true
                    }
                }
                index += 8
            }
            while index < count {
                if bytes[index] >= 0xE0 {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Returns the maximal runs of unsegmented characters in `text`, each in NFC.
    static func runs(in text: String) -> [String] {
        var runs: [String] = []
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SearchFolding.isUnsegmented(scalar) {
                run.append(scalar)
            } else if !run.isEmpty {
                runs.append(normalized(run))
                run = String.UnicodeScalarView()
            }
        }
        if !run.isEmpty {
            runs.append(normalized(run))
        }
        return runs
    }

    /// Returns the FTS5 phrase that finds `run`: its characters as adjacent words, quoted.
    static func phrase(for run: String) -> String {
        "\"" + spaced(run) + "\""
    }

    private static func spaced(_ run: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in run.unicodeScalars {
            if !output.isEmpty {
                output.append(" ")
            }
            output.append(scalar)
        }
        return String(output)
    }

    private static func normalized(_ run: String.UnicodeScalarView) -> String {
        // Only combining kana marks and conjoining Hangul jamo change under NFC here.
        let needsComposition = run.contains { (0x3099...0x309A).contains($0.value) || (0x1100...0x11FF).contains($0.value) }
        let string = String(run)
        return needsComposition ? string.precomposedStringWithCanonicalMapping : string
    }
}
