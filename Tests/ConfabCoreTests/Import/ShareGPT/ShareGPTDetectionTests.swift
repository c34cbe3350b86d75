import Foundation
import Testing
@testable import ConfabCore

@Suite("ShareGPT format detection")
struct ShareGPTDetectionTests {
    private static func probe(_ text: String) throws -> FormatProbe {
        let folder = try TemporaryDirectory()
        let file = try folder.write(text, to: "probe.json")
        return try FormatProbe.read(file)
    }

    @Test("ShareGPT shapes match", arguments: [
        #"[{"id": "a_0", "conversations": [{"from": "human", "value": "hi"}]}]"#,
        #"[{"id": "a_0", "conversations": []}]"#,
        #"{"id": "a", "conversations": [{"from": "gpt", "value": ""}]}"#,
        "{\"conversations\": [{\"from\": \"human\", \"value\": \"hi\"}]}\n{\"conversations\": []}\n",
    ])
    func shareGPTMatches(text: String) throws {
        #expect(ShareGPTImporter.matches(try ShareGPTDetectionTests.probe(text)))
    }

    @Test("other shapes do not match", arguments: [
        #"[]"#,
        #"[{"id": "a", "mapping": {}, "current_node": "x"}]"#,
        #"[{"uuid": "a", "chat_messages": []}]"#,
        #"{"messages": [{"role": "user", "content": "hi"}]}"#,
        #"[{"conversations": []}]"#,
        #"[{"conversations": [{"role": "user", "content": "hi"}]}]"#,
        #"[{"conversations": [{"from": "human"}]}]"#,
        #"[{"conversations": "human: hi"}]"#,
        "not json at all",
    ])
    func otherShapesDoNotMatch(text: String) throws {
        #expect(!ShareGPTImporter.matches(try ShareGPTDetectionTests.probe(text)))
    }

    @Test("SQLite probe does not match")
    func sqliteProbe() {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/x.db"), shape: .sqlite(tables: ["chat", "user"]))
        #expect(!ShareGPTImporter.matches(probe))
    }
}
