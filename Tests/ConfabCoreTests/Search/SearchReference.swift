import Foundation
@testable import ConfabCore

/// A slow, plain reimplementation of the search semantics that docs/search.md states, used to
/// check the store's answers: it scans every stored text and shares no matching code with the
/// store.
enum SearchReference {
    /// A stored turn with the metadata the filters read.
    struct Row {
        var turnID: Int64
        var conversationID: Int64
        var conversationUID: String
        var sourceID: String
        var text: String
        var title: String?
        var role: String
        var userID: Int64
        var userName: String
        var model: String?
        var source: String
        var tags: [String]
        var time: Double?
        /// The conversation's last activity (its newest turn counts too), or its creation time when that is unknown.
        var activity: Double?
    }

    /// Reads every turn with its metadata from the store's tables.
    static func rows(_ store: SQLiteStore) throws -> [Row] {
        try store.connection.query(
            """
            SELECT t.id, c.id, c.uid, c.source_id, t.text, c.title, t.role, u.id, u.name, coalesce(t.model, c.model), c.source,
                   (SELECT group_concat(g.name, char(31)) FROM conversation_tags ct JOIN tags g ON g.id = ct.tag_id
                     WHERE ct.conversation_id = c.id),
                   coalesce(t.created_at, c.created_at),
                   max(coalesce(c.updated_at, c.created_at), coalesce((SELECT max(created_at) FROM turns WHERE conversation_id = c.id), 0))
            FROM turns t JOIN conversations c ON c.id = t.conversation_id JOIN users u ON u.id = c.user_id
            """
        ) { row in
            Row(turnID: row.int64(0), conversationID: row.int64(1), conversationUID: row.string(2), sourceID: row.string(3),
                text: row.string(4), title: row.optionalString(5), role: row.string(6), userID: row.int64(7),
                userName: row.string(8), model: row.optionalString(9), source: row.string(10),
                tags: row.optionalString(11)?.split(separator: "\u{1F}").map(String.init) ?? [], time: row.optionalDouble(12),
                activity: row.optionalDouble(13))
        }
    }

    /// The ids of the turns that `query` selects.
    static func turnIDs(_ query: SearchQuery, in rows: [Row]) -> Set<Int64> {
        Set(rows.filter { passes(query.filters, $0) && matches(query, text: $0.text) }.map(\.turnID))
    }

    /// The ids of the conversations whose title `query` matches (for `in:title`).
    static func conversationIDs(_ query: SearchQuery, in rows: [Row]) -> Set<Int64> {
        Set(rows.filter { row in
            guard let title = row.title else { return false }
            return passes(query.filters.filter { $0.kind != .role && $0.kind != .before && $0.kind != .after }, row)
                && matches(query, text: title)
        }.map(\.conversationID))
    }

    static func matches(_ query: SearchQuery, text: String) -> Bool {
        let folded = fold(text)
        guard !query.clauses.isEmpty else { return !query.filters.isEmpty }
        return query.clauses.allSatisfy { clause in
            let found = clause.alternatives.contains { contains(folded, term: $0) }
            return found != clause.isExcluded
        }
    }

    // MARK: Folding

    /// Lower case; Latin letters lose accents when the rest is a plain a–z letter; combining
    /// accents U+0300–U+036F vanish; final sigma is sigma.
    static func fold(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in text.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) {
                continue
            }
            if scalar.value == 0x3C2 {
                result.append(0x3C3)
                continue
            }
            if scalar.value == 0x17F {
                result.append(0x73)
                continue
            }
            let isLatinLetter = scalar.properties.name?.hasPrefix("LATIN") == true && scalar.properties.isAlphabetic
            for lower in String(scalar).lowercased().unicodeScalars {
                if (0x300...0x36F).contains(lower.value) {
                    continue
                }
                if isLatinLetter && lower.value != 0x1E1 {
                    let parts = Array(String(lower).decomposedStringWithCanonicalMapping.unicodeScalars)
                    if let base = parts.first, ("a"..."z").contains(Character(base)),
                       parts.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) }) {
                        result.append(base.value)
                        continue
                    }
                }
                result.append(lower.value)
            }
        }
        return result
    }

    static func isWordCharacter(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return isUnsegmented(value)
        }
    }

    /// Han, kana, Hangul, Thai, Lao, Khmer and Myanmar, as docs/search.md lists them.
    static func isUnsegmented(_ value: UInt32) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [
            0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x3040...0x30FF, 0x3100...0x318F,
            0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFFDC,
            0x20000...0x3134F,
        ]
        return ranges.contains { $0.contains(value) }
    }

    // MARK: Matching

    /// Whether the folded text contains the term: its words in order, each exactly, separated
    /// by runs of non-word characters, starting and ending at word boundaries where the term's
    /// first and last characters are non-CJK word characters.
    static func contains(_ text: [UInt32], term: SearchTerm) -> Bool {
        let words = term.words.map { fold($0.precomposedStringWithCanonicalMapping) }.filter { !$0.isEmpty }
        guard let first = words.first?.first, let last = words.last?.last else { return false }
        let startBoundary = isWordCharacter(first) && !isUnsegmented(first)
        let endBoundary = !term.isPrefix && isWordCharacter(last) && !isUnsegmented(last)
        // A script change between CJK and other word characters is a word boundary.
        func extendsWord(_ value: UInt32) -> Bool {
            isWordCharacter(value) && !isUnsegmented(value)
        }

        for start in text.indices {
            for end in ends(of: words, in: text, from: start) {
                let startOK = !startBoundary || start == 0 || !extendsWord(text[start - 1])
                let endOK = !endBoundary || end == text.count || !extendsWord(text[end])
                if startOK && endOK {
                    return true
                }
            }
        }
        return false
    }

    /// Every position where `words` can end when they start at `start`.
    private static func ends(of words: [[UInt32]], in text: [UInt32], from start: Int) -> [Int] {
        guard let word = words.first else { return [start] }
        guard start + word.count <= text.count, Array(text[start..<(start + word.count)]) == word else { return [] }
        let afterWord = start + word.count
        if words.count == 1 {
            return [afterWord]
        }
        var results: [Int] = []
        var gapEnd = afterWord
        while gapEnd < text.count && !isWordCharacter(text[gapEnd]) {
            gapEnd += 1
            results += ends(of: Array(words.dropFirst()), in: text, from: gapEnd)
        }
        return results
    }

    // MARK: Filters

    static func passes(_ filters: [SearchFilter], _ row: Row) -> Bool {
        let kinds = Set(filters.map(\.kind))
        return kinds.allSatisfy { kind in
            let ofKind = filters.filter { $0.kind == kind }
            let included = ofKind.filter { !$0.isExcluded }
            let excluded = ofKind.filter(\.isExcluded)
            // Time bounds all must hold; other filters of one kind are alternatives.
            let includedHold = [.before, .after, .idle].contains(kind)
                ? included.allSatisfy { holds($0, row) } : (included.isEmpty || included.contains { holds($0, row) })
            return includedHold && !excluded.contains { holds($0, row) }
        }
    }

    private static func holds(_ filter: SearchFilter, _ row: Row) -> Bool {
        let value = filter.value
        switch filter.kind {
        case .user:
            return row.userName.lowercased() == value.lowercased() || String(row.userID) == value
        case .role:
            return row.role == value.lowercased()
        case .model:
            guard let model = row.model?.lowercased() else { return false }
            return value.hasSuffix("*") ? model.hasPrefix(value.dropLast().lowercased()) : model == value.lowercased()
        case .conversation:
            return String(row.conversationID) == value || row.conversationUID == value || row.sourceID == value
        case .source:
            return row.source == value.lowercased()
        case .tag:
            return row.tags.contains { $0.lowercased() == value.lowercased() }
        case .before:
            guard let time = row.time, let date = filter.date else { return false }
            return time < date.timeIntervalSince1970
        case .after:
            guard let time = row.time, let date = filter.date else { return false }
            return time >= date.timeIntervalSince1970
        case .idle:
            guard let activity = row.activity, let date = filter.date else { return false }
            return activity < date.timeIntervalSince1970
        }
    }
}
