import Foundation
import Testing
@testable import ConfabCore

@Suite("OpenAI chat format detection")
struct OpenAIChatDetectionTests {
    private static func probe(_ text: String) throws -> FormatProbe {
        let folder = try TemporaryDirectory()
        let file = try folder.write(text, to: "probe.jsonl")
        return try FormatProbe.read(file)
    }

    @Test("OpenAI chat shapes match", arguments: [
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n{\"messages\": []}\n",
        #"{"messages": [{"role": "system", "content": "s"}, {"role": "assistant", "content": null, "tool_calls": []}]}"#,
        "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}, \"preferred_output\": [], \"non_preferred_output\": []}\n",
        "\u{FEFF}{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\r\n",
    ])
    func openAIMatches(text: String) throws {
        #expect(OpenAIChatImporter.matches(try OpenAIChatDetectionTests.probe(text)))
    }

    @Test("other shapes do not match", arguments: [
        #"[{"messages": [{"role": "user", "content": "hi"}]}]"#,
        #"{"messages": []}"#,
        #"{"messages": [{"content": "no role"}]}"#,
        #"{"messages": "hi"}"#,
        #"{"input": {"messages": [{"role": "user", "content": "hi"}]}}"#,
        #"[{"id": "a_0", "conversations": [{"from": "human", "value": "hi"}]}]"#,
        #"{"id": "a", "conversations": [{"from": "human", "value": "hi"}]}"#,
        #"[{"id": "a", "mapping": {}, "current_node": "x"}]"#,
        #"{"chat": {"messages": [{"role": "user", "content": "hi"}]}}"#,
        "",
    ])
    func otherShapesDoNotMatch(text: String) throws {
        #expect(!OpenAIChatImporter.matches(try OpenAIChatDetectionTests.probe(text)))
    }

    @Test("ShareGPT does not claim OpenAI lines")
    func shareGPTDoesNotClaim() throws {
        let probe = try OpenAIChatDetectionTests.probe("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n")
        #expect(!ShareGPTImporter.matches(probe))
    }
}
