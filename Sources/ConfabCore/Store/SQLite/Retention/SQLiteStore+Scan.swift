import Foundation

extension SQLiteStore {
    public func scan(_ query: SearchQuery?, limit: Int, detector: PersonalDataDetector) throws -> ScanReport {
        let selection = query.map(RetentionSelection.init)
        let statement = try connection.prepare(
            """
            SELECT t.id, t.text, c.id, c.title, u.id, u.name
            FROM conversations c JOIN users u ON u.id = c.user_id JOIN turns t ON t.conversation_id = c.id
            WHERE \(selection?.condition ?? "1") ORDER BY c.id, t.id
            """)
        try statement.bind(selection?.values ?? [])
        defer { statement.reset() }

        var findings: [ScanFinding] = []
        var turnsScanned = 0
        while try statement.step() {
            turnsScanned += 1
            let text = statement.string(1)
            let found = detector.findings(in: text)
            for finding in found {
                guard findings.count < limit else {
                    return ScanReport(findings: findings, turnsScanned: turnsScanned, isTruncated: true)
                }
                findings.append(ScanFinding(
                    userID: statement.int64(4), userName: statement.string(5), conversationID: statement.int64(2),
                    conversationTitle: statement.optionalString(3), turnID: statement.int64(0), kind: finding.kind,
                    excerpt: PersonalDataDetector.excerpt(of: finding, in: text, among: found)))
            }
        }
        return ScanReport(findings: findings, turnsScanned: turnsScanned, isTruncated: false)
    }
}
