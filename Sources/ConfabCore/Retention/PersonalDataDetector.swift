import Foundation

/// A kind of personal data or secret that the detectors find in turn text.
public enum FindingKind: String, Sendable, CaseIterable, Equatable {
    case email
    case phone
    case card
    case ipAddress = "ip"
    case secret

    /// The text that replaces a finding when it is redacted.
    public var redactionMark: String { "[\(rawValue)]" }
}

/// One match in a text: its kind and where it is.
public struct Finding: Sendable, Equatable {
    public var kind: FindingKind
    public var range: Range<String.Index>
    public var value: String
}

/// Finds e-mail addresses, phone numbers, payment card numbers, IP addresses, API keys and tokens.
///
/// What it does not find is listed in docs/retention.md: names, postal addresses, national id
/// numbers, phone numbers written without a leading `+` or the North American `(555) 123-4567`
/// shape, and secrets of shapes not listed in `secretPatterns`.
public struct PersonalDataDetector: Sendable {
    private struct Pattern: @unchecked Sendable {
        // `@unchecked Sendable`: NSRegularExpression is immutable after creation and documented
        // as safe to use from several threads.
        let kind: FindingKind
        let expression: NSRegularExpression
        let accept: @Sendable (String) -> Bool
    }

    private let patterns: [Pattern]

    /// Key and token shapes of common services, most specific first.
    static let secretPatterns = [
        #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#,
        #"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"#,
        #"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"#,
        #"\bgh[pousr]_[A-Za-z0-9]{36,}"#,
        #"\bgithub_pat_[A-Za-z0-9_]{22,}"#,
        #"\bglpat-[A-Za-z0-9_\-]{20,}"#,
        #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#,
        #"\bAIza[0-9A-Za-z_\-]{35}"#,
        #"\bxox[abprs]-[A-Za-z0-9\-]{10,}"#,
        #"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#,
        #"\b[Bb]earer\s+[A-Za-z0-9._~+/\-]{20,}=*"#,
    ]

    public init() {
        func make(_ kind: FindingKind, _ pattern: String, accept: @escaping @Sendable (String) -> Bool = { _ in true }) -> Pattern {
            // The patterns are constants checked by the tests, so a failure here is a programming error.
            let expression = try! NSRegularExpression(pattern: pattern)
            return Pattern(kind: kind, expression: expression, accept: accept)
        }

        var patterns = PersonalDataDetector.secretPatterns.map { make(.secret, $0) }
        patterns.append(make(.email, #"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b"#))
        patterns.append(make(.card, #"(?<![\d.\-])(?:\d[ \-]?){12,18}\d(?![\d.])"#, accept: PersonalDataDetector.isCardNumber))
        patterns.append(make(.ipAddress, #"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)"#))
        patterns.append(make(.ipAddress, #"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])"#,
                             accept: PersonalDataDetector.isIPv6Address))
        patterns.append(make(.phone, #"(?<![\w+])\+\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){1,4}(?!\d)"#,
                             accept: { PersonalDataDetector.digitCount($0) >= 8 && PersonalDataDetector.digitCount($0) <= 15 }))
        patterns.append(make(.phone, #"(?<![\w+])\(\d{3}\)[ .\-]?\d{3}[ .\-]\d{4}(?!\d)"#))
        self.patterns = patterns
    }

    /// Returns the findings in `text` in text order. Where two matches overlap, the one found by
    /// the earlier pattern wins: secrets before e-mail addresses before numbers.
    public func findings(in text: String) -> [Finding] {
        guard text.utf8.count >= 7 else { return [] }
        var found: [Finding] = []
        let whole = NSRange(text.startIndex..., in: text)
        for pattern in patterns {
            for match in pattern.expression.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let value = String(text[range])
                guard pattern.accept(value) else { continue }
                if found.contains(where: { $0.range.overlaps(range) }) {
                    continue
                }
                found.append(Finding(kind: pattern.kind, range: range, value: value))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Returns `text` with every finding replaced by its redaction mark, and the findings.
    public func redact(_ text: String) -> (text: String, findings: [Finding]) {
        let found = findings(in: text)
        guard !found.isEmpty else { return (text, []) }
        var result = ""
        var position = text.startIndex
        for finding in found {
            result += text[position..<finding.range.lowerBound]
            result += finding.kind.redactionMark
            position = finding.range.upperBound
        }
        result += text[position...]
        return (result, found)
    }

    // MARK: Validation

    static func digitCount(_ text: String) -> Int {
        text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
    }

    /// Returns true for 13 to 19 digits that pass the Luhn check and start like a card of a major
    /// network. The prefixes are Visa 4, Mastercard 51–55 and 22–27, American Express 34 and 37,
    /// Discover and UnionPay 6, JCB 35 and Diners 30, 36 and 38.
    static func isCardNumber(_ text: String) -> Bool {
        let digits = text.unicodeScalars.compactMap { scalar -> Int? in
            ("0"..."9").contains(scalar) ? Int(scalar.value - 48) : nil
        }
        guard (13...19).contains(digits.count) else { return false }
        guard let first = digits.first, [2, 3, 4, 5, 6].contains(first) else { return false }
        if first == 5 && !(1...5).contains(digits[1]) { return false }
        if first == 2 && !(2...7).contains(digits[1]) { return false }
        if first == 3 && ![0, 4, 5, 6, 7, 8].contains(digits[1]) { return false }
        return passesLuhn(digits)
    }

    /// Returns true when the digits pass the Luhn (mod 10) check: with every second digit from the
    /// right doubled (less 9 when above 9), the sum is a multiple of 10.
    public static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// True for a full IPv6 address (eight groups) or one shortened with a single `::`, with at
    /// least three groups and a digit, so `a::b` or `std::` in code and `10:30:45` are not addresses.
    static func isIPv6Address(_ text: String) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let groups = halves.flatMap { $0.split(separator: ":", omittingEmptySubsequences: false) }.filter { !$0.isEmpty }
        let hasEmptyGroup = halves.contains { $0.split(separator: ":", omittingEmptySubsequences: false).dropFirst().contains { $0.isEmpty } }
            || halves.contains { !$0.isEmpty && ($0.hasPrefix(":") || $0.hasSuffix(":")) }
        guard !hasEmptyGroup, groups.allSatisfy({ $0.count <= 4 }), groups.count >= 3 else { return false }
        guard text.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        return halves.count == 2 ? groups.count <= 7 : groups.count == 8
    }

    // MARK: Masking

    /// Returns a form of a finding that is safe to show: enough to recognise it, not enough to use it.
    public static func masked(_ finding: Finding) -> String {
        let value = finding.value
        switch finding.kind {
        case .email:
            let parts = value.split(separator: "@", maxSplits: 1)
            let local = parts.first.map { String($0.prefix(1)) + "***" } ?? "***"
            let domain = parts.count > 1 ? parts[1] : ""
            let topLevel = domain.split(separator: ".").last.map { "." + $0 } ?? ""
            return local + "@***" + topLevel
        case .card, .phone:
            let digits = value.filter { $0.isASCII && $0.isNumber }
            return String(repeating: "*", count: max(0, digits.count - 4)) + digits.suffix(4)
        case .ipAddress:
            let separator: Character = value.contains(":") ? ":" : "."
            let first = value.split(separator: separator).first.map(String.init) ?? ""
            return first + String(separator) + "***"
        case .secret:
            return String(value.prefix(4)) + "…(\(value.count) characters)"
        }
    }

    /// Up to `context` characters either side of the finding, with every finding in that window
    /// masked, for a report line. A finding cut by the window's edge is left out entirely.
    public static func excerpt(of finding: Finding, in text: String, among findings: [Finding], context: Int = 24) -> String {
        var start = text.index(finding.range.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        var end = text.index(finding.range.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
        for other in findings where other.range != finding.range {
            if other.range.contains(start) || (other.range.lowerBound < start && other.range.upperBound > start) {
                start = other.range.upperBound
            }
            if other.range.lowerBound < end && other.range.upperBound > end {
                end = other.range.lowerBound
            }
        }

        var result = start > text.startIndex ? "…" : ""
        var position = start
        for other in findings where other.range.lowerBound >= start && other.range.upperBound <= end {
            result += text[position..<other.range.lowerBound]
            result += "[" + masked(other) + "]"
            position = other.range.upperBound
        }
        result += text[position..<end]
        if end < text.endIndex {
            result += "…"
        }
        return result
    }
}
