import Foundation
import Testing
@testable import ConfabCore

/// Expected values were computed independently with Python's `datetime.fromisoformat` and
/// `timestamp()`, treating a missing offset as UTC.
@Suite struct TimestampParserTests {
    /// Microseconds must survive, so parsed values may differ from the expected ones only by
    /// rounding in the last bits of a Double.
    private static let tolerance = 1e-6

    @Test(arguments: [
        ("2026-12-04T19:34:51Z", 1_796_412_891.0),
        ("2026-12-04T19:34:51.533Z", 1_796_412_891.533),
        ("2026-12-04t19:34:51z", 1_796_412_891.0),
        ("2026-12-04 19:34:51", 1_796_412_891.0),
        ("2026-12-04T19:34:51", 1_796_412_891.0),
        ("2026-12-04T19:34", 1_796_412_840.0),
        ("2023-09-21T19:57:53.968528+00:00", 1_695_326_273.968528),
        ("2023-09-21 19:57:53.968528", 1_695_326_273.968528),
        ("2023-09-21T19:57:53,968528Z", 1_695_326_273.968528),
        ("2024-02-29T12:00:00+05:30", 1_709_188_200.0),
        ("2024-02-29T12:00:00+0530", 1_709_188_200.0),
        ("2024-02-29T17:00:00+05", 1_709_208_000.0),
        ("2024-02-29T12:00:00-08:00", 1_709_236_800.0),
        ("2024-02-29T12:00:00 +00:00", 1_709_208_000.0),
        ("2024-03-01T00:30:00+01:00", 1_709_249_400.0),
        ("2024-12-31T23:00:00-01:00", 1_735_689_600.0),
        ("2024-02-29", 1_709_164_800.0),
        ("2000-02-29", 951_782_400.0),
        ("2100-01-01T00:00:00+01:00", 4_102_441_200.0),
        ("1990-01-01", 631_152_000.0),
        ("2099-12-31T23:59:59", 4_102_444_799.0),
        ("1999-12-31T23:59:59.999999999Z", 946_684_799.999999999),
        ("2023-09-21T19:57:53.1234567890123Z", 1_695_326_273.123456789),
        ("  2024-02-29T12:00:00Z\n", 1_709_208_000.0),
    ])
    func isoStringParsesToEpoch(input: String, expected: Double) throws {
        let date = try #require(TimestampParser.parse(input))
        #expect(abs(date.timeIntervalSince1970 - expected) < Self.tolerance)
    }

    @Test(arguments: [
        ("1695326273.968528", 1_695_326_273.968528),
        ("1695326273", 1_695_326_273.0),
        ("1695326273968", 1_695_326_273.968),
        ("1695326273968528", 1_695_326_273.968528),
        ("1695326273968528000", 1_695_326_273.968528),
        (" 1695326273 ", 1_695_326_273.0),
        ("1695326273.", 1_695_326_273.0),
    ])
    func numericStringParsesToEpoch(input: String, expected: Double) throws {
        let date = try #require(TimestampParser.parse(input))
        #expect(abs(date.timeIntervalSince1970 - expected) < Self.tolerance)
    }

    @Test(arguments: [
        (1_695_326_273.968528, 1_695_326_273.968528),
        (1_695_326_273, 1_695_326_273),
        (1_695_326_273_968, 1_695_326_273.968),
        (1_695_326_273_968_528, 1_695_326_273.968528),
        (1.695326273968528e18, 1_695_326_273.968528),
        (631_152_000, 631_152_000),
        (4_102_444_799, 4_102_444_799),
    ])
    func numberScalesByMagnitude(input: Double, expected: Double) throws {
        let date = try #require(TimestampParser.parse(input))
        #expect(abs(date.timeIntervalSince1970 - expected) < Self.tolerance)
    }

    @Test func integerEpochSeconds() throws {
        let date = try #require(TimestampParser.parse(1_695_326_273))
        #expect(date.timeIntervalSince1970 == 1_695_326_273)
    }

    @Test(arguments: [
        "", "   ", "null", "None", "garbage", "NaN", "nan", "inf", "-inf", "infinity",
        "0", "-1", "-1695326273", "+1695326273", "1e9", "1695326273.5.1", ".", "0x1p30",
        "1695326273 seconds", "12345678901234567890123",
        "2023-13-01", "2023-00-10", "2023-02-29", "2024-02-30", "2023-04-31", "2023-01-00",
        "2023-1-5", "23-01-05", "2023/01/05", "2023-01-05T", "2023-01-05T24:00:00",
        "2023-01-05T12:60:00", "2023-01-05T12:00:60", "2023-01-05T12", "2023-01-05T12:00:00.",
        "2023-01-05T12:00:00+24:00", "2023-01-05T12:00:00+05:60", "2023-01-05T12:00:00+5",
        "2023-01-05T12:00:00+05:", "2023-01-05T12:00:00 UTC", "2023-01-05T12:00:00Zjunk",
        "2023-01-05Z", "2023-01-05 12:00:00 +", "1970-01-01T00:00:00Z", "1989-12-31T23:59:59Z",
        "2100-01-01T00:00:00Z", "9999-12-31", "0000-01-01",
    ])
    func rejectedStringReturnsNil(input: String) {
        #expect(TimestampParser.parse(input) == nil)
    }

    @Test(arguments: [
        0.0, -1.0, -1_695_326_273.0, Double.nan, Double.infinity, -Double.infinity,
        631_151_999.0, 4_102_444_800.0, 99_999_999_999.0, 100_000_000_000.0, 1e25,
    ])
    func rejectedNumberReturnsNil(input: Double) {
        #expect(TimestampParser.parse(input) == nil)
    }

    @Test func jsonValueOverload() throws {
        let fromNumber = try #require(TimestampParser.parse(JSONValue.number(1_695_326_273_968)))
        let fromString = try #require(TimestampParser.parse(JSONValue.string("2023-09-21T19:57:53.968Z")))

        #expect(abs(fromNumber.timeIntervalSince1970 - 1_695_326_273.968) < Self.tolerance)
        #expect(abs(fromString.timeIntervalSince1970 - 1_695_326_273.968) < Self.tolerance)
        #expect(TimestampParser.parse(JSONValue.null) == nil)
        #expect(TimestampParser.parse(JSONValue.bool(true)) == nil)
        #expect(TimestampParser.parse(JSONValue.array([.number(1_695_326_273)])) == nil)
        #expect(TimestampParser.parse(JSONValue.string("null")) == nil)
    }

    @Test func agreesWithFoundationOverEveryDay() throws {
        // One instant on every day from 1990 to 2099, checked against Foundation's formatter.
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var mismatches: [String] = []
        var seconds = TimestampParser.plausibleRange.lowerBound + 45_296
        while seconds < TimestampParser.plausibleRange.upperBound {
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            if TimestampParser.parse(text)?.timeIntervalSince1970 != seconds {
                mismatches.append(text)
            }
            seconds += 86_400
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}
