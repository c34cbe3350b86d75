import Foundation
import Testing
@testable import ConfabCore

@Suite("Claude importer")
struct ClaudeImporterTests {
    typealias F = ClaudeFixture

    static func conversation(_ uuid: String, account: String = "acct-1") -> String {
        F.conversation(uuid, messages: [F.message("\(uuid)-m", sender: "human", blocks: [F.textBlock("hello")])], account: account)
    }

    @Test("empty conversation is imported")
    func emptyConversation() throws {
        let json = "[\(F.conversation("empty", messages: [])),\(Self.conversation("full"))]"
        let result = try ClaudeFixture.run(json)

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["empty", "full"])
        #expect(result.conversations.first?.turns.isEmpty == true)
        #expect(result.problems.isEmpty)
    }

    @Test("users.json names accounts, never by e-mail")
    func accountNames() throws {
        let users = """
            [{"uuid":"acct-1","full_name":"Ada Lovelace","email_address":"ada@example.com","verified_phone_number":"+15550100"},
             {"uuid":"acct-2","full_name":"","email_address":"blank@example.com","verified_phone_number":null}]
            """
        let json = "[\(Self.conversation("a", account: "acct-1")),\(Self.conversation("b", account: "acct-2")),\(Self.conversation("c", account: "acct-3"))]"
        let named = try ClaudeFixture.run(json, besides: ["users.json": users])
        let absent = try ClaudeFixture.run(json)

        #expect(named.conversations.map(\.user) == [
            ImportedUser(externalID: "acct-1", name: "Ada Lovelace"),
            ImportedUser(externalID: "acct-2"),
            ImportedUser(externalID: "acct-3"),
        ])
        #expect(absent.conversations.map { $0.user?.name } == [nil, nil, nil])
        #expect(absent.conversations.map { $0.user?.externalID } == ["acct-1", "acct-2", "acct-3"])
    }

    @Test("conversation without account has no user")
    func noAccount() throws {
        let json = #"[{"uuid":"c","name":"x","chat_messages":[]}]"#
        #expect(try ClaudeFixture.run(json).single?.user == nil)
    }

    @Test("conversation fields and metadata")
    func conversationFields() throws {
        let extra = #""model":"claude-sonnet-4","is_starred":true,"project":{"uuid":"p1","name":"Research"},"settings":{"x":1}"#
        let conversation = try #require(ClaudeFixture.run("[\(F.conversation("c", messages: [], extra: extra))]").single)

        #expect(conversation.title == "Fixture")
        #expect(conversation.model == "claude-sonnet-4")
        #expect(conversation.metadataJSON == #"{"is_starred":true,"project":{"uuid":"p1","name":"Research"}}"#)
    }

    @Test("truncated file keeps complete conversations")
    func truncated() throws {
        let json = "[\(Self.conversation("one")),\(Self.conversation("two")),\(Self.conversation("three"))]"
        let cut = String(json.prefix(json.count - 30))
        let result = try ClaudeFixture.run(cut)

        #expect(result.conversations.map(\.sourceID) == ["one", "two"])
        guard case let .truncated(_, byteOffset, complete, _)? = result.failure else {
            Issue.record("expected ImportFailure.truncated, got \(String(describing: result.failure))")
            return
        }
        #expect(complete == 2)
        #expect(byteOffset == Int64(cut.utf8.count))
    }

    struct BadShapeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let field: String?
        var testDescription: String { name }
    }

    @Test("malformed conversations are skipped with the field", arguments: [
        BadShapeCase(name: "chat_messages missing", json: #"{"uuid":"x","name":"n"}"#, field: "chat_messages"),
        BadShapeCase(name: "chat_messages an object", json: #"{"uuid":"x","chat_messages":{}}"#, field: "chat_messages"),
        BadShapeCase(name: "message a string", json: #"{"uuid":"x","chat_messages":["hi"]}"#, field: "chat_messages[0]"),
        BadShapeCase(name: "sender missing", json: #"{"uuid":"x","chat_messages":[{"uuid":"m","text":"hi"},{"uuid":"n","text":"yo"}]}"#, field: "chat_messages[0].sender"),
        BadShapeCase(name: "content a number", json: #"{"uuid":"x","chat_messages":[{"uuid":"m","sender":"human","content":3}]}"#, field: "chat_messages[0].content"),
    ])
    func malformed(_ testCase: BadShapeCase) throws {
        let first = Self.conversation("ok-1")
        let result = try ClaudeFixture.run("[\(first),\(testCase.json),\(Self.conversation("ok-2"))]")

        #expect(result.failure == nil)
        #expect(result.conversations.map(\.sourceID) == ["ok-1", "ok-2"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.field == testCase.field)
        #expect(result.problems.first?.conversationID == "x")
        #expect(result.problems.first?.location == "line 1, byte \(1 + first.utf8.count + 1)")
    }

    @Test("missing uuids are synthesised")
    func missingIDs() throws {
        let json = #"[{"name":"no id","chat_messages":[{"sender":"human","text":"a"},{"sender":"assistant","text":"b"}]}]"#
        let conversation = try #require(ClaudeFixture.run(json).single)

        #expect(conversation.sourceID == "conversations.json#0")
        #expect(conversation.turns.map(\.sourceID) == ["0", "1"])
        #expect(conversation.turns.map(\.parentSourceID) == [nil, "0"])
        #expect(conversation.warnings.count == 3)
    }

    @Test("pretty-printed with tabs and one-line files read alike")
    func layouts() throws {
        let oneLine = "[\(Self.conversation("c"))]"
        let pretty = try JSONValue.parse(oneLine).serialized()
            .replacingOccurrences(of: ",\"", with: ",\n\t\"")
            .replacingOccurrences(of: "{", with: "{\n\t")

        let first = try ClaudeFixture.run(oneLine)
        let second = try ClaudeFixture.run(pretty)
        #expect(first.conversations == second.conversations)
        #expect(first.conversations.count == 1)
    }

    struct ProbeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let shape: FormatProbe.Shape
        let matches: Bool
        var testDescription: String { name }
    }

    @Test("format detection", arguments: [
        ProbeCase(name: "Claude array", shape: .jsonArray(first: try! JSONValue.parse(#"{"uuid":"u","chat_messages":[]}"#)), matches: true),
        ProbeCase(name: "single conversation", shape: .jsonValue(try! JSONValue.parse(#"{"uuid":"u","chat_messages":[]}"#)), matches: true),
        ProbeCase(name: "empty array", shape: .jsonArray(first: nil), matches: false),
        ProbeCase(name: "no uuid", shape: .jsonArray(first: try! JSONValue.parse(#"{"chat_messages":[]}"#)), matches: false),
        ProbeCase(name: "chat_messages not an array", shape: .jsonArray(first: try! JSONValue.parse(#"{"uuid":"u","chat_messages":{}}"#)), matches: false),
        ProbeCase(name: "ChatGPT export", shape: .jsonArray(first: try! JSONValue.parse(#"{"id":"u","mapping":{}}"#)), matches: false),
        ProbeCase(name: "users.json", shape: .jsonArray(first: try! JSONValue.parse(#"{"uuid":"u","full_name":"A"}"#)), matches: false),
        ProbeCase(name: "projects.json", shape: .jsonArray(first: try! JSONValue.parse(#"{"uuid":"u","name":"P","docs":[]}"#)), matches: false),
    ])
    func detection(_ testCase: ProbeCase) {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/conversations.json"), shape: testCase.shape)
        #expect(ClaudeImporter.matches(probe) == testCase.matches)
    }
}
