import Foundation
import Testing
@testable import ConfabCore

@Suite("OpenAI chat preference lines")
struct OpenAIChatPreferenceTests {
    private static let line = #"""
    {"input": {"messages": [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Rate my poem."}], "tools": []},
     "preferred_output": [{"role": "assistant", "content": "It has lovely imagery."}],
     "non_preferred_output": [{"role": "assistant", "content": "It is bad."}, {"role": "assistant", "content": "Really bad."}]}
    """#.replacingOccurrences(of: "\n", with: "")

    @Test("outputs are sibling branches")
    func siblingBranches() throws {
        let conversation = try OpenAIChatFixture.conversation(OpenAIChatPreferenceTests.line)
        let turns = conversation.turns

        #expect(turns.map(\.sourceID) == ["0", "1", "preferred:0", "non_preferred:0", "non_preferred:1"])
        #expect(turns.map(\.parentSourceID) == [nil, "0", "1", "1", "non_preferred:0"])
        #expect(turns.map(\.text) == ["Be kind.", "Rate my poem.", "It has lovely imagery.", "It is bad.", "Really bad."])
        #expect(conversation.defaultLeafSourceID == "preferred:0")
        #expect(conversation.persona?.prompt == "Be kind.")
        #expect(conversation.metadataJSON == #"{"tools":[]}"#)
    }

    @Test("preferred output is the default thread")
    func defaultThread() throws {
        let conversation = try OpenAIChatFixture.conversation(OpenAIChatPreferenceTests.line)
        let tree = ConversationTree(turns: conversation.turns, defaultLeafSourceID: conversation.defaultLeafSourceID)

        #expect(tree.onDefaultThread == [true, true, true, false, false])
    }

    @Test("missing non-preferred output is allowed")
    func missingNonPreferred() throws {
        let line = #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "assistant", "content": "hello"}]}"#
        let conversation = try OpenAIChatFixture.conversation(line)

        #expect(conversation.turns.map(\.sourceID) == ["0", "preferred:0"])
    }

    @Test("missing input messages is skipped")
    func missingInputMessages() throws {
        let line = #"{"input": {"tools": []}, "preferred_output": [{"role": "assistant", "content": "hello"}]}"#
        let outcome = try OpenAIChatFixture.run(line + "\n")

        #expect(outcome.conversations.isEmpty)
        #expect(outcome.problems.first?.field == "input.messages")
        #expect(outcome.problems.first?.reason == "the field is missing")
    }

    @Test("invalid output message names its path")
    func invalidOutputMessage() throws {
        let line = #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"content": "no role"}]}"#
        let outcome = try OpenAIChatFixture.run(line + "\n")

        #expect(outcome.conversations.isEmpty)
        #expect(outcome.problems.first?.field == "preferred_output[0].role")
    }
}
