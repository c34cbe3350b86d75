import Foundation
import Testing
@testable import ConfabCore

/// Reads documents through windows far smaller than their elements, so that elements, strings,
/// escapes and numbers straddle the window's edge at every position.
@Suite("JSON stream reader buffer boundaries")
struct JSONStreamBufferTests {
    /// A document of elements of many sizes and kinds.
    static let mixedDocument: String = {
        var elements: [String] = []
        for index in 0..<120 {
            let text = String(repeating: "ab\\\"\\n\\u00e9€😀", count: index % 9)
            elements.append(#"{"id":"\#(index)","text":"\#(text)","n":\#(index * 1_234_567),"f":-\#(index).25e-3,"l":[true,false,null]}"#)
            elements.append(String(index * 7))
            elements.append("\"\\uD83D\\uDE00\\uD83D\"")
        }
        return "[\n" + elements.joined(separator: ",\n ") + "\n]\n"
    }()

    @Test("tiny windows give the same elements and locations", arguments: [16, 17, 31, 64, 100, 257, 4_096])
    func tinyWindows(capacity: Int) throws {
        let reference = try readStream(Self.mixedDocument)
        let outcome = try readStream(Self.mixedDocument, bufferCapacity: capacity)

        #expect(reference.error == nil)
        #expect(reference.elements == (try JSONValue.parse(Self.mixedDocument).arrayValue))
        #expect(outcome.error == nil)
        #expect(outcome.elements == reference.elements)
        #expect(outcome.locations == reference.locations)
        #expect(outcome.repairs == reference.repairs)
        #expect(outcome.repairs.loneSurrogates == 120)
    }

    @Test("tiny windows read JSON Lines with lines longer than the window", arguments: [16, 33, 128])
    func tinyWindowsLines(capacity: Int) throws {
        var document = ""
        for index in 0..<60 {
            let ending = index % 2 == 0 ? "\r\n" : "\n"
            document += #"{"i":\#(index),"s":"\#(String(repeating: "é\\n", count: index * 3))"}"# + ending
            if index % 7 == 0 {
                document += ending + "{broken" + ending
            }
        }
        let reference = try readStream(document)
        let outcome = try readStream(document, bufferCapacity: capacity)

        #expect(reference.layout == .lines)
        #expect(reference.elements.count == 60)
        #expect(reference.lineErrors.count == 9)
        #expect(outcome.elements == reference.elements)
        #expect(outcome.locations == reference.locations)
        #expect(outcome.lineErrors == reference.lineErrors)
    }

    @Test("string larger than the window")
    func hugeString() throws {
        var text = ""
        for index in 0..<20_000 {
            text += "line \(index) \\\"quoted\\\" ünïcödé 😀\\n"
        }
        let document = "[\"" + text + "\", {\"after\": true}]"
        let expected = try JSONValue.parse(document)

        let outcome = try readStream(document, bufferCapacity: 1_024)
        #expect(outcome.error == nil)
        #expect(outcome.elements == expected.arrayValue)
        #expect(outcome.locations.map(\.byteOffset) == [1, Int64(document.utf8.count) - 16])
    }

    @Test("window shrinks back after a large element")
    func windowShrinks() throws {
        let large = "\"" + String(repeating: "x", count: 100_000) + "\""
        let small = (0..<2_000).map { #"{"n":\#($0),"pad":"\#(String(repeating: "y", count: 50))"}"# }
        let url = try makeTemporaryFile(Array(("[" + large + "," + small.joined(separator: ",") + "]").utf8))
        defer { try? FileManager.default.removeItem(at: url) }

        let reader = try JSONStreamReader(url: url, mode: .automatic, bufferCapacity: 1_024)
        var largestCapacity = 0
        var finalCapacity = 0
        try reader.forEachElement { _, location in
            largestCapacity = max(largestCapacity, reader.buffer.capacity)
            if location.index == 2_000 {
                finalCapacity = reader.buffer.capacity
            }
        }
        #expect(largestCapacity >= 100_000)
        #expect(largestCapacity <= 262_144)
        #expect(finalCapacity == 1_024)
    }

    @Test("numbers split by the window edge keep all digits")
    func numbersAtWindowEdge() throws {
        let numbers = (0..<300).map { 1_000_000_007 * Int64($0) }
        let document = "[" + numbers.map(String.init).joined(separator: ",") + "]"
        for capacity in [16, 19, 23] {
            let outcome = try readStream(document, bufferCapacity: capacity)
            #expect(outcome.error == nil)
            #expect(outcome.elements == numbers.map { .number(Double($0)) })
        }
    }
}
