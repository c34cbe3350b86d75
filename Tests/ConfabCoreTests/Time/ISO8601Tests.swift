import Foundation
import Testing
@testable import ConfabCore

@Suite struct ISO8601Tests {
    @Test(arguments: [
        (1_796_412_891.533, "2026-12-04T19:34:51.533Z"),
        (1_796_412_891, "2026-12-04T19:34:51.000Z"),
        (1_709_164_800, "2024-02-29T00:00:00.000Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.000Z"),
        (-0.0005, "1970-01-01T00:00:00.000Z"),
        (1_695_326_273.968528, "2023-09-21T19:57:53.969Z"),
        (1_695_326_273.9996, "2023-09-21T19:57:54.000Z"),
        (4_102_444_799.999, "2099-12-31T23:59:59.999Z"),
        (253_402_300_799, "9999-12-31T23:59:59.000Z"),
        (253_402_300_800, "+010000-01-01T00:00:00.000Z"),
        (-62_167_219_201, "-000001-12-31T23:59:59.000Z"),
    ])
    func formatsUTCWithMilliseconds(seconds: Double, expected: String) {
        #expect(ISO8601.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func formatThenParseRoundTrips() throws {
        var mismatches: [Double] = []
        var seconds = TimestampParser.plausibleRange.lowerBound + 0.123
        while seconds < TimestampParser.plausibleRange.upperBound {
            let text = ISO8601.format(Date(timeIntervalSince1970: seconds))
            let parsed = TimestampParser.parse(text)?.timeIntervalSince1970 ?? .nan
            if abs(parsed - seconds) > 1e-6 {
                mismatches.append(seconds)
            }
            seconds += 86_400 * 7 + 3_661.5
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}

@Suite struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0),
        (1969, 12, 31, -1),
        (2000, 3, 1, 11_017),
        (2000, 2, 29, 11_016),
        (1900, 3, 1, -25_508),
        (2024, 2, 29, 19_782),
        (0, 3, 1, -719_468),
        (-1, 12, 31, -719_529),
    ])
    func daysSinceEpoch(year: Int, month: Int, day: Int, expected: Int) {
        #expect(CivilDate(year: year, month: month, day: day).daysSinceEpoch == expected)
    }

    @Test func dayCountRoundTripsOverFourCenturies() {
        var mismatches: [Int] = []
        for days in -150_000...150_000 {
            let civil = CivilDate(daysSinceEpoch: days)
            if civil.daysSinceEpoch != days || !(1...CivilDate.daysInMonth(civil.month, year: civil.year)).contains(civil.day) {
                mismatches.append(days)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test(arguments: [(1900, false), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true)])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CivilDate.isLeapYear(year) == isLeap)
    }
}
