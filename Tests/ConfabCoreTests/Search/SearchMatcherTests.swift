import Foundation
import Testing
@testable import ConfabCore

@Suite struct SearchMatcherTests {
    @Test(arguments: [
        ("cafe", "Un café, por favor", true),
        ("cafe", "Un cafe\u{301}, por favor", true),
        ("café", "CAFE", true),
        ("jose", "JOSÉ", true),
        ("елка", "ёлка", false),
        ("straße", "STRASSE", false),
        ("istanbul", "İstanbul", true),
        ("c++", "I like C++.", true),
        ("c++", "I like C.", false),
        ("gpt-4", "gpt-4o", false),
        ("gpt-4*", "gpt-4o", true),
        ("node.js", "a node.js app", true),
        ("node.js", "node js", false),
        ("\"node js\"", "node.js", true),
        ("snake_case", "snake_case_name", true),
        ("snake_case", "snake_casename", false),
        ("snake_case*", "snake_case_name", true),
        ("日本語", "日本語のテスト", true),
        ("本", "日本語", true),
        ("gen-itgc后", "和gen-itgc后端", true),
        ("gen", "和gen-itgc后端", true),
        ("gen", "和generic后端", false),
        ("docker -compose", "docker compose", false),
        ("docker -compose", "docker swarm", true),
        ("docker OR podman", "podman", true),
        (".net", "ASP.NET Core", true),
        ("art", "state-of-the-art", true),
        ("ar", "state-of-the-art", false),
    ])
    func matches(_ query: String, _ text: String, _ expected: Bool) {
        #expect(SearchQuery.parse(query).matches(text) == expected, "\(query) in \(text)")
    }

    @Test func rangesPointAtOriginalText() {
        let text = "Cafe\u{301} and CAFÉ, then café."
        let ranges = SearchQuery.parse("cafe").matchRanges(in: text)
        #expect(ranges.map { String(text[$0]) } == ["Cafe\u{301}", "CAFÉ", "café"])
    }

    @Test func rangesOfPhrasesAndCJK() {
        let text = "docker-compose up; 東京の日本語学校"
        let ranges = SearchQuery.parse("\"docker compose\" 日本語").matchRanges(in: text)
        #expect(ranges.map { String(text[$0]) } == ["docker-compose", "日本語"])
    }

    @Test func excludedTermsAreNotHighlighted() {
        let text = "docker swarm"
        #expect(SearchQuery.parse("docker -compose").matchRanges(in: text).count == 1)
    }

    @Test func snippetCentresOnMatches() {
        let text = String(repeating: "filler words here ", count: 40) + "the needle is here" + String(repeating: " more text", count: 40)
        let folded = FoldedText(text)
        let matcher = SearchMatcher(SearchQuery.parse("needle"))
        let snippet = SearchSnippetBuilder.snippet(of: text, matches: matcher.highlights(in: folded).map(folded.sourceRange), length: 80)
        #expect(snippet.isTruncatedAtStart)
        #expect(snippet.isTruncatedAtEnd)
        #expect(snippet.text.unicodeScalars.count <= 90)
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["needle"])
    }

    @Test func longTextSnippetFromHead() {
        let filler = String(repeating: "Ärger filler words ", count: 1_000)
        let text = "the needle opens it. " + filler + "needle needle needle at the end"
        let snippet = SearchSnippetBuilder.snippet(of: text, matcher: SearchMatcher(SearchQuery.parse("needle")), length: 80)
        #expect(!snippet.isTruncatedAtStart)
        #expect(snippet.isTruncatedAtEnd)
        #expect(snippet.text.hasPrefix("the needle opens it."))
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["needle"])
    }

    @Test func longTextSnippetPastHead() {
        let filler = String(repeating: "filler words here ", count: 1_000)
        let text = filler + "the late Needle is here" + " tail"
        let snippet = SearchSnippetBuilder.snippet(of: text, matcher: SearchMatcher(SearchQuery.parse("needle")), length: 80)
        #expect(snippet.isTruncatedAtStart)
        #expect(!snippet.isTruncatedAtEnd)
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["Needle"])
    }

    @Test func snippetBlanksControls() {
        let text = "C1 \u{9B}31mRED\u{9B}0m, DEL\u{7F}, OSC \u{9D}0;x\u{9C} and ESC \u{1B}[2J match"
        let snippet = SearchSnippetBuilder.snippet(of: text, matcher: SearchMatcher(SearchQuery.parse("match")), length: 160)
        #expect(!snippet.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["match"])
    }

    @Test func snippetFoldsLineBreaks() {
        let text = "first line\n\nsecond\tline with match"
        let folded = FoldedText(text)
        let matcher = SearchMatcher(SearchQuery.parse("match"))
        let snippet = SearchSnippetBuilder.snippet(of: text, matches: matcher.highlights(in: folded).map(folded.sourceRange), length: 160)
        #expect(snippet.text == "first line second line with match")
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["match"])
        #expect(snippet.highlightScalarOffsets == [28..<33])
    }

    @Test func snippetsOfRandomTextsStayInBounds() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab c\n日本é\u{301}🚀-_ ")
        for round in 0..<500 {
            let length = Int.random(in: 0..<300, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let byteCount = text.utf8.count
            var matches: [Range<Int>] = []
            var position = 0
            while position < byteCount, matches.count < 20 {
                let start = Int.random(in: position...byteCount, using: &generator)
                let end = Int.random(in: start...min(byteCount, start + 12), using: &generator)
                if start < end {
                    matches.append(start..<end)
                }
                position = end + 1
            }
            let snippet = SearchSnippetBuilder.snippet(of: text, matches: matches, length: Int.random(in: 1...80, using: &generator))
            for range in snippet.highlights {
                #expect(range.lowerBound >= snippet.text.startIndex, "round \(round)")
                #expect(range.upperBound <= snippet.text.endIndex, "round \(round)")
            }
        }
    }
}
