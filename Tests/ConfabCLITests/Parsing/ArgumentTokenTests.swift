import Testing
@testable import ConfabCLI

@Suite struct ArgumentTokenTests {
    @Test(arguments: [
        ("--json", ArgumentToken.Kind.longOption(name: "json", value: nil)),
        ("--limit=20", .longOption(name: "limit", value: "20")),
        ("--title=a=b", .longOption(name: "title", value: "a=b")),
        ("--title=", .longOption(name: "title", value: "")),
        ("-v", .shortOptions("v")),
        ("-abc", .shortOptions("abc")),
        ("-n20", .shortOptions("n20")),
        ("--", .terminator),
        ("-", .value("-")),
        ("-5", .value("-5")),
        ("-0.5", .value("-0.5")),
        ("-.5", .value("-.5")),
        ("file.json", .value("file.json")),
        ("", .value("")),
        ("—dash", .value("—dash")),
    ])
    func classifiesOneArgument(text: String, expected: ArgumentToken.Kind) {
        #expect(ArgumentToken.split([text]).map(\.kind) == [expected])
    }

    @Test func everythingAfterTerminatorIsValue() {
        let tokens = ArgumentToken.split(["-v", "--", "--json", "-x", "--"])

        #expect(tokens.map(\.kind) == [.shortOptions("v"), .terminator, .value("--json"), .value("-x"), .value("--")])
    }

    @Test func tokensRememberPositionAndText() {
        let tokens = ArgumentToken.split(["import", "--tag=a", "-nv"])

        #expect(tokens.map(\.position) == [0, 1, 2])
        #expect(tokens.map(\.text) == ["import", "--tag=a", "-nv"])
    }
}
