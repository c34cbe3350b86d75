import Testing
@testable import ConfabCore

@Suite("ChatGPT turn kinds")
struct ChatGPTTurnKindTests {
    typealias F = ChatGPTFixture

    struct KindCase: CustomTestStringConvertible, Sendable {
        let name: String
        let message: String
        let kind: TurnKind
        var testDescription: String { name }
    }

    static let text = #"{"content_type":"text","parts":["words"]}"#

    static let cases: [KindCase] = [
        KindCase(name: "user prompt", message: F.message("m", role: "user", content: text), kind: .message),
        KindCase(name: "assistant answer", message: F.message("m", role: "assistant", content: text), kind: .message),
        KindCase(name: "visually hidden", message: F.message("m", role: "system", content: text,
                 metadata: #"{"is_visually_hidden_from_conversation":true}"#), kind: .hidden),
        KindCase(name: "user system message", message: F.message("m", role: "user", content: text,
                 metadata: #"{"is_user_system_message":true}"#), kind: .hidden),
        KindCase(name: "rebased developer message", message: F.message("m", role: "system", content: text,
                 metadata: #"{"rebase_developer_message":true}"#), kind: .hidden),
        KindCase(name: "weight 0 system", message: F.message("m", role: "system", content: text, weight: "0.0"), kind: .hidden),
        KindCase(name: "weight 1 system", message: F.message("m", role: "system", content: text), kind: .message),
        KindCase(name: "scheduled prompt", message: F.message("m", role: "user", content: text,
                 metadata: #"{"real_author_type":"automation"}"#, weight: "0"), kind: .hidden),
        KindCase(name: "weight 0 user without automation", message: F.message("m", role: "user", content: text, weight: "0"), kind: .message),
        KindCase(name: "hidden flag false", message: F.message("m", role: "user", content: text,
                 metadata: #"{"is_visually_hidden_from_conversation":false}"#), kind: .message),
        KindCase(name: "code to python", message: F.message("m", role: "assistant",
                 content: #"{"content_type":"code","language":"unknown","text":"1+1"}"#, recipient: "python"), kind: .toolCall),
        KindCase(name: "text to web.run", message: F.message("m", role: "assistant", content: text, recipient: "web.run"), kind: .toolCall),
        KindCase(name: "tool text output", message: F.message("m", role: "tool", authorName: "browser", content: text), kind: .toolResult),
        KindCase(name: "commentary to all", message: F.message("m", role: "assistant", content: text, extra: #""channel":"commentary""#), kind: .reasoning),
        KindCase(name: "commentary to a tool", message: F.message("m", role: "assistant", content: text, recipient: "container.exec",
                 extra: #""channel":"commentary""#), kind: .toolCall),
        KindCase(name: "final channel", message: F.message("m", role: "assistant", content: text, extra: #""channel":"final""#), kind: .message),
        KindCase(name: "hidden beats tool call", message: F.message("m", role: "assistant", content: text,
                 metadata: #"{"is_visually_hidden_from_conversation":true}"#, recipient: "bio"), kind: .hidden),
    ]

    @Test("kind rules", arguments: cases)
    func kindRules(_ testCase: KindCase) throws {
        let conversation = try #require(ChatGPTFixture.run("[\(F.simpleConversation("c", message: testCase.message))]").single)
        #expect(conversation.importedTurn("m")?.kind == testCase.kind)
    }

    struct RoleCase: Sendable {
        let roleName: String
        let authorName: String?
        let metadata: String
        let role: Role
        let author: String?
        let model: String?
    }

    @Test("roles, authors and models", arguments: [
        RoleCase(roleName: "user", authorName: nil, metadata: "{}", role: .user, author: nil, model: nil),
        RoleCase(roleName: "assistant", authorName: nil, metadata: #"{"model_slug":"gpt-4o"}"#, role: .assistant, author: "gpt-4o", model: "gpt-4o"),
        RoleCase(roleName: "tool", authorName: "dalle.text2im", metadata: #"{"model_slug":"gpt-4o"}"#, role: .tool, author: "dalle.text2im", model: nil),
        RoleCase(roleName: "user", authorName: nil, metadata: #"{"model_slug":"gpt-4o"}"#, role: .user, author: nil, model: nil),
        RoleCase(roleName: "system", authorName: nil, metadata: "{}", role: .system, author: nil, model: nil),
        RoleCase(roleName: "developer", authorName: nil, metadata: "{}", role: .system, author: nil, model: nil),
        RoleCase(roleName: "critic", authorName: nil, metadata: "{}", role: .system, author: "critic", model: nil),
    ])
    func roles(_ testCase: RoleCase) throws {
        let message = F.message("m", role: testCase.roleName, authorName: testCase.authorName,
                                content: Self.text, metadata: testCase.metadata)
        let turn = try #require(ChatGPTFixture.run("[\(F.simpleConversation("c", message: message))]").single?.importedTurn("m"))

        #expect(turn.role == testCase.role)
        #expect(turn.author == testCase.author)
        #expect(turn.model == testCase.model)
    }

    @Test("missing author role skips the conversation")
    func missingRole() throws {
        let message = #"{"id":"m","author":{"name":"x"},"content":{"content_type":"text","parts":["hi"]}}"#
        let result = try ChatGPTFixture.run("[\(F.simpleConversation("c", message: message))]")

        #expect(result.conversations.isEmpty)
        #expect(result.problems.first?.field == "mapping.m.message.author.role")
        #expect(result.problems.first?.conversationID == "c")
    }
}
