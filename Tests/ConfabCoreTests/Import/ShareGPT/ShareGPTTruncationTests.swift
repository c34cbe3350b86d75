import Foundation
import Testing
@testable import ConfabCore

@Suite("ShareGPT files that end early")
struct ShareGPTTruncationTests {
    private static let ids = ["A_0", "A_1", "B_0", "solo", "C_0", "C_1", "C_2"]

    /// The fixture file and, for each record, the byte offset just past its closing brace.
    private static func fixture() -> (bytes: [UInt8], recordEnds: [Int]) {
        var text = "[\n"
        var recordEnds: [Int] = []
        for (index, id) in ids.enumerated() {
            text += ShareGPTFixture.part(id)
            recordEnds.append(text.utf8.count)
            text += index == ids.count - 1 ? "\n]\n" : ",\n"
        }
        return (Array(text.utf8), recordEnds)
    }

    /// Returns the conversations made by the records that end at or before `cut`, each written
    /// as its id and its record ids: "C C_0,C_1".
    private static func expectedConversations(cut: Int, recordEnds: [Int]) -> [String] {
        let complete = zip(ids, recordEnds).filter { $0.1 <= cut }.map(\.0)
        var groups: [(id: String, parts: [String])] = []
        for id in complete {
            let conversationID = ShareGPTPartID(id)?.conversationID ?? id
            if ShareGPTPartID(id) != nil, groups.last?.id == conversationID {
                groups[groups.count - 1].parts.append(id)
            } else {
                groups.append((conversationID, [id]))
            }
        }
        return groups.map { $0.id + " " + $0.parts.joined(separator: ",") }
    }

    @Test("every cut delivers the complete groups")
    func everyCut() throws {
        let (bytes, recordEnds) = ShareGPTTruncationTests.fixture()
        let closingBracket = bytes.lastIndex(of: UInt8(ascii: "]"))!

        for cut in 1...closingBracket {
            let outcome = try ShareGPTFixture.run(bytes: Array(bytes[..<cut]))
            let expected = ShareGPTTruncationTests.expectedConversations(cut: cut, recordEnds: recordEnds)
            let delivered = outcome.conversations.map { conversation in
                conversation.sourceID + " " + conversation.turns.compactMap { turn in
                    turn.text.hasSuffix(" asks") ? String(turn.text.dropLast(5)) : nil
                }.joined(separator: ",")
            }

            #expect(delivered == expected, "cut at \(cut)")
            guard case let .truncated(_, byteOffset, completeConversations, _)? = outcome.failure else {
                Issue.record("cut at \(cut): expected a truncation failure, got \(String(describing: outcome.failure))")
                continue
            }
            #expect(byteOffset == Int64(cut), "cut at \(cut)")
            #expect(completeConversations == expected.count, "cut at \(cut)")
        }
    }

    @Test("whole file reads without failure")
    func wholeFile() throws {
        let (bytes, _) = ShareGPTTruncationTests.fixture()
        let outcome = try ShareGPTFixture.run(bytes: bytes)

        #expect(outcome.failure == nil)
        #expect(outcome.conversationIDs == ["A", "B", "solo", "C"])
    }

    @Test("cut inside a group keeps its complete parts")
    func cutInsideGroup() throws {
        let (bytes, recordEnds) = ShareGPTTruncationTests.fixture()
        let cut = recordEnds[5] + 10
        let outcome = try ShareGPTFixture.run(bytes: Array(bytes[..<cut]))

        #expect(outcome.conversationIDs == ["A", "B", "solo", "C"])
        #expect(outcome.conversations.last?.turns.map(\.sourceID) == ["0:0", "0:1", "1:0", "1:1"])
        #expect(outcome.failure == .truncated(
            file: outcome.path, byteOffset: Int64(cut), completeConversations: 4,
            detail: "JSON ends early at byte \(cut); 6 complete element(s) precede it"))
    }

    @Test("JSON Lines cut in the last line")
    func jsonLinesCut() throws {
        let text = ShareGPTFixture.lines(["A_0", "A_1", "B_0"].map(ShareGPTFixture.part))
        let bytes = Array(text.utf8)
        let cut = bytes.count - 8
        let outcome = try ShareGPTFixture.run(bytes: Array(bytes[..<cut]), name: "dump.jsonl")

        #expect(outcome.conversationIDs == ["A"])
        #expect(outcome.problems.isEmpty)
        guard case let .truncated(_, byteOffset, completeConversations, _)? = outcome.failure else {
            Issue.record("expected a truncation failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(byteOffset == Int64(cut))
        #expect(completeConversations == 1)
    }

    @Test("syntax error stops the array after complete groups")
    func syntaxError() throws {
        let text = "[" + ShareGPTFixture.part("A_0") + ",\n" + ShareGPTFixture.part("A_1") + ",\n" + "{\"id\": nope}]"
        let outcome = try ShareGPTFixture.run(text)

        #expect(outcome.conversationIDs == ["A"])
        guard case let .malformed(_, _, line, completeConversations, _)? = outcome.failure else {
            Issue.record("expected a malformed failure, got \(String(describing: outcome.failure))")
            return
        }
        #expect(line == 3)
        #expect(completeConversations == 1)
    }
}
