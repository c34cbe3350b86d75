import Testing
@testable import ConfabCore

@Suite struct AnalyticsPeriodTests {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilDate(year: year, month: month, day: day).daysSinceEpoch
    }

    @Test(arguments: [
        (2026, 1, 1, "2026-W01", "2025-12-29"),
        (2024, 12, 30, "2025-W01", "2024-12-30"),
        (2021, 1, 3, "2020-W53", "2020-12-28"),
        (2026, 5, 3, "2026-W18", "2026-04-27"),
        (1970, 1, 1, "1970-W01", "1969-12-29"),
        (1969, 12, 28, "1969-W52", "1969-12-22"),
    ])
    func isoWeekLabels(year: Int, month: Int, dayOfMonth: Int, label: String, monday: String) throws {
        let period = try #require(AnalyticsPeriod.containing(day: day(year, month, dayOfMonth), grouping: .week))
        #expect(period.label(for: .week) == label)
        #expect(AnalyticsPeriod.dayLabel(period.startDay) == monday)
        #expect(period.endDay - period.startDay == 7)
    }

    @Test func monthSpansItsDays() throws {
        let period = try #require(AnalyticsPeriod.containing(day: day(2024, 2, 17), grouping: .month))
        #expect(period.label(for: .month) == "2024-02")
        #expect(period.startDay == day(2024, 2, 1))
        #expect(period.endDay == day(2024, 3, 1))
    }

    @Test func nearestRankPercentiles() throws {
        var values: [Double] = [15, 20, 35, 40, 50]
        let percentiles = try #require(AnalyticsPercentiles.of(&values))
        #expect(percentiles.p50 == 35)
        #expect(percentiles.p90 == 50)
        #expect(percentiles.p99 == 50)
        #expect(percentiles.maximum == 50)
        var one: [Double] = [7]
        #expect(AnalyticsPercentiles.of(&one)?.p50 == 7)
        var none: [Double] = []
        #expect(AnalyticsPercentiles.of(&none) == nil)
    }

    @Test func distributionBucketsArePowersOfTwo() {
        let distribution = AnalyticsDistribution.of([1, 2, 3, 4, 9, 9, 16])
        #expect(distribution.buckets.map(\.lowerBound) == [1, 2, 4, 8, 16])
        #expect(distribution.buckets.map(\.upperBound) == [1, 3, 7, 15, 31])
        #expect(distribution.buckets.map(\.conversations) == [1, 2, 1, 2, 1])
    }
}
