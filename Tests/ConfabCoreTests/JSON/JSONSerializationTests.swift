import Foundation
import Testing
@testable import ConfabCore

@Suite("JSON serialization")
struct JSONSerializationTests {
    @Test("values serialize compactly", arguments: [
        (JSONValue.null, "null"),
        (.bool(true), "true"),
        (.bool(false), "false"),
        (.number(3), "3"),
        (.number(-42), "-42"),
        (.number(0), "0"),
        (.number(-0.0), "-0"),
        (.number(3.5), "3.5"),
        (.number(0.1), "0.1"),
        (.number(1e-7), "1e-07"),
        (.number(1e300), "1e+300"),
        (.number(9_007_199_254_740_992), "9007199254740992"),
        (.number(-9_007_199_254_740_992), "-9007199254740992"),
        (.number(9_007_199_254_740_994), "9.007199254740994e+15"),
        (.number(.infinity), "null"),
        (.number(-.infinity), "null"),
        (.number(.nan), "null"),
        (.string(""), #""""#),
        (.string("a\"b\\c/d"), #""a\"b\\c/d""#),
        (.string("\u{08}\u{0C}\n\r\t"), #""\b\f\n\r\t""#),
        (.string("\u{00}\u{01}\u{1F}\u{7F}"), "\"\\u0000\\u0001\\u001f\\u007f\""),
        (.string("é😀\u{2028}"), "\"é😀\u{2028}\""),
        (.array([]), "[]"),
        (.object(JSONObject()), "{}"),
        (.array([.number(1), .string("x"), .null]), #"[1,"x",null]"#),
        (.object(JSONObject([(key: "z", value: .number(1)), (key: "a", value: .array([.bool(true)]))])), #"{"z":1,"a":[true]}"#),
    ])
    func valueSerializes(value: JSONValue, expected: String) {
        #expect(value.serialized() == expected)
    }

    @Test("terminal controls are escaped", arguments: [
        ("\u{9B}31m", #""\u009b31m""#),
        ("\u{9D}0;title\u{9C}", #""\u009d0;title\u009c""#),
        ("del\u{7F}", #""del\u007f""#),
        ("\u{1B}]52;c;aGk=\u{07}", #""\u001b]52;c;aGk=\u0007""#),
        ("é à ¡ \u{A0}", "\"é à ¡ \u{A0}\""),
    ])
    func terminalControlsEscaped(text: String, expected: String) throws {
        let serialized = JSONValue.string(text).serialized()
        #expect(serialized == expected)
        #expect(!serialized.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value < 0x20 })
        #expect(try JSONValue.parse(serialized) == .string(text))
    }

    @Test("string literal helper")
    func stringLiteral() {
        #expect(JSONValue.stringLiteral("say \"hi\"\n") == #""say \"hi\"\n""#)
        #expect(JSONValue.stringLiteral("tab\there") == #""tab\there""#)
        #expect(JSONValue.stringLiteral("") == #""""#)
    }

    @Test("serialized values parse back equal")
    func roundTrip() throws {
        let controlCharacters = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let values: [JSONValue] = [
            .string(controlCharacters),
            .string("\"\\/\u{7F}\u{80}\u{FFFD}\u{10FFFF}"),
            .string("日本語 🏳️‍🌈 e\u{301}"),
            .number(0.1 + 0.2),
            .number(-1.5e-300),
            .number(123_456_789_012),
            .number(Double.greatestFiniteMagnitude),
            .number(Double.leastNonzeroMagnitude),
            .array([.null, .bool(false), .array([.array([])]), .object(JSONObject([(key: "", value: .string(""))]))]),
            .object(JSONObject([
                (key: "key\nwith\u{0}controls", value: .number(1)),
                (key: "dup", value: .number(2)),
                (key: "dup", value: .number(3)),
            ])),
        ]
        for value in values {
            #expect(try JSONValue.parse(value.serialized()) == value)
        }

        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let number = Double(bitPattern: generator.next())
            guard number.isFinite else { continue }
            #expect(try JSONValue.parse(JSONValue.number(number).serialized()) == .number(number))
        }
    }

    @Test("negative zero keeps its sign through a round trip")
    func negativeZeroRoundTrip() throws {
        let parsed = try JSONValue.parse(JSONValue.number(-0.0).serialized())
        #expect(parsed.doubleValue?.sign == .minus)
    }
}
