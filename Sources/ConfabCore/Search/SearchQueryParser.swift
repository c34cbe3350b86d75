import Foundation

/// Reads Confab's query language.
///
/// Words are separated by white space and all must match. `"…"` makes a phrase (a missing closing
/// quote runs to the end), `OR` in capitals between two terms makes them alternatives, a leading
/// `-` before a letter, digit or quote excludes a term, a trailing `*` makes a prefix, and
/// `name:value` with a known name is a filter. Everything else, including `AND`, `NOT`, `NEAR`,
/// parentheses and lone punctuation, is literal text.
struct SearchQueryParser {
    private let text: [Character]
    private let syntax: SearchSyntax
    private var position = 0
    private var query = SearchQuery()

    init(_ text: String, syntax: SearchSyntax) {
        // Control characters separate words like spaces; NFC makes "é" typed in either form equal.
        let cleaned = String(String.UnicodeScalarView(text.precomposedStringWithCanonicalMapping.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        self.text = Array(cleaned)
        self.syntax = syntax
    }

    /// One unit of the input before clauses are formed.
    private enum Item {
        case term(SearchTerm, isExcluded: Bool, typed: String)
        case or(typed: String)
        case filter(SearchFilter)
    }

    mutating func parse() -> SearchQuery {
        var items: [Item] = []
        var rawParts: [String] = []
        while let item = nextItem(rawParts: &rawParts) {
            items.append(item)
        }
        if syntax == .raw {
            let expression = rawParts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            query.rawExpression = expression.isEmpty ? nil : expression
            query.filters = items.compactMap { if case let .filter(filter) = $0 { filter } else { nil } }
            return query
        }
        formClauses(from: items)
        return query
    }

    // MARK: Clauses

    private mutating func formClauses(from items: [Item]) {
        var index = 0
        while index < items.count {
            switch items[index] {
            case let .filter(filter):
                query.filters.append(filter)
                index += 1
            case let .or(typed):
                // Not between two included terms, so it is the word "or".
                appendClause([literal(typed)], isExcluded: false)
                index += 1
            case let .term(term, isExcluded, _):
                guard !isExcluded else {
                    appendClause([term], isExcluded: true)
                    index += 1
                    continue
                }
                var alternatives = [term]
                index += 1
                while index + 1 < items.count, case .or = items[index],
                      case let .term(next, nextExcluded, _) = items[index + 1], !nextExcluded {
                    alternatives.append(next)
                    index += 2
                }
                appendClause(alternatives, isExcluded: false)
            }
        }
    }

    private func literal(_ word: String) -> SearchTerm {
        SearchTerm(words: [word])
    }

    /// Adds a clause after dropping the terms that have nothing an index can find.
    private mutating func appendClause(_ alternatives: [SearchTerm], isExcluded: Bool) {
        var kept: [SearchTerm] = []
        for term in alternatives {
            if SearchFolding.isSearchable(term.words.joined(separator: " ")) {
                kept.append(term)
            } else {
                query.problems.append(SearchQueryProblem(
                    text: term.displayText,
                    message: "'\(term.displayText)' has no letters or digits to search for, so it was ignored"))
            }
        }
        if !kept.isEmpty {
            query.clauses.append(SearchClause(alternatives: kept, isExcluded: isExcluded))
        }
    }

    // MARK: Items

    private var isAtEnd: Bool { position >= text.count }

    private func isSpace(_ character: Character) -> Bool {
        character.isWhitespace
    }

    private mutating func skipSpaces() {
        while !isAtEnd && isSpace(text[position]) {
            position += 1
        }
    }

    private mutating func nextItem(rawParts: inout [String]) -> Item? {
        skipSpaces()
        guard !isAtEnd else { return nil }
        let start = position

        switch readFilter() {
        case let .filter(filter):
            return .filter(filter)
        case .scope:
            return nextItem(rawParts: &rawParts)
        case .notFilter:
            position = start
        }

        if syntax == .raw {
            rawParts.append(readRawWord())
            return nextItem(rawParts: &rawParts)
        }

        var isExcluded = false
        if text[position] == "-", position + 1 < text.count,
           text[position + 1] == "\"" || SearchFolding.isSearchable(String(text[position + 1])) {
            isExcluded = true
            position += 1
        }

        if text[position] == "\"" {
            let (body, isClosed) = readQuoted()
            let isPrefix = readStars()
            let words = body.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            if !isClosed {
                query.problems.append(SearchQueryProblem(
                    text: "\"" + body, message: "a phrase has no closing quote, so it runs to the end of the query"))
            }
            let term = SearchTerm(words: words, isPhrase: true, isPrefix: isPrefix && !words.isEmpty)
            return .term(term, isExcluded: isExcluded, typed: String(text[start..<position]))
        }

        var word = readBareWord()
        if !isExcluded && word == "OR" {
            return .or(typed: word)
        }
        var isPrefix = false
        while word.hasSuffix("*") {
            word.removeLast()
            isPrefix = true
        }
        return .term(SearchTerm(words: [word], isPrefix: isPrefix && !word.isEmpty), isExcluded: isExcluded,
                     typed: String(text[start..<position]))
    }

    private mutating func readBareWord() -> String {
        let start = position
        while !isAtEnd && !isSpace(text[position]) {
            position += 1
        }
        return String(text[start..<position])
    }

    /// Reads a raw FTS5 word, keeping double-quoted strings whole so the spaces inside them stay.
    private mutating func readRawWord() -> String {
        let start = position
        var isQuoted = false
        while !isAtEnd && (isQuoted || !isSpace(text[position])) {
            if text[position] == "\"" {
                isQuoted.toggle()
            }
            position += 1
        }
        return String(text[start..<position])
    }

    /// Reads `"…"` from the opening quote; a doubled quote inside stands for one quote.
    private mutating func readQuoted() -> (body: String, isClosed: Bool) {
        position += 1
        var body = ""
        while !isAtEnd {
            let character = text[position]
            position += 1
            if character == "\"" {
                if !isAtEnd && text[position] == "\"" {
                    body.append("\"")
                    position += 1
                    continue
                }
                return (body, true)
            }
            body.append(character)
        }
        return (body, false)
    }

    private mutating func readStars() -> Bool {
        var found = false
        while !isAtEnd && text[position] == "*" {
            position += 1
            found = true
        }
        return found
    }

    // MARK: Filters

    private enum FilterReading {
        case filter(SearchFilter)
        /// `in:title` or `in:text`, already applied to the query.
        case scope
        /// Not a filter, or a filter with an invalid value: the input is read as text.
        case notFilter
    }

    /// Reads `name:value` or `-name:value` when the name is a filter or `in`.
    private mutating func readFilter() -> FilterReading {
        let start = position
        var isExcluded = false
        if text[position] == "-" {
            isExcluded = true
            position += 1
        }
        var name = ""
        while !isAtEnd, text[position].isLetter, text[position].isASCII {
            name.append(text[position])
            position += 1
        }
        let lowered = name.lowercased()
        guard !isAtEnd, text[position] == ":", lowered == "in" || SearchFilter.Kind(rawValue: lowered) != nil else {
            noteUnknownFilter(name: name, from: start)
            return .notFilter
        }
        position += 1

        let value: String
        if !isAtEnd && text[position] == "\"" {
            value = readQuoted().body
        } else {
            value = readBareWord()
        }
        guard !value.isEmpty else { return .notFilter }
        let typed = String(text[start..<position])

        guard let kind = SearchFilter.Kind(rawValue: lowered) else {
            return readScope(value, typed: typed, isExcluded: isExcluded)
        }
        guard let filter = SearchFilterValue.make(kind: kind, value: value, isExcluded: isExcluded) else {
            query.problems.append(SearchQueryProblem(
                text: typed, message: SearchFilterValue.invalidMessage(kind: kind, typed: typed)))
            return .notFilter
        }
        return .filter(filter)
    }

    /// Adds a note for `name:value` whose name looks like a filter but is not one, such as `foo:bar`.
    /// URLs (`https://`) and code (`std::vector`) are ordinary text and get no note.
    private mutating func noteUnknownFilter(name: String, from start: Int) {
        guard name.count >= 2, !isAtEnd, text[position] == ":", position + 1 < text.count else { return }
        let next = text[position + 1]
        guard !next.isWhitespace, next != "/", next != ":" else { return }

        var end = position
        while end < text.count && !text[end].isWhitespace {
            end += 1
        }
        let typed = String(text[start..<end])
        let names = (SearchFilter.Kind.allCases.map(\.rawValue) + ["in"]).map { $0 + ":" }.joined(separator: " ")
        query.problems.append(SearchQueryProblem(
            text: typed, message: "'\(name):' is not a filter (the filters are \(names)), so '\(typed)' was searched as text"))
    }

    /// Applies `in:title` or `in:text`; any other field is read as text.
    private mutating func readScope(_ value: String, typed: String, isExcluded: Bool) -> FilterReading {
        switch (value.lowercased(), isExcluded) {
        case ("title", false), ("titles", false):
            query.scope = .titles
            return .scope
        case ("text", false), ("turns", false):
            query.scope = .turns
            return .scope
        default:
            query.problems.append(SearchQueryProblem(
                text: typed, message: "'\(typed)' is not a field to search in (use in:title), so it was searched as text"))
            return .notFilter
        }
    }
}
