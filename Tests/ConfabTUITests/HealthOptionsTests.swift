import Testing
@testable import ConfabTUI

@Suite struct HealthOptionsTests {
    @Test func thresholdsRead() {
        let (options, problems) = HealthOptions.parse("# colours\ngreen-below-ms = 5\nred-above-ms = 50\n", file: "health.conf")
        #expect(problems.isEmpty)
        #expect(options.greenBelowMilliseconds == 5)
        #expect(options.redAboveMilliseconds == 50)
        #expect(options.element(forMilliseconds: 4) == .roleUser)
        #expect(options.element(forMilliseconds: 20) == .warning)
        #expect(options.element(forMilliseconds: 51) == .error)
    }

    @Test func defaults() {
        let options = HealthOptions()
        #expect(options.element(forMilliseconds: 9.9) == .roleUser)
        #expect(options.element(forMilliseconds: 100) == .warning)
        #expect(options.element(forMilliseconds: 100.1) == .error)
    }

    @Test func problemsNameFileAndLine() {
        let (options, problems) = HealthOptions.parse("green-below-ms = fast\nbogus = 3\n", file: "/cfg/health.conf")
        #expect(problems.map(\.description) == [
            "/cfg/health.conf:1: expected one number of milliseconds for 'green-below-ms'",
            "/cfg/health.conf:2: unknown setting 'bogus'; known: green-below-ms, red-above-ms",
        ])
        #expect(options.greenBelowMilliseconds == 10)
    }

    @Test func invertedThresholdsRejected() {
        let (options, problems) = HealthOptions.parse("green-below-ms = 200\nred-above-ms = 100\n", file: "h.conf")
        #expect(problems.count == 1)
        #expect(options.redAboveMilliseconds == 100)
        #expect(options.greenBelowMilliseconds == 10)
    }
}
