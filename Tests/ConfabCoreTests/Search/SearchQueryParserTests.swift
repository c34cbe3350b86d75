import Foundation
import Testing
@testable import ConfabCore

@Suite struct SearchQueryParserTests {
    private func terms(_ text: String) -> [[String]] {
        SearchQuery.parse(text).clauses.map { clause in
            clause.alternatives.map { (clause.isExcluded ? "-" : "") + $0.displayText }
        }
    }

    @Test(arguments: [
        ("docker compose", [["docker"], ["compose"]]),
        ("\"docker compose\"", [["\"docker compose\""]]),
        ("\"docker compose", [["\"docker compose\""]]),
        ("docker OR podman", [["docker", "podman"]]),
        ("a OR b OR c d", [["a", "b", "c"], ["d"]]),
        ("docker or podman", [["docker"], ["or"], ["podman"]]),
        ("OR docker", [["OR"], ["docker"]]),
        ("docker OR", [["docker"], ["OR"]]),
        ("a OR OR b", [["a"], ["OR"], ["OR"], ["b"]]),
        ("-docker compose", [["-docker"], ["compose"]]),
        ("-\"docker compose\"", [["-\"docker compose\""]]),
        ("-a OR b", [["-a"], ["OR"], ["b"]]),
        ("--verbose", [["--verbose"]]),
        ("state-of-the-art", [["state-of-the-art"]]),
        ("dock*", [["dock*"]]),
        ("\"docker comp\"*", [["\"docker comp\"*"]]),
        ("AND NOT NEAR", [["AND"], ["NOT"], ["NEAR"]]),
        ("NEAR(a b)", [["NEAR(a"], ["b)"]]),
        ("std::vector C++ node.js", [["std::vector"], ["C++"], ["node.js"]]),
        ("https://example.com/a?b=c", [["https://example.com/a?b=c"]]),
        (#"say """hi""""#, [["say"], [#"""hi"""#]]),
    ] as [(String, [[String]])])
    func clauses(_ text: String, _ expected: [[String]]) {
        #expect(terms(text) == expected, "query \(text.debugDescription)")
    }

    @Test(arguments: ["", "   ", "\"", "'", "::", "*", "**", "-", "🚀", "()", "\u{0}\u{7}"])
    func nothingToSearch(_ text: String) {
        let query = SearchQuery.parse(text)
        #expect(query.clauses.isEmpty, "query \(text.debugDescription)")
        #expect(query.isEmpty, "query \(text.debugDescription)")
    }

    @Test func unsearchableTermsAreReported() {
        let query = SearchQuery.parse("docker :: 🚀")
        #expect(query.clauses.count == 1)
        #expect(query.problems.count == 2)
        #expect(query.problems.first?.text == "::")
    }

    @Test func unknownFilterNameIsNoted() {
        let query = SearchQuery.parse("foo:bar docker")
        #expect(query.problems.map(\.text) == ["foo:bar"])
        #expect(query.problems.first?.message.contains("'foo:' is not a filter") == true)
        #expect(query.clauses.count == 2)

        for text in ["https://example.com/a?b=c", "std::vector", "see: this", "a:b", "10:30"] {
            #expect(SearchQuery.parse(text).problems.isEmpty, "\(text)")
        }
    }

    @Test func filtersAreRead() throws {
        let query = SearchQuery.parse("user:alice role:Assistant model:gpt-4* conv:12 source:chatgpt tag:\"to do\" -tag:spam in:title docker")
        #expect(query.scope == .titles)
        #expect(query.clauses.map { $0.alternatives[0].displayText } == ["docker"])
        #expect(query.filters.map(\.kind) == [.user, .role, .model, .conversation, .source, .tag, .tag])
        #expect(query.filters[1].role == .assistant)
        #expect(query.filters[5].value == "to do")
        #expect(query.filters[6].isExcluded)
        #expect(query.problems.isEmpty)
    }

    @Test(arguments: [
        ("before:2024", "2024-01-01T00:00:00.000Z"),
        ("after:2024-05", "2024-05-01T00:00:00.000Z"),
        ("before:2024-02-29", "2024-02-29T00:00:00.000Z"),
        ("after:2024-05-01T12:30:00Z", "2024-05-01T12:30:00.000Z"),
    ])
    func datesStartTheirPeriod(_ text: String, _ expected: String) throws {
        let filter = try #require(SearchQuery.parse(text).filters.first)
        #expect(filter.date.map(ISO8601.format) == expected)
    }

    @Test(arguments: ["before:2023-02-29", "after:yesterday", "before:2024-13", "role:robot", "in:body"])
    func invalidFiltersAreSearchedAsText(_ text: String) {
        let query = SearchQuery.parse(text)
        #expect(query.filters.isEmpty, "query \(text)")
        #expect(query.problems.count == 1, "query \(text)")
        #expect(query.clauses.first?.alternatives.first?.words == [text], "query \(text)")
    }

    @Test(arguments: ["foo:bar", "c:\\temp", "http://x.y", "std::string"])
    func unknownNamesAreText(_ text: String) {
        let query = SearchQuery.parse(text)
        #expect(query.filters.isEmpty)
        #expect(query.clauses.first?.alternatives.first?.words == [text])
    }

    @Test func decomposedInputIsComposed() {
        let query = SearchQuery.parse("cafe\u{301}")
        #expect(query.clauses.first?.alternatives.first?.words == ["café"])
    }

    @Test func rawSyntaxKeepsExpressionAndFilters() {
        let query = SearchQuery.parse("user:bob \"std::vector\" NEAR(a b, 3) text:x", syntax: .raw)
        #expect(query.rawExpression == "\"std::vector\" NEAR(a b, 3) text:x")
        #expect(query.filters.map(\.kind) == [.user])
        #expect(query.clauses.isEmpty)
    }
}
