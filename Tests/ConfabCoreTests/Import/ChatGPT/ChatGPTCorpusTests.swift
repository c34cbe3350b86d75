import Foundation
import Testing
@testable import ConfabCore

/// The folder of real export files, or nil when CONFAB_CORPUS is not set.
private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

private let corpusReason = "set CONFAB_CORPUS to the corpus folder (the one containing formats/chatgpt-export/)"

/// The real 2023 code-interpreter export: one conversation of 45 nodes.
@Suite("ChatGPT corpus", .enabled(if: corpusFolder != nil, Comment(rawValue: corpusReason)))
struct ChatGPTCorpusTests {
    let result: ImportOutcome
    let conversation: ImportedConversation

    init() throws {
        let file = try #require(corpusFolder)
            .appendingPathComponent("formats/chatgpt-export/conversations-realazthat-2023-code-interpreter.json")
        result = try ChatGPTImporter().outcome(reading: file)
        conversation = try #require(result.single)
    }

    @Test("file imports without problems")
    func cleanImport() {
        #expect(result.failure == nil)
        #expect(result.problems.isEmpty)
        #expect(result.sink.textRepairs == TextRepairs())
    }

    @Test("conversation fields")
    func conversationFields() {
        #expect(conversation.sourceID == "966da5c4-5bb7-4e4d-ab6d-a7316b96266e")
        #expect(conversation.title == "Average Distance in U(0,1)")
        #expect(conversation.model == "gpt-4-code-interpreter")
        #expect(conversation.createdAt == Date(timeIntervalSince1970: 1695326273.968528))
        #expect(conversation.updatedAt == Date(timeIntervalSince1970: 1695370984.0))
        #expect(conversation.user == nil)
        #expect(conversation.persona == nil)
        #expect(conversation.defaultLeafSourceID == "875ad56f-8b75-4e69-9fdc-f96acf212f9c")
        #expect(conversation.metadataJSON == #"{"is_archived":false}"#)
    }

    @Test("null root dropped, roles counted")
    func roleCounts() {
        // 45 nodes less the null-message root.
        #expect(conversation.turns.count == 44)
        #expect(conversation.importedTurn("aaa15e79-f313-489b-9459-d2cac643ac62") == nil)
        #expect(conversation.turns.filter { $0.role == .system }.count == 2)
        #expect(conversation.turns.filter { $0.role == .user }.count == 8)
        #expect(conversation.turns.filter { $0.role == .assistant }.count == 23)
        #expect(conversation.turns.filter { $0.role == .tool }.count == 11)
    }

    @Test("kinds counted")
    func kindCounts() {
        let hidden = conversation.turns.filter { $0.kind == .hidden }
        #expect(hidden.count == 2)
        #expect(hidden.allSatisfy { $0.role == .system })
        #expect(conversation.turns.filter { $0.kind == .toolCall }.count == 11)
        #expect(conversation.turns.filter { $0.kind == .toolResult }.count == 11)
        #expect(conversation.turns.filter { $0.kind == .message }.count == 20)
        #expect(conversation.turns.filter { $0.kind == .reasoning || $0.kind == .error }.isEmpty)
    }

    @Test("tree is one chain from the hidden system turn")
    func chain() {
        let ids = Set(conversation.turns.map(\.sourceID))
        let roots = conversation.turns.filter { $0.parentSourceID == nil }
        #expect(roots.map(\.sourceID) == ["ffb72c4b-dc4d-4e14-b286-95531c79e7d9"])
        #expect(conversation.turns.allSatisfy { $0.parentSourceID == nil || ids.contains($0.parentSourceID!) })

        var childCount: [String: Int] = [:]
        for case let parent? in conversation.turns.map(\.parentSourceID) {
            childCount[parent, default: 0] += 1
        }
        #expect(childCount.values.allSatisfy { $0 == 1 })

        var seen = Set<String>()
        for turn in conversation.turns {
            #expect(turn.parentSourceID == nil || seen.contains(turn.parentSourceID!))
            seen.insert(turn.sourceID)
        }
    }

    @Test("code call and execution output")
    func codeInterpreterTurns() throws {
        let call = try #require(conversation.importedTurn("10513078-098e-44a7-851b-8cb32592969c"))
        #expect(call.kind == .toolCall)
        #expect(call.role == .assistant)
        #expect(call.author == "gpt-4-code-interpreter")
        #expect(call.text.hasPrefix("from sympy import symbols, integrate, Abs\r\n\r\nx, y = symbols('x y')\r\n"))
        #expect(call.rawPayloadJSON == nil)

        let output = try #require(conversation.turns.first { $0.parentSourceID == call.sourceID })
        #expect(output.kind == .toolResult)
        #expect(output.role == .tool)
        #expect(output.author == "python")
        #expect(output.text == "0")
    }

    @Test("CRLF kept in code")
    func carriageReturnsKept() {
        let withCRLF = conversation.turns.filter { $0.text.contains("\r\n") }
        #expect(withCRLF.count == 11)
        #expect(withCRLF.allSatisfy { $0.kind == .toolCall })
    }

    @Test("null create_time stays nil")
    func nullTimes() throws {
        let system = conversation.turns.filter { $0.role == .system }
        #expect(system.count == 2)
        #expect(system.allSatisfy { $0.createdAt == nil })

        let firstUser = try #require(conversation.turns.first { $0.role == .user })
        #expect(firstUser.createdAt == Date(timeIntervalSince1970: 1695326273.969279))
    }

    @Test("plotted images become placeholders")
    func plottedImages() throws {
        let outputs = conversation.turns.filter { !$0.attachments.isEmpty }
        #expect(outputs.count == 7)
        #expect(outputs.allSatisfy { $0.kind == .toolResult })
        #expect(outputs.allSatisfy { $0.text == "\n[image]" })
        #expect(outputs.allSatisfy { $0.attachments.count == 1 })
        #expect(outputs.allSatisfy { $0.attachments[0].reference?.hasPrefix("file-service://") == true })
    }
}
