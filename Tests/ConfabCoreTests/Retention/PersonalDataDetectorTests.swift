import Testing
@testable import ConfabCore

/// The detectors, found and not found, on planted values.
@Suite struct PersonalDataDetectorTests {
    let detector = PersonalDataDetector()

    private func kinds(_ text: String) -> [FindingKind] {
        detector.findings(in: text).map(\.kind)
    }

    private func values(_ text: String) -> [String] {
        detector.findings(in: text).map(\.value)
    }

    @Test(arguments: [
        ("Mail me at jane.doe+test@example.co.uk tomorrow", "jane.doe+test@example.co.uk"),
        ("contact: ops@mail-server.example.org.", "ops@mail-server.example.org"),
    ])
    func emailFound(text: String, value: String) {
        #expect(values(text) == [value])
        #expect(kinds(text) == [.email])
    }

    @Test(arguments: [
        ("Call +44 20 7946 0958 now", "+44 20 7946 0958"),
        ("my cell is +1-415-555-0132.", "+1-415-555-0132"),
        ("office (415) 555-0199 ext", "(415) 555-0199"),
        ("+33612345678", "+33612345678"),
    ])
    func phoneFound(text: String, value: String) {
        #expect(values(text) == [value])
        #expect(kinds(text) == [.phone])
    }

    @Test(arguments: [
        "Card 4111 1111 1111 1111 exp 12/27",
        "card=5555-5555-5555-4444",
        "amex 378282246310005 please",
        "4242424242424242",
    ])
    func luhnValidCardFound(text: String) {
        #expect(kinds(text) == [.card])
    }

    @Test(arguments: [
        "order 4111 1111 1111 1112 is not a card",
        "id 1234567890123456",
        "timestamp 1700000000000 ms",
        "0000 0000 0000 0000",
    ])
    func numberThatIsNoCardIgnored(text: String) {
        #expect(!kinds(text).contains(.card))
    }

    @Test func luhnCheckDigits() {
        #expect(PersonalDataDetector.passesLuhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]))
        #expect(!PersonalDataDetector.passesLuhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]))
    }

    @Test(arguments: [
        ("server at 192.168.10.254 is down", "192.168.10.254"),
        ("ping 8.8.8.8", "8.8.8.8"),
        ("v6 2001:db8:85a3::8a2e:370:7334 here", "2001:db8:85a3::8a2e:370:7334"),
        ("loopback fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
    ])
    func ipAddressFound(text: String, value: String) {
        #expect(values(text) == [value])
        #expect(kinds(text) == [.ipAddress])
    }

    @Test(arguments: [
        "version 1.2.3 released",
        "use std::vector and a::b",
        "999.1.1.1 is no address",
        "at 10:30:45 we met",
    ])
    func lookalikeOfAddressIgnored(text: String) {
        #expect(!kinds(text).contains(.ipAddress))
    }

    @Test(arguments: [
        "export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789",
        "token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB",
        "aws AKIAIOSFODNN7EXAMPLE key",
        "slack xoxb-123456789012-abcdefghij",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345",
        "stripe sk_live_abcdefghijklmnop1234",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "-----BEGIN RSA PRIVATE KEY-----",
        "google AIzaSyA-abcdefghijklmnopqrstuvwxyz12345",
    ])
    func secretFound(text: String) {
        #expect(kinds(text) == [.secret])
    }

    @Test func plainProseHasNoFindings() {
        let text = "Refactor the parser so that version 2.10 handles 3 cases; see section 4.1.2 and call me at noon."
        #expect(detector.findings(in: text).isEmpty)
    }

    @Test func redactionReplacesEveryFinding() {
        let text = "Write to bob@example.com or +1 415 555 0100, card 4111111111111111, key sk-abcdefghijklmnopqrstuvwx."
        let redacted = detector.redact(text)
        #expect(redacted.text == "Write to [email] or [phone], card [card], key [secret].")
        #expect(redacted.findings.count == 4)
    }

    @Test func maskedFormsHideTheValue() {
        let findings = detector.findings(in: "bob@example.com 4111111111111111 sk-abcdefghijklmnopqrstuvwx")
        let masked = findings.map(PersonalDataDetector.masked)
        #expect(masked == ["b***@***.com", "************1111", "sk-a…(27 characters)"])
    }

    @Test func excerptMasksNeighbouringFindings() {
        let text = "Hello, reach me at alice@example.com or at carol@example.org if needed"
        let findings = detector.findings(in: text)
        let excerpt = PersonalDataDetector.excerpt(of: findings[0], in: text, among: findings, context: 30)
        #expect(!excerpt.contains("alice@"))
        #expect(!excerpt.contains("carol@"))
        #expect(excerpt.contains("a***@***.com"))
    }

    @Test func excerptLeavesOutFindingCutByEdge() {
        let text = "Write to someone.long@example.com and use key sk-abcdefghijklmnopqrstuvwxyz now"
        let findings = detector.findings(in: text)
        let excerpt = PersonalDataDetector.excerpt(of: findings[1], in: text, among: findings, context: 20)
        #expect(!excerpt.contains("example"), "\(excerpt)")
        #expect(excerpt.contains("[sk-a…(29 characters)]"))
    }
}
