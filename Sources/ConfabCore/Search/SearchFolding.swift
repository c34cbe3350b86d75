import Foundation

/// The rules that make two pieces of text equal for search, and the character classes that
/// decide where words start and end.
///
/// They follow SQLite's `unicode61` tokenizer with `remove_diacritics 2` (as of SQLite 3.40), so
/// that text matched here and text matched by the FTS5 index agree:
/// - letters are lower-cased, and Latin letters lose their accents (`É` → `e`, `ñ` → `n`), while
///   letters of other scripts keep them (`й` stays distinct from `и`, Greek `ά` from `α`);
/// - combining accents U+0300–U+036F are dropped, so decomposed text (NFD) folds like composed
///   text (NFC);
/// - letters, digits and private-use characters (Unicode categories L, N and Co) make up words,
///   and every other character separates them.
///
/// NOTE: SQLite 3.40 classifies characters by an older Unicode version than Swift's, so a
/// letter added to Unicode since then separates words in the index but not here.
enum SearchFolding {
    /// Appends the folded form of `scalar`: usually one scalar, none for a dropped accent.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, into output: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            output.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
            return
        }
        if isCombiningAccent(value) {
            return
        }
        if value < 0x250 || (value >= 0x1E00 && value < 0x1F00) {
            output.append(contentsOf: latinFolding[scalar] ?? [scalar])
            return
        }
        switch value {
        case 0x03C2:
            output.append("\u{03C3}")
        case 0x4E00...0x9FFF, 0x3040...0x30FF, 0xAC00...0xD7AF:
            output.append(scalar)
        default:
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            for folded in lower where !isCombiningAccent(folded.value) {
                output.append(folded)
            }
        }
    }

    /// Returns the folded text as a string.
    static func fold(_ text: String) -> String {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            fold(scalar, into: &output)
        }
        return String(String.UnicodeScalarView(output))
    }

    @inline(__always)
    static func isCombiningAccent(_ value: UInt32) -> Bool {
        value >= 0x300 && value <= 0x36F
    }

    /// True for letters, digits and private-use characters: the characters words consist of.
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return isUnsegmented(scalar)
        }
    }

    /// True for characters of scripts written without spaces between words (Chinese, Japanese,
    /// Korean, Thai, Lao, Khmer, Myanmar). Search finds them anywhere inside a run, not only at
    /// word starts, through a separate index of single characters.
    @inline(__always)
    static func isUnsegmented(_ scalar: Unicode.Scalar) -> Bool {
        UnsegmentedScript.contains(scalar.value)
    }

    /// True when `text` has something an index can find: a word character.
    static func isSearchable(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isWordCharacter)
    }

    /// Latin letters of U+0080–U+024F and U+1E00–U+1EFF mapped to their folded forms.
    private static let latinFolding: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = foldLatin(scalar)
                if folded != [scalar] {
                    table[scalar] = folded
                }
            }
        }
        return table
    }()

    /// Lower-cases a Latin letter and removes its accents when what remains is a letter a–z.
    /// SQLite keeps a few letters whole that this rule would split; they are listed explicitly.
    private static func foldLatin(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar.value {
        case 0xB5: return ["\u{03BC}"]
        case 0x17F, 0x1E9B: return ["s"]
        case 0x1E0, 0x1E1: return ["\u{01E1}"]
        default: break
        }
        let lower = String(scalar).lowercased()
        let decomposed = Array(lower.decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = decomposed.first else { return [scalar] }
        let marks = decomposed.dropFirst()
        if base.value >= 0x61 && base.value <= 0x7A && marks.allSatisfy({ isCombiningAccent($0.value) }) {
            return [base]
        }
        return Array(lower.unicodeScalars)
    }
}

/// The code points that `SearchFolding.isUnsegmented` accepts, and the same set as a GLOB class
/// for SQL triggers.
enum UnsegmentedScript {
    static let ranges: [ClosedRange<UInt32>] = [
        0x0E00...0x0EFF,  // Thai, Lao
        0x1000...0x109F,  // Myanmar
        0x1100...0x11FF,  // Hangul Jamo
        0x1780...0x17FF,  // Khmer
        0x3040...0x30FF,  // Hiragana, Katakana
        0x3100...0x318F,  // Bopomofo, Hangul Compatibility Jamo
        0x31F0...0x31FF,  // Katakana Phonetic Extensions
        0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xAC00...0xD7AF,  // Hangul Syllables
        0xF900...0xFAFF,  // CJK Compatibility Ideographs
        0xFF66...0xFFDC,  // Halfwidth Katakana and Hangul
        0x20000...0x3134F,  // CJK Unified Ideographs Extensions B–G
    ]

    @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        if value < 0x0E00 {
            return false
        }
        for range in ranges where range.contains(value) {
            return true
        }
        return false
    }

    /// A GLOB pattern that matches text containing any of these characters.
    static var globPattern: String {
        var pattern = "*["
        for range in ranges {
            pattern.unicodeScalars.append(Unicode.Scalar(range.lowerBound)!)
            pattern += "-"
            pattern.unicodeScalars.append(Unicode.Scalar(range.upperBound)!)
        }
        return pattern + "]*"
    }
}
