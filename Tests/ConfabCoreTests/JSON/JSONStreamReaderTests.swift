import Foundation
import Testing
@testable import ConfabCore

@Suite("JSON stream reader")
struct JSONStreamReaderTests {
    static let arrayDocument = """
        [
          {"id": "a", "turns": [1, 2]},
          {"id": "b\\u00e9", "text": "x\\ny"},
          "plain",
          12.5,
          [true, null]
        ]

        """

    /// Returns the file offset of the first occurrence of `needle` in `text`.
    private func offset(of needle: String, in text: String) -> Int64 {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return Int64(start)
        }
        Issue.record("\(needle) not found")
        return -1
    }

    @Test("array yields each element with its location")
    func arrayYieldsElements() throws {
        let document = Self.arrayDocument
        let outcome = try readStream(document)
        let expected = try #require(try JSONValue.parse(document).arrayValue)

        #expect(outcome.error == nil)
        #expect(outcome.layout == .array)
        #expect(outcome.elements == expected)
        #expect(outcome.locations == [
            JSONElementLocation(byteOffset: offset(of: #"{"id": "a""#, in: document), line: 2, index: 0),
            JSONElementLocation(byteOffset: offset(of: #"{"id": "b"#, in: document), line: 3, index: 1),
            JSONElementLocation(byteOffset: offset(of: #""plain""#, in: document), line: 4, index: 2),
            JSONElementLocation(byteOffset: offset(of: "12.5", in: document), line: 5, index: 3),
            JSONElementLocation(byteOffset: offset(of: "[true", in: document), line: 6, index: 4),
        ])
        #expect(outcome.bytesConsumed == outcome.fileSize)
    }

    @Test("empty array yields nothing", arguments: ["[]", " [ \n ] \n"])
    func emptyArray(document: String) throws {
        let outcome = try readStream(document)
        #expect(outcome.error == nil)
        #expect(outcome.layout == .array)
        #expect(outcome.elements.isEmpty)
    }

    @Test("single object yields once")
    func singleObject() throws {
        let document = "\n\n  {\"a\": [1, 2]}\n"
        let outcome = try readStream([0xEF, 0xBB, 0xBF] + Array(document.utf8))

        #expect(outcome.error == nil)
        #expect(outcome.layout == .single)
        #expect(outcome.elements == [.object(JSONObject([(key: "a", value: .array([.number(1), .number(2)]))]))])
        #expect(outcome.locations == [JSONElementLocation(byteOffset: 7, line: 3, index: 0)])
    }

    @Test("single number at end of file")
    func singleNumber() throws {
        let outcome = try readStream("42")
        #expect(outcome.error == nil)
        #expect(outcome.layout == .single)
        #expect(outcome.elements == [.number(42)])
    }

    @Test("JSON Lines detected with blank lines and CRLF")
    func linesDetected() throws {
        let document = "{\"a\":1}\n{\"a\":2}\r\n\r\n  \n{\"a\":3}"
        let outcome = try readStream(document)

        #expect(outcome.error == nil)
        #expect(outcome.layout == .lines)
        #expect(outcome.elements.map { $0["a"] } == [.number(1), .number(2), .number(3)])
        #expect(outcome.locations == [
            JSONElementLocation(byteOffset: 0, line: 1, index: 0),
            JSONElementLocation(byteOffset: 8, line: 2, index: 1),
            JSONElementLocation(byteOffset: offset(of: "{\"a\":3}", in: document), line: 5, index: 2),
        ])
        #expect(outcome.lineErrors.isEmpty)
        #expect(outcome.bytesConsumed == outcome.fileSize)
    }

    @Test("JSON Lines reports bad lines and goes on")
    func linesReportBadLines() throws {
        let document = "{\"a\":1}\n{\"a\":\n[1,2\nnot json\n{\"a\":2} x\n{\"a\":\"\\q\"}\n{\"a\":3}\n"
        let outcome = try readStream(document)

        #expect(outcome.error == nil)
        #expect(outcome.layout == .lines)
        #expect(outcome.elements.map { $0["a"] } == [.number(1), .number(3)])
        #expect(outcome.locations.map(\.index) == [0, 1])
        #expect(outcome.locations.map(\.line) == [1, 7])
        #expect(outcome.lineErrors == [
            JSONLineError(line: 2, byteOffset: offset(of: "\n[1,2", in: document), message: "line ends inside a value"),
            JSONLineError(line: 3, byteOffset: offset(of: "\nnot", in: document), message: "line ends inside a value"),
            JSONLineError(line: 4, byteOffset: offset(of: "not json", in: document), message: "invalid literal, expected 'null'"),
            JSONLineError(line: 5, byteOffset: offset(of: " x", in: document) + 1, message: "unexpected data after the value"),
            JSONLineError(line: 6, byteOffset: offset(of: "\\q", in: document), message: "invalid escape \\q"),
        ])
    }

    @Test("lines mode tolerates a bad first line")
    func linesModeBadFirstLine() throws {
        let outcome = try readStream("oops\n{\"a\":1}\n", mode: .lines)
        #expect(outcome.error == nil)
        #expect(outcome.layout == .lines)
        #expect(outcome.elements.map { $0["a"] } == [.number(1)])
        #expect(outcome.locations == [JSONElementLocation(byteOffset: 5, line: 2, index: 0)])
        #expect(outcome.lineErrors == [JSONLineError(line: 1, byteOffset: 0, message: "expected a value, found 'o'")])
    }

    @Test("lines mode reads arrays one per line")
    func linesModeArrays() throws {
        let outcome = try readStream("[1]\n[2]\n", mode: .lines)
        #expect(outcome.error == nil)
        #expect(outcome.elements == [.array([.number(1)]), .array([.number(2)])])
    }

    @Test("automatic mode rejects data after a top-level array")
    func dataAfterArray() throws {
        let outcome = try readStream("[1]\n[2]\n")
        #expect(outcome.elements == [.number(1)])
        #expect(outcome.error == .syntax(message: "unexpected data after the top-level array", byteOffset: 4, line: 2, elementIndex: 1))
    }

    @Test("automatic mode rejects data after a single value on its line")
    func dataAfterSingleValue() throws {
        let outcome = try readStream("{\"a\":1} x\n")
        #expect(outcome.layout == .single)
        #expect(outcome.elements.count == 1)
        #expect(outcome.error == .syntax(message: "unexpected data after the top-level value", byteOffset: 8, line: 1, elementIndex: 1))
    }

    @Test("byte order mark at the start of each line is skipped")
    func lineByteOrderMarks() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let bytes = bom + Array("{\"a\":1}\n".utf8) + bom + Array("{\"a\":2}\n".utf8)
        let outcome = try readStream(bytes, mode: .lines)
        #expect(outcome.lineErrors.isEmpty)
        #expect(outcome.elements.map { $0["a"] } == [.number(1), .number(2)])
        #expect(outcome.locations.map(\.byteOffset) == [3, 14])
    }

    @Test("last JSON line cut off is reported")
    func linesCutOff() throws {
        let document = "{\"a\":1}\n{\"a\":"
        let outcome = try readStream(document)
        #expect(outcome.error == nil)
        #expect(outcome.elements.count == 1)
        #expect(outcome.lineErrors == [JSONLineError(line: 2, byteOffset: Int64(document.utf8.count), message: "file ends inside a value")])
    }

    @Test("empty file", arguments: ["", " \n\n"])
    func emptyFile(document: String) throws {
        let automatic = try readStream(document)
        #expect(automatic.error == .unexpectedEnd(byteOffset: Int64(document.utf8.count), line: document.isEmpty ? 1 : 3, elementIndex: 0))

        let lines = try readStream(document, mode: .lines)
        #expect(lines.error == nil)
        #expect(lines.elements.isEmpty)
        #expect(lines.lineErrors.isEmpty)
    }

    @Test("syntax error stops the array after the elements before it")
    func syntaxErrorInArray() throws {
        let document = "[{\"a\":1},\n {\"a\":2} {\"a\":3}]"
        let outcome = try readStream(document)
        #expect(outcome.elements.count == 2)
        #expect(outcome.error == .syntax(
            message: "expected ',' or ']' after array element, found '{'",
            byteOffset: offset(of: "{\"a\":3}", in: document),
            line: 2,
            elementIndex: 2
        ))
    }

    @Test("file ending inside the array", arguments: [
        ("[{\"a\":1}, {\"a\":2}, {\"a\":", 2),
        ("[{\"a\":1}, {\"a\":2}", 2),
        ("[{\"a\":1}, {\"a\":2},", 2),
        ("[1, 2", 1),
        ("[1, 2 ", 2),
        ("[", 0),
        ("[\"abc", 0),
    ])
    func fileEndsInsideArray(document: String, completeCount: Int) throws {
        let outcome = try readStream(document)
        #expect(outcome.elements.count == completeCount)
        #expect(outcome.error == .unexpectedEnd(byteOffset: Int64(document.utf8.count), line: 1, elementIndex: completeCount))
    }

    @Test("file ending inside a single value")
    func fileEndsInsideSingleValue() throws {
        let outcome = try readStream("{\"a\":\n[1,")
        #expect(outcome.elements.isEmpty)
        #expect(outcome.error == .unexpectedEnd(byteOffset: 9, line: 2, elementIndex: 0))
    }

    @Test("error thrown by the body stops reading")
    func bodyErrorStops() throws {
        struct Stop: Error {}
        let url = try makeTemporaryFile(Array("[1, 2, 3, 4]".utf8))
        defer { try? FileManager.default.removeItem(at: url) }

        let reader = try JSONStreamReader(url: url)
        var seen: [JSONValue] = []
        #expect(throws: Stop.self) {
            try reader.forEachElement { value, _ in
                seen.append(value)
                if seen.count == 2 { throw Stop() }
            }
        }
        #expect(seen == [.number(1), .number(2)])
    }

    @Test("repairs add up across elements")
    func repairsAddUp() throws {
        let bytes = Array("[\"\\uD800\", \"".utf8) + [0xC3, 0x28] + Array("\", \"ok\", \"\\uDC00\\uDC00\"]".utf8)
        let outcome = try readStream(bytes, bufferCapacity: 16)
        #expect(outcome.error == nil)
        #expect(outcome.repairs == TextRepairs(invalidUTF8: 1, loneSurrogates: 3))
    }

    @Test("repairs of rejected lines are not counted")
    func rejectedLineRepairs() throws {
        let bytes = Array("\"\\uD800\" x\n\"\\uD800\"\n".utf8)
        let outcome = try readStream(bytes, mode: .lines)
        #expect(outcome.lineErrors.count == 1)
        #expect(outcome.repairs == TextRepairs(invalidUTF8: 0, loneSurrogates: 1))
    }

    @Test("progress grows to the file size")
    func progressGrows() throws {
        let elements = (0..<200).map { #"{"n":\#($0),"text":"\#(String(repeating: "x", count: $0))"}"# }
        let url = try makeTemporaryFile(Array(("[" + elements.joined(separator: ",") + "]").utf8))
        defer { try? FileManager.default.removeItem(at: url) }

        let reader = try JSONStreamReader(url: url, mode: .automatic, bufferCapacity: 256)
        var progress: [Int64] = []
        try reader.forEachElement { _, _ in progress.append(reader.bytesConsumed) }

        #expect(progress.count == 200)
        #expect(progress == progress.sorted())
        #expect(progress.first! > 0)
        #expect(progress.last! < reader.fileSize)
        #expect(reader.bytesConsumed == reader.fileSize)
    }

    @Test("missing file is unreadable")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent-confab-test/file.json")
        #expect(throws: JSONReadError.unreadable(path: url.path, message: "No such file or directory")) {
            _ = try JSONStreamReader(url: url)
        }
    }

    @Test("directory is unreadable")
    func directoryUnreadable() {
        let url = FileManager.default.temporaryDirectory
        #expect(throws: JSONReadError.unreadable(path: url.path, message: "is a directory")) {
            _ = try JSONStreamReader(url: url)
        }
    }
}
