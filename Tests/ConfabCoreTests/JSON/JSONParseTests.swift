import Foundation
import Testing
@testable import ConfabCore

@Suite("JSON parsing in memory")
struct JSONParseTests {
    @Test("structures parse")
    func structuresParse() throws {
        let value = try JSONValue.parse(#" { "b" : [1, true, false, null, "x", {}, []], "a": {"n": -1.5} } "#)
        let expected = JSONValue.object(JSONObject([
            (key: "b", value: .array([.number(1), .bool(true), .bool(false), .null, .string("x"), .object(JSONObject()), .array([])])),
            (key: "a", value: .object(JSONObject([(key: "n", value: .number(-1.5))]))),
        ]))
        #expect(value == expected)
    }

    @Test("object keeps member order and repeated keys")
    func objectKeepsOrder() throws {
        let object = try #require(try JSONValue.parse(#"{"z":1,"a":2,"z":3}"#).objectValue)
        #expect(object.keys == ["z", "a", "z"])
        #expect(object["z"] == .number(1))
        #expect(object.members[2].value == .number(3))
    }

    @Test("scalars at top level", arguments: [
        ("true", JSONValue.bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("\"s\"", .string("s")),
        ("42", .number(42)),
        (" \r\n\t42\n", .number(42)),
        ("[]", .array([])),
        ("{}", .object(JSONObject())),
    ])
    func topLevelScalar(json: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(json) == expected)
    }

    @Test("byte order mark is skipped")
    func byteOrderMarkSkipped() throws {
        let value = try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(value["a"] == .number(1))
    }

    @Test("parse of Data and String agree")
    func dataAndStringAgree() throws {
        let text = #"{"content":[{"type":"text","text":"h\u00e9llo"}]}"#
        #expect(try JSONValue.parse(Data(text.utf8)) == JSONValue.parse(text))
    }

    @Test("syntax errors", arguments: [
        ("[1,]", "expected a value, found ']'", 3),
        ("[1 2]", "expected ',' or ']' after array element, found '2'", 3),
        (#"{"a" 1}"#, "expected ':' after object key, found '1'", 5),
        (#"{"a":1,}"#, "expected a string as object key, found '}'", 7),
        ("{a:1}", "expected a string as object key, found 'a'", 1),
        (#"{"a":1 "b":2}"#, "expected ',' or '}' after object member, found '\"'", 7),
        ("tru3", "invalid literal, expected 'true'", 0),
        ("[1] x", "unexpected data after the JSON value", 4),
        ("{} {}", "unexpected data after the JSON value", 3),
        ("\u{7F}", "expected a value, found byte 0x7F", 0),
        ("'a'", "expected a value, found '''", 0),
    ])
    func syntaxError(json: String, message: String, offset: Int64) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(error == .syntax(message: message, byteOffset: offset, line: 1, elementIndex: 0))
    }

    @Test("error reports the line of the offending byte")
    func errorLine() {
        let json = "{\n  \"a\": 1,\n  \"b\": [1,\n 2,\n x]\n}"
        let (_, _, error) = parseBytes(Array(json.utf8))
        let offset = Int64(Array(json.utf8).firstIndex(of: UInt8(ascii: "x"))!)
        #expect(error == .syntax(message: "expected a value, found 'x'", byteOffset: offset, line: 5, elementIndex: 0))
    }

    @Test("empty and blank input end early", arguments: ["", "  \n "])
    func emptyInput(json: String) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(error == .unexpectedEnd(byteOffset: Int64(json.utf8.count), line: json.contains("\n") ? 2 : 1, elementIndex: 0))
    }

    @Test("nesting up to the limit parses")
    func nestingAtLimit() throws {
        let depth = JSONParser.maximumDepth
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue.parse(json)
        var levels = 1
        while case let .array(elements) = value, let first = elements.first {
            value = first
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test("nesting past the limit is rejected", arguments: ["[", "{\"k\":"])
    func nestingPastLimit(opener: String) {
        let depth = JSONParser.maximumDepth + 1
        let json = String(repeating: opener, count: depth) + "1" + String(repeating: opener == "[" ? "]" : "}", count: depth)
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(syntaxMessage(error) == "arrays and objects nested deeper than 512 levels")
    }

    @Test("deep nesting far past the limit does not overflow the stack")
    func veryDeepNesting() {
        let json = String(repeating: "[", count: 1_000_000)
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(syntaxMessage(error) == "arrays and objects nested deeper than 512 levels")
    }

    @Test("cut literals end early", arguments: ["t", "tr", "tru", "f", "fals", "n", "nul"])
    func cutLiteral(json: String) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(error == .unexpectedEnd(byteOffset: Int64(json.utf8.count), line: 1, elementIndex: 0))
    }

    @Test("error descriptions name offset and line")
    func errorDescriptions() {
        let syntax = JSONReadError.syntax(message: "invalid escape \\q", byteOffset: 12, line: 3, elementIndex: 0)
        #expect(syntax.description == "invalid JSON at byte 12, line 3: invalid escape \\q")

        let end = JSONReadError.unexpectedEnd(byteOffset: 900, line: 40, elementIndex: 7)
        #expect(end.description == "JSON ends early at byte 900; 7 complete element(s) precede it")
    }
}
