import Testing
@testable import ConfabCLI

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("list", "list", 0),
        ("lsit", "list", 1), ("imprt", "import", 1), ("conversation", "conversations", 1),
        ("kitten", "sitting", 3), ("ca", "abc", 3), ("limt", "limit", 1), ("serach", "search", 1),
    ])
    func editDistance(source: String, target: String, expected: Int) {
        #expect(Suggestion.editDistance(source, target) == expected)
    }

    static let commands = ["import", "conversations", "show", "users", "search", "help"]

    @Test(arguments: [
        ("conversation", "conversations"),
        ("imprt", "import"),
        ("improt", "import"),
        ("shwo", "show"),
        ("serch", "search"),
        ("user", "users"),
        ("hlep", "help"),
        ("conv", "conversations"),
        ("sea", "search"),
    ])
    func suggestsCloseCommand(input: String, expected: String) {
        #expect(Suggestion.closest(to: input, among: Self.commands) == expected)
    }

    @Test(arguments: ["x", "db", "frobnicate", "co", "s", "exportall"])
    func noSuggestionForDistantInput(input: String) {
        #expect(Suggestion.closest(to: input, among: Self.commands) == nil)
    }

    @Test func tieGoesToFirstCandidate() {
        #expect(Suggestion.closest(to: "lost", among: ["last", "list"]) == "last")
        #expect(Suggestion.closest(to: "lost", among: ["list", "last"]) == "list")
    }

    @Test func ambiguousPrefixSuggestsNothing() {
        #expect(Suggestion.closest(to: "con", among: ["conversations", "config"]) == nil)
    }
}
