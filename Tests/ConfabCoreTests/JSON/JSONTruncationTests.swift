import Foundation
import Testing
@testable import ConfabCore

/// Cuts valid files at every byte offset and checks that reading never crashes, yields exactly the
/// elements completed before the cut, and reports where the data ran out.
@Suite("JSON truncation")
struct JSONTruncationTests {
    /// Elements chosen so that cuts land inside every kind of token.
    static let elementTexts = [
        #"{"id":"a1","turns":[{"from":"human","value":"hi\nthere \"you\""}]}"#,
        "-12.5e+3",
        #""\u00e9\uD83D\uDE00 é😀""#,
        "[true,false,null,[],{}]",
        "0",
        #"{"nested":{"deeper":[1,2,{"k":"v"}]}}"#,
        "1234567",
    ]

    /// A pretty-printed array of `elementTexts` and the offset just past each element.
    static let arrayDocument: (bytes: [UInt8], elementEnds: [Int]) = {
        var bytes = Array("[\n  ".utf8)
        var ends: [Int] = []
        for (index, text) in elementTexts.enumerated() {
            if index > 0 {
                bytes += Array(",\n  ".utf8)
            }
            bytes += Array(text.utf8)
            ends.append(bytes.count)
        }
        bytes += Array("\n]\n".utf8)
        return (bytes, ends)
    }()

    @Test("array cut at every offset", arguments: [16, 1 << 20])
    func arrayCutEverywhere(capacity: Int) throws {
        let (document, elementEnds) = Self.arrayDocument
        let reference = try #require(try JSONValue.parse(document).arrayValue)
        let closingBracket = document.lastIndex(of: UInt8(ascii: "]"))!

        for cut in 0...document.count {
            let prefix = Array(document[..<cut])
            let outcome = try readStream(prefix, bufferCapacity: capacity)

            // A number needs the byte after it, because more digits could have followed.
            var completeCount = 0
            for (index, end) in elementEnds.enumerated() {
                let isNumber = reference[index].doubleValue != nil
                if end + (isNumber ? 1 : 0) <= cut {
                    completeCount += 1
                }
            }

            #expect(outcome.elements == Array(reference.prefix(completeCount)), "cut at \(cut)")
            if cut > closingBracket {
                #expect(outcome.error == nil, "cut at \(cut)")
            } else {
                let line = prefix.filter { $0 == ASCII.lineFeed }.count + 1
                #expect(outcome.error == .unexpectedEnd(byteOffset: Int64(cut), line: line, elementIndex: completeCount), "cut at \(cut)")
            }
        }
    }

    @Test("single object cut at every offset", arguments: [16, 1 << 20])
    func singleObjectCutEverywhere(capacity: Int) throws {
        let document = Array("{\n \"a\": [1, \"x\\u00e9\", {\"b\": null}],\n \"c\": -0.5\n}".utf8)
        let reference = try JSONValue.parse(document)

        for cut in 0...document.count {
            let outcome = try readStream(Array(document[..<cut]), bufferCapacity: capacity)
            if cut == document.count {
                #expect(outcome.elements == [reference])
                #expect(outcome.error == nil)
            } else {
                #expect(outcome.elements.isEmpty, "cut at \(cut)")
                #expect(outcome.error?.isUnexpectedEnd(at: Int64(cut)) == true, "cut at \(cut)")
            }
        }
    }

    @Test("JSON Lines cut at every offset", arguments: [16, 1 << 20])
    func linesCutEverywhere(capacity: Int) throws {
        let lines = [#"{"a":1,"s":"x\ny"}"#, #"{"a":[2,3]}"#, #"{"a":"\uD83D\uDE00"}"#]
        let document = Array(lines.joined(separator: "\r\n").utf8) + [ASCII.lineFeed]
        var lineRanges: [Range<Int>] = []
        var start = 0
        for line in lines {
            lineRanges.append(start..<start + line.utf8.count)
            start += line.utf8.count + 2
        }

        for cut in 0...document.count {
            let outcome = try readStream(Array(document[..<cut]), mode: .lines, bufferCapacity: capacity)
            let completeCount = lineRanges.filter { $0.upperBound <= cut }.count
            let isInsideLine = lineRanges.contains { $0.lowerBound < cut && cut < $0.upperBound }

            #expect(outcome.error == nil, "cut at \(cut)")
            #expect(outcome.elements.count == completeCount, "cut at \(cut)")
            #expect(outcome.lineErrors.count == (isInsideLine ? 1 : 0), "cut at \(cut)")
            if isInsideLine {
                #expect(outcome.lineErrors.first?.message == "file ends inside a value", "cut at \(cut)")
            }
        }
    }
}

extension JSONReadError {
    func isUnexpectedEnd(at offset: Int64) -> Bool {
        if case let .unexpectedEnd(byteOffset, _, elementIndex) = self {
            return byteOffset == offset && elementIndex == 0
        }
        return false
    }
}
