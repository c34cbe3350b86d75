import Foundation
import Testing
@testable import ConfabCore

/// The folder of real export files, or nil when CONFAB_CORPUS is not set.
private let corpusFolder = ProcessInfo.processInfo.environment["CONFAB_CORPUS"].map { URL(fileURLWithPath: $0) }

@Suite("JSON corpus")
struct JSONCorpusTests {
    @Test(
        "ShareGPT sample streams completely",
        .enabled(if: corpusFolder != nil, "set CONFAB_CORPUS to the folder containing sharegpt-sample.json")
    )
    func shareGPTSample() throws {
        let url = try #require(corpusFolder).appendingPathComponent("sharegpt-sample.json")
        let reader = try JSONStreamReader(url: url)
        var count = 0
        var turnCount = 0
        var previousOffset: Int64 = -1

        try reader.forEachElement { value, location in
            #expect(location.index == count)
            #expect(location.byteOffset > previousOffset)
            #expect(value["id"]?.stringValue?.isEmpty == false)
            let turns = value["conversations"]?.arrayValue ?? []
            for turn in turns {
                #expect(turn["from"]?.stringValue != nil)
                #expect(turn["value"]?.stringValue != nil)
            }
            turnCount += turns.count
            previousOffset = location.byteOffset
            count += 1
        }

        #expect(reader.layout == .array)
        #expect(count == 1_500)
        #expect(turnCount == 11_224)
        #expect(reader.repairs == TextRepairs())
        #expect(reader.bytesConsumed == reader.fileSize)
    }
}
