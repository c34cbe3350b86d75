import Foundation
import Testing
@testable import ConfabCore

@Suite("ShareGPT part grouping")
struct ShareGPTGroupingTests {
    @Test("part id parsing", arguments: [
        ("X_0", "X", 0),
        ("X_10", "X", 10),
        ("a_b_3", "a_b", 3),
        ("wNBG8Gp_007", "wNBG8Gp", 7),
    ])
    func partIDParsing(id: String, conversationID: String, number: Int) {
        let partID = ShareGPTPartID(id)
        #expect(partID?.conversationID == conversationID)
        #expect(partID?.number == number)
    }

    @Test("ids that are not parts", arguments: [
        "my_id", "abc_x", "plain", "_3", "X_", "X_-1", "X_1a", "X_ 1", "X_٣", "X_99999999999999999999999",
    ])
    func idsThatAreNotParts(id: String) {
        #expect(ShareGPTPartID(id) == nil)
    }

    @Test("parts merge in numeric order")
    func numericOrder() throws {
        let ids = ["X_10", "X_9", "X_0", "X_1", "X_2", "X_3", "X_4", "X_5", "X_6", "X_7", "X_8"]
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(ids.map(ShareGPTFixture.part)))

        #expect(outcome.failure == nil)
        #expect(outcome.conversations.count == 1)
        let conversation = try #require(outcome.conversations.first)
        #expect(conversation.sourceID == "X")
        #expect(conversation.warnings.isEmpty)

        let expectedIDs = (0...10).flatMap { ["\($0):0", "\($0):1"] }
        #expect(conversation.turns.map(\.sourceID) == expectedIDs)
        #expect(conversation.turns.map(\.text).prefix(2) == ["X_0 asks", "X_0 answers"])
        #expect(conversation.turns.map(\.text).suffix(4) == ["X_9 asks", "X_9 answers", "X_10 asks", "X_10 answers"])
        #expect(conversation.metadataJSON == #"{"parts":[0,1,2,3,4,5,6,7,8,9,10]}"#)
    }

    @Test("turns form one linear chain")
    func linearChain() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_1", "X_0", "X_3"].map(ShareGPTFixture.part)))
        let turns = try #require(outcome.conversations.first).turns

        #expect(turns.first?.parentSourceID == nil)
        for index in turns.indices.dropFirst() {
            #expect(turns[index].parentSourceID == turns[index - 1].sourceID, "turn \(index)")
        }
        #expect(Set(turns.map(\.sourceID)).count == turns.count)
    }

    @Test("gaps are marked", arguments: [
        (["X_0", "X_1", "X_4", "X_5"], "missing:2-3", "parts 2–3 of this conversation are missing from the export", #"{"parts":[0,1,4,5],"missingParts":[[2,3]]}"#),
        (["X_0", "X_2"], "missing:1-1", "part 1 of this conversation is missing from the export", #"{"parts":[0,2],"missingParts":[[1,1]]}"#),
        (["X_3", "X_4"], "missing:0-2", "parts 0–2 of this conversation are missing from the export", #"{"parts":[3,4],"missingParts":[[0,2]]}"#),
    ])
    func gapsAreMarked(ids: [String], markerID: String, sentence: String, metadata: String) throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(ids.map(ShareGPTFixture.part)))
        let conversation = try #require(outcome.conversations.first)

        #expect(outcome.conversations.count == 1)
        #expect(conversation.warnings == [sentence])
        #expect(conversation.metadataJSON == metadata)

        let marker = try #require(conversation.turns.first { $0.sourceID == markerID })
        #expect(marker.role == .system)
        #expect(marker.kind == .hidden)
        #expect(marker.text == "[\(sentence)]")
        #expect(conversation.turns.filter { $0.kind == .hidden }.count == 1)
    }

    @Test("marker sits where the gap is")
    func markerPosition() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_24", "X_30"].map(ShareGPTFixture.part)))
        let conversation = try #require(outcome.conversations.first)

        #expect(conversation.turns.map(\.sourceID) == ["missing:0-23", "24:0", "24:1", "missing:25-29", "30:0", "30:1"])
        #expect(conversation.turns[3].text == "[parts 25–29 of this conversation are missing from the export]")
        #expect(conversation.turns[3].parentSourceID == "24:1")
        #expect(conversation.turns[4].parentSourceID == "missing:25-29")
        #expect(conversation.warnings.count == 2)
        #expect(conversation.metadataJSON == #"{"parts":[24,30],"missingParts":[[0,23],[25,29]]}"#)
    }

    @Test("huge part number stays bounded")
    func hugePartNumber() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_0", "X_9000000000000000000"].map(ShareGPTFixture.part)))
        let conversation = try #require(outcome.conversations.first)

        #expect(conversation.turns.count == 5)
        #expect(conversation.turns[2].sourceID == "missing:1-8999999999999999999")
    }

    @Test("repeated part number starts a new conversation")
    func repeatedPartNumber() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_0", "X_1", "X_1", "X_2"].map(ShareGPTFixture.part)))

        #expect(outcome.conversationIDs == ["X", "X"])
        #expect(outcome.conversations[0].turns.map(\.sourceID) == ["0:0", "0:1", "1:0", "1:1"])
        #expect(outcome.conversations[1].turns.map(\.sourceID) == ["missing:0-0", "1:0", "1:1", "2:0", "2:1"])
    }

    @Test("identical ids stay apart")
    func identicalIDs() throws {
        let records = [
            ShareGPTFixture.record("X_0", [("human", "first copy")]),
            ShareGPTFixture.record("X_0", [("human", "second copy")]),
            ShareGPTFixture.record("plain", [("human", "third")]),
            ShareGPTFixture.record("plain", [("human", "fourth")]),
        ]
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(records))

        #expect(outcome.conversationIDs == ["X", "X", "plain", "plain"])
        #expect(outcome.conversations.map { $0.turns[0].text } == ["first copy", "second copy", "third", "fourth"])
    }

    @Test("another prefix ends the group")
    func prefixChange() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_0", "Y_0", "X_1"].map(ShareGPTFixture.part)))

        #expect(outcome.conversationIDs == ["X", "Y", "X"])
        #expect(outcome.conversations[2].warnings == ["part 0 of this conversation is missing from the export"])
    }

    @Test("standalone ids keep their turn indices")
    func standaloneIDs() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["my_id", "abc_x", "plain", "X_0"].map(ShareGPTFixture.part)))

        #expect(outcome.conversationIDs == ["my_id", "abc_x", "plain", "X"])
        #expect(outcome.conversations[0].turns.map(\.sourceID) == ["0", "1"])
        #expect(outcome.conversations[0].metadataJSON == nil)
        #expect(outcome.conversations[3].turns.map(\.sourceID) == ["0:0", "0:1"])
        #expect(outcome.conversations[3].metadataJSON == #"{"parts":[0]}"#)
    }

    @Test("standalone record between parts splits them")
    func standaloneBetweenParts() throws {
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(["X_0", "my_id", "X_1"].map(ShareGPTFixture.part)))

        #expect(outcome.conversationIDs == ["X", "my_id", "X"])
    }

    @Test("unreadable part is marked")
    func unreadablePart() throws {
        let records = [
            ShareGPTFixture.part("X_0"),
            #"{"id": "X_1", "conversations": [{"from": "human"}]}"#,
            ShareGPTFixture.part("X_2"),
        ]
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(records))
        let conversation = try #require(outcome.conversations.first)

        #expect(outcome.conversations.count == 1)
        #expect(conversation.turns.map(\.sourceID) == ["0:0", "0:1", "unreadable:1", "2:0", "2:1"])
        #expect(conversation.turns[2].kind == .hidden)
        #expect(conversation.turns[2].text == "[part 1 of this conversation could not be read]")
        #expect(conversation.metadataJSON == #"{"parts":[0,2],"unreadableParts":[1]}"#)
        #expect(outcome.problems.map(\.conversationID) == ["X_1"])
        #expect(outcome.problems.map(\.field) == ["conversations[0].value"])
    }

    @Test("record without id gets a stable id")
    func recordWithoutID() throws {
        let records = [ShareGPTFixture.part("X_0"), ShareGPTFixture.record(nil, [("human", "no id")])]
        let arrayOutcome = try ShareGPTFixture.run(ShareGPTFixture.array(records), name: "dump.json")
        let linesOutcome = try ShareGPTFixture.run(ShareGPTFixture.lines(records), name: "dump.jsonl")

        #expect(arrayOutcome.conversationIDs == ["X", "dump.json#1"])
        #expect(linesOutcome.conversationIDs == ["X", "dump.jsonl:2"])
    }

    @Test("empty conversation is skipped")
    func emptyConversation() throws {
        let records = [
            ShareGPTFixture.record("E_0", []),
            ShareGPTFixture.record("E_0", [("human", "same id, with turns")]),
            ShareGPTFixture.record("F_0", []),
            ShareGPTFixture.record("F_1", [("gpt", "part 1 has the turns")]),
        ]
        let outcome = try ShareGPTFixture.run(ShareGPTFixture.array(records))

        #expect(outcome.conversationIDs == ["E", "F"])
        #expect(outcome.conversations[1].turns.map(\.sourceID) == ["1:0"])
        #expect(outcome.conversations[1].warnings.isEmpty)
        #expect(outcome.problems.count == 1)
        #expect(outcome.problems.first?.conversationID == "E")
        #expect(outcome.problems.first?.reason == "the conversation has no turns")
        #expect(outcome.problems.first?.location == "line 2, byte 2")
    }
}
