import Foundation
import Testing
@testable import ConfabCore

@Suite("ChatGPT importer")
struct ChatGPTImporterTests {
    typealias F = ChatGPTFixture

    static func conversation(_ id: String, text: String = "hello") -> String {
        F.simpleConversation(id, message: F.textMessage("m", role: "user", text: text))
    }

    @Test("single object at top level")
    func singleObject() throws {
        let result = try ChatGPTFixture.run(Self.conversation("solo"))

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["solo"])
    }

    @Test("empty array imports nothing")
    func emptyArray() throws {
        let result = try ChatGPTFixture.run("[]")

        #expect(result.failure == nil)
        #expect(result.conversations.isEmpty)
        #expect(result.problems.isEmpty)
    }

    @Test("truncated file keeps complete conversations")
    func truncated() throws {
        let json = "[\(Self.conversation("one")),\(Self.conversation("two")),\(Self.conversation("three"))]"
        let cut = String(json.prefix(json.count - 40))
        let result = try ChatGPTFixture.run(cut)

        #expect(result.conversations.map(\.sourceID) == ["one", "two"])
        guard case let .truncated(_, byteOffset, complete, _)? = result.failure else {
            Issue.record("expected ImportFailure.truncated, got \(String(describing: result.failure))")
            return
        }
        #expect(complete == 2)
        #expect(byteOffset == Int64(cut.utf8.count))
    }

    @Test("array without closing bracket is truncated")
    func unclosedArray() throws {
        let result = try ChatGPTFixture.run("[\(Self.conversation("one")),")

        #expect(result.conversations.map(\.sourceID) == ["one"])
        guard case let .truncated(_, _, complete, _)? = result.failure else {
            Issue.record("expected ImportFailure.truncated, got \(String(describing: result.failure))")
            return
        }
        #expect(complete == 1)
    }

    @Test("syntax error stops the array as malformed")
    func malformed() throws {
        let result = try ChatGPTFixture.run("[\(Self.conversation("one")) \(Self.conversation("two"))]")

        #expect(result.conversations.map(\.sourceID) == ["one"])
        guard case let .malformed(_, _, _, complete, _)? = result.failure else {
            Issue.record("expected ImportFailure.malformed, got \(String(describing: result.failure))")
            return
        }
        #expect(complete == 1)
    }

    @Test("JSON Lines with a broken first line")
    func brokenFirstLine() throws {
        let broken = #"{"title": nope}"#
        let text = [broken, Self.conversation("one"), Self.conversation("two")].joined(separator: "\n") + "\n"
        let result = try ChatGPTFixture.run(text)

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["one", "two"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.location == "line 1, byte 10")
        #expect(result.problems.first?.reason.hasPrefix("invalid JSON: ") == true)
    }

    @Test("JSON Lines problem location")
    func skippedLineLocation() throws {
        let first = Self.conversation("first")
        let broken = #"{"conversation_id":"no-map"}"#
        let text = [first, broken, Self.conversation("last")].joined(separator: "\n") + "\n"
        let result = try ChatGPTFixture.run(text)

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["first", "last"])
        #expect(result.problems.first?.field == "mapping")
        #expect(result.problems.first?.location == "line 2, byte \(first.utf8.count + 1)")
    }

    @Test("JSON Lines cut in last line")
    func cutLastLine() throws {
        let last = Self.conversation("two")
        let text = Self.conversation("one") + "\n" + String(last.prefix(last.count / 2))
        let result = try ChatGPTFixture.run(text)

        #expect(result.conversations.map(\.sourceID) == ["one"])
        #expect(result.problems.isEmpty)
        #expect(result.failure == .truncated(
            file: result.path, byteOffset: Int64(text.utf8.count), completeConversations: 1,
            detail: "line 2 is cut off: file ends inside a value"))
    }

    @Test("conversation without mapping is skipped")
    func missingMapping() throws {
        let first = Self.conversation("first")
        let broken = #"{"title":"broken","conversation_id":"no-map","current_node":null}"#
        let json = "[\(first),\(broken),\(Self.conversation("last"))]"
        let result = try ChatGPTFixture.run(json)

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["first", "last"])
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(problem.field == "mapping")
        #expect(problem.conversationID == "no-map")
        #expect(problem.location == "line 1, byte \(1 + first.utf8.count + 1)")
        #expect(problem.file.hasSuffix("conversations.json"))
    }

    struct BadShapeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let field: String?
        var testDescription: String { name }
    }

    @Test("wrong types name their field", arguments: [
        BadShapeCase(name: "mapping is an array", json: #"{"id":"x","mapping":[]}"#, field: "mapping"),
        BadShapeCase(name: "node is a string", json: #"{"id":"x","mapping":{"n1":"oops"}}"#, field: "mapping.n1"),
        BadShapeCase(name: "message is a number", json: #"{"id":"x","mapping":{"n1":{"message":5,"children":[]}}}"#, field: "mapping.n1.message"),
        BadShapeCase(name: "conversation is a string", json: #""not a conversation""#, field: nil),
    ])
    func wrongTypes(_ testCase: BadShapeCase) throws {
        let result = try ChatGPTFixture.run("[\(testCase.json),\(Self.conversation("ok"))]")

        #expect(result.conversations.map(\.sourceID) == ["ok"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.field == testCase.field)
        #expect(result.problems.first?.conversationID == (testCase.field == nil ? nil : "x"))
    }

    @Test("conversation id precedence")
    func conversationIDs() throws {
        let mapping = #""mapping":{}"#
        let json = """
            [{"conversation_id":"conv","id":"plain","_id":"under",\(mapping)},
             {"id":"plain","_id":"under",\(mapping)},
             {"_id":"under",\(mapping)},
             {"conversation_id":"","id":null,\(mapping)}]
            """
        let result = try ChatGPTFixture.run(json)

        #expect(result.conversations.map(\.sourceID) == ["conv", "plain", "under", "conversations.json#3"])
        #expect(result.conversations.last?.warnings.count == 1)
        #expect(result.conversations.allSatisfy { $0.turns.isEmpty })
    }

    @Test("numeric string and missing times")
    func times() throws {
        let message = F.message("m", role: "user", content: #"{"content_type":"text","parts":["x"]}"#, createTime: #""1695326335.5""#)
        let json = F.conversation("c", nodes: [F.node("m", parent: nil, children: [], message: message)],
                                  extra: #""update_time":"1695370984""#)
            .replacingOccurrences(of: #""create_time":1695326273.5"#, with: #""create_time":"bad""#)
        let conversation = try #require(ChatGPTFixture.run("[\(json)]").single)

        #expect(conversation.createdAt == nil)
        #expect(conversation.updatedAt == Date(timeIntervalSince1970: 1695370984))
        #expect(conversation.importedTurn("m")?.createdAt == Date(timeIntervalSince1970: 1695326335.5))
    }

    @Test("null and empty titles")
    func titles() throws {
        let json = """
            [{"id":"a","title":null,"mapping":{}},{"id":"b","title":"","mapping":{}},{"id":"c","mapping":{}},
             {"id":"d","title":"Line one\\nline two 🧪","mapping":{}}]
            """
        let result = try ChatGPTFixture.run(json)

        #expect(result.conversations.map(\.title) == [nil, nil, nil, "Line one\nline two 🧪"])
    }

    @Test("model, persona and metadata")
    func conversationFields() throws {
        let assistant = { (id: String, slug: String) in
            F.message(id, role: "assistant", content: #"{"content_type":"text","parts":["x"]}"#,
                      metadata: #"{"model_slug":"\#(slug)","finished_duration_sec":12.5}"#)
        }
        let nodes = [
            F.node("a", parent: nil, children: ["b"], message: assistant("a", "gpt-4o")),
            F.node("b", parent: "a", children: ["c"], message: assistant("b", "o3")),
            F.node("c", parent: "b", children: [], message: assistant("c", "o3")),
        ]
        let extra = #""gizmo_id":"g-abc123","gizmo_type":"gpt","is_archived":true,"is_starred":null,"conversation_origin":"apple","safe_urls":["https://x"]"#
        let counted = try #require(ChatGPTFixture.run("[\(F.conversation("c", nodes: nodes, extra: extra))]").single)
        let named = try #require(ChatGPTFixture.run("[\(F.conversation("c", nodes: nodes, extra: extra + #","default_model_slug":"gpt-5""#))]").single)

        #expect(counted.model == "o3")
        #expect(named.model == "gpt-5")
        #expect(counted.persona == ImportedPersona(kind: .customGPT, externalID: "g-abc123"))
        #expect(counted.metadataJSON == #"{"is_archived":true,"gizmo_type":"gpt","conversation_origin":"apple"}"#)
        #expect(counted.importedTurn("a")?.generationSeconds == 12.5)
    }

    @Test("user.json names the account")
    func accountFile() throws {
        let account = #"{"id":"user-42","email":"ada@example.com","phone_number":"+15550100","chatgpt_plus_user":true}"#
        let named = #"{"id":"user-43","name":"Ada","email":"ada@example.com","phone_number":"+15550100"}"#
        let withEmail = try ChatGPTFixture.run("[\(Self.conversation("c"))]", besides: ["user.json": account])
        let withName = try ChatGPTFixture.run("[\(Self.conversation("c"))]", besides: ["user.json": named])
        let broken = try ChatGPTFixture.run("[\(Self.conversation("c"))]", besides: ["user.json": "{not json"])
        let absent = try ChatGPTFixture.run("[\(Self.conversation("c"))]")

        #expect(withEmail.single?.user == ImportedUser(externalID: "user-42", name: "ada@example.com"))
        #expect(withName.single?.user == ImportedUser(externalID: "user-43", name: "Ada"))
        #expect(broken.single?.user == nil)
        #expect(absent.single?.user == nil)
    }

    @Test("same file gives the same conversations")
    func deterministic() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("[\(ChatGPTTreeTests.branched),\(Self.conversation("x"))]", to: "conversations.json")

        let first = try ChatGPTImporter().outcome(reading: file)
        let second = try ChatGPTImporter().outcome(reading: file)
        #expect(first.conversations == second.conversations)
        #expect(first.conversations.count == 2)
    }

    @Test("text repairs and progress reported")
    func repairsAndProgress() throws {
        // The escape must reach the file as written, so it replaces a marker after quoting.
        let json = "[\(Self.conversation("c", text: "lone SURROGATE surrogate"))]"
            .replacingOccurrences(of: "SURROGATE", with: #"\ud83d"#)
        let result = try ChatGPTFixture.run(json)

        #expect(result.sink.textRepairs == TextRepairs(invalidUTF8: 0, loneSurrogates: 1))
        #expect(result.single?.importedTurn("m")?.text == "lone \u{FFFD} surrogate")
        let last = try #require(result.sink.progressReports.last)
        #expect(last.done == Int64(json.utf8.count))
        #expect(last.total == Int64(json.utf8.count))
    }

    struct ProbeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let shape: FormatProbe.Shape
        let matches: Bool
        var testDescription: String { name }
    }

    @Test("format detection", arguments: [
        ProbeCase(name: "array of mapping objects", shape: .jsonArray(first: try! JSONValue.parse(#"{"mapping":{}}"#)), matches: true),
        ProbeCase(name: "single conversation", shape: .jsonValue(try! JSONValue.parse(#"{"mapping":{"a":{}}}"#)), matches: true),
        ProbeCase(name: "empty array", shape: .jsonArray(first: nil), matches: false),
        ProbeCase(name: "mapping not an object", shape: .jsonArray(first: try! JSONValue.parse(#"{"mapping":[]}"#)), matches: false),
        ProbeCase(name: "Claude export", shape: .jsonArray(first: try! JSONValue.parse(#"{"uuid":"u","chat_messages":[]}"#)), matches: false),
        ProbeCase(name: "ShareGPT record", shape: .jsonArray(first: try! JSONValue.parse(#"{"id":"x","conversations":[]}"#)), matches: false),
        ProbeCase(name: "JSON Lines", shape: .jsonLines(first: try! JSONValue.parse(#"{"mapping":{}}"#)), matches: false),
        ProbeCase(name: "SQLite", shape: .sqlite(tables: ["mapping"]), matches: false),
    ])
    func detection(_ testCase: ProbeCase) {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/conversations.json"), shape: testCase.shape)
        #expect(ChatGPTImporter.matches(probe) == testCase.matches)
    }
}
