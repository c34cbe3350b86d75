import Foundation
import Testing
@testable import ConfabCore

@Suite("JSON numbers")
struct JSONNumberTests {
    @Test("numbers parse to the nearest Double", arguments: [
        ("0", 0.0),
        ("-0", -0.0),
        ("7", 7.0),
        ("-12", -12.0),
        ("1E-3", 0.001),
        ("1e3", 1000.0),
        ("2.5E+2", 250.0),
        ("0.1", 0.1),
        ("-0.0", -0.0),
        ("3.141592653589793", 3.141592653589793),
        ("0.000001", 0.000001),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        ("5e-324", 5e-324),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("9007199254740993", 9007199254740992.0),
        ("18446744073709551615", 18446744073709551615.0),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0.30000000000000004", 0.30000000000000004),
        ("1e400", Double.infinity),
        ("-1e400", -Double.infinity),
        ("1e-400", 0.0),
        ("1e99999999999", Double.infinity),
    ])
    func numberParses(json: String, expected: Double) throws {
        let value = try JSONValue.parse(json)
        #expect(value == .number(expected))
        #expect(value.doubleValue?.sign == expected.sign)
    }

    @Test("numbers match Swift's own conversion")
    func numbersMatchSwiftConversion() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let integerDigits = Int.random(in: 1...20, using: &generator)
            let fractionDigits = Int.random(in: 0...20, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            text += String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<integerDigits {
                text += String(Int.random(in: 0...9, using: &generator))
            }
            if fractionDigits > 0 {
                text += "."
                for _ in 0..<fractionDigits {
                    text += String(Int.random(in: 0...9, using: &generator))
                }
            }
            if Bool.random(using: &generator) {
                text += "e" + String(Int.random(in: -340...310, using: &generator))
            }

            let value = try JSONValue.parse(text)
            #expect(value == .number(Double(text)!), "\(text)")
        }
    }

    @Test("invalid numbers are syntax errors", arguments: [
        ("[01]", "invalid number, leading zeros are not allowed"),
        ("[-01]", "invalid number, leading zeros are not allowed"),
        ("[-a]", "invalid number, expected a digit after '-'"),
        ("[1.]", "invalid number, expected a digit after the decimal point"),
        ("[1.e5]", "invalid number, expected a digit after the decimal point"),
        ("[1e]", "invalid number, expected a digit in the exponent"),
        ("[1e+]", "invalid number, expected a digit in the exponent"),
        ("[+1]", "expected a value, found '+'"),
        ("[.5]", "expected a value, found '.'"),
        ("[0x10]", "expected ',' or ']' after array element, found 'x'"),
        ("[NaN]", "expected a value, found 'N'"),
        ("[Infinity]", "expected a value, found 'I'"),
    ])
    func invalidNumber(json: String, message: String) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(syntaxMessage(error) == message)
    }

    @Test("numbers cut at the end of input end early", arguments: ["-", "1.", "1e", "1e-", "[-"])
    func cutNumber(json: String) {
        let (_, _, error) = parseBytes(Array(json.utf8))
        #expect(error == .unexpectedEnd(byteOffset: Int64(json.utf8.count), line: 1, elementIndex: 0))
    }

    @Test("intValue of parsed integers")
    func intValueOfIntegers() throws {
        #expect(try JSONValue.parse("1700000000123").intValue == 1_700_000_000_123)
        #expect(try JSONValue.parse("-42").intValue == -42)
        #expect(try JSONValue.parse("1.5").intValue == nil)
    }
}
