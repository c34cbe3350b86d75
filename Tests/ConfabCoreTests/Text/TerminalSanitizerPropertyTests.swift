import Testing
@testable import ConfabCore

@Suite struct TerminalSanitizerPropertyTests {
    private static let sampleCount = 5_000

    private static let allOptions: [TerminalSanitizer.Options] = [
        .init(layout: .singleLine),
        .init(layout: .multiLine),
        .init(layout: .singleLine, charset: .ascii),
        .init(layout: .multiLine, charset: .ascii),
        .init(layout: .singleLine, escapeSequences: .removed),
        .init(layout: .multiLine, escapeSequences: .removed),
    ]

    private static let bidiControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// Returns the first scalar of `output` that the options forbid, described for the message.
    private static func forbiddenScalar(in output: String, options: TerminalSanitizer.Options) -> String? {
        for scalar in output.unicodeScalars {
            let value = scalar.value
            let isAllowedLineBreak = value == 0x0A && options.layout == .multiLine
            let isForbidden = (value < 0x20 && !isAllowedLineBreak)
                || (0x7F...0x9F).contains(value)
                || bidiControls.contains(value)
                || value == 0x2028 || value == 0x2029
                || (options.charset == .ascii && !scalar.isASCII)
            if isForbidden {
                return "U+\(String(value, radix: 16, uppercase: true))"
            }
        }
        return nil
    }

    @Test(arguments: allOptions.indices)
    func outputHasNoForbiddenScalars(optionsIndex: Int) {
        let options = Self.allOptions[optionsIndex]
        var generator = SeededGenerator(seed: 0x5EED_0000 + UInt64(optionsIndex))
        var failures: [String] = []

        for _ in 0..<Self.sampleCount {
            let input = HostileStringGenerator.makeString(using: &generator)
            let output = TerminalSanitizer.sanitize(input, options: options)
            if let scalar = Self.forbiddenScalar(in: output, options: options) {
                failures.append("\(scalar) in output for input \(input.unicodeScalars.map { $0.value })")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }

    @Test(arguments: allOptions.indices)
    func sanitizingTwiceChangesNothing(optionsIndex: Int) {
        let options = Self.allOptions[optionsIndex]
        var generator = SeededGenerator(seed: 0xA11CE + UInt64(optionsIndex))
        var failures: [String] = []

        for _ in 0..<Self.sampleCount {
            let input = HostileStringGenerator.makeString(using: &generator)
            let once = TerminalSanitizer.sanitize(input, options: options)
            if TerminalSanitizer.sanitize(once, options: options) != once {
                failures.append("input \(input.unicodeScalars.map { $0.value })")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }

    @Test func singleLineHasNoOuterOrDoubleSpaces() {
        var generator = SeededGenerator(seed: 0xC0FFEE)
        var failures: [String] = []

        for _ in 0..<Self.sampleCount {
            let input = HostileStringGenerator.makeString(using: &generator)
            let output = TerminalSanitizer.sanitize(input, options: .singleLine)
            if output.hasPrefix(" ") || output.hasSuffix(" ") || output.contains("  ") {
                failures.append("input \(input.unicodeScalars.map { $0.value })")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(3))")
    }
}
