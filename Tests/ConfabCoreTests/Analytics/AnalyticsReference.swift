import Foundation
@testable import ConfabCore

/// Figures computed with plain SQL over the base tables, written independently of the store's
/// analytics code, to compare reports with.
struct AnalyticsReference {
    struct Figures: Equatable, CustomStringConvertible {
        var conversations: Int
        var turns: Int
        var characters: Int
        var inputTokens: Int?
        var outputTokens: Int?
        var generationSeconds: Double?
        var regenerations: Int
        var errorTurns: Int
        var hiddenTurns: Int

        var description: String {
            "conversations \(conversations), turns \(turns), characters \(characters), input \(inputTokens.map(String.init) ?? "nil"), "
                + "output \(outputTokens.map(String.init) ?? "nil"), seconds \(generationSeconds.map { String($0) } ?? "nil"), "
                + "regenerations \(regenerations), errors \(errorTurns), hidden \(hiddenTurns)"
        }
    }

    let connection: Connection

    init(path: String) throws {
        connection = try Connection(path: path, mode: .readOnly)
    }

    /// The SQL expression of each grouping's key, as text that `key(of:)` produces for a row.
    static func groupExpression(_ grouping: AnalyticsGrouping) -> String {
        let time = "coalesce(t.created_at, c.created_at)"
        switch grouping {
        case .day: return "date(\(time), 'unixepoch')"
        case .week: return "date(\(time), 'unixepoch', '-6 days', 'weekday 1')"
        case .month: return "strftime('%Y-%m', \(time), 'unixepoch')"
        case .user: return "CAST(c.user_id AS TEXT)"
        case .model: return "coalesce(t.model, c.model)"
        case .source: return "c.source"
        }
    }

    /// The key a report row has in `groups`: the period's label (a week's Monday), the user id,
    /// the model or the source; "nil" for undated turns and unknown models.
    static func key(of row: AnalyticsRow, grouping: AnalyticsGrouping) -> String {
        switch row.key {
        case .period(let period):
            return grouping == .week ? AnalyticsPeriod.dayLabel(period.startDay) : period.label(for: grouping)
        case .user(let id): return String(id)
        case .model(let name): return name ?? "nil"
        case .source(let name): return name
        case .undated: return "nil"
        case .rest: return "rest"
        }
    }

    /// Figures per group of the turns that `condition` (SQL over `turns t` and `conversations c`) selects.
    func groups(_ grouping: AnalyticsGrouping, where condition: String) throws -> [String: Figures] {
        var result: [String: Figures] = [:]
        for (key, figures) in try rows(groupBy: Self.groupExpression(grouping), where: condition) {
            result[key ?? "nil"] = figures
        }
        return result
    }

    func total(where condition: String) throws -> Figures {
        try rows(groupBy: "'all'", where: condition).first?.1
            ?? Figures(conversations: 0, turns: 0, characters: 0, regenerations: 0, errorTurns: 0, hiddenTurns: 0)
    }

    private func rows(groupBy expression: String, where condition: String) throws -> [(String?, Figures)] {
        try connection.query("""
            SELECT \(expression) AS g, count(DISTINCT t.conversation_id), count(*), sum(length(t.text)),
                   sum(t.input_tokens), sum(t.output_tokens), sum(t.generation_seconds),
                   sum(t.role = 'assistant' AND t.branch_index > 0), sum(t.kind = 'error'), sum(t.kind = 'hidden')
            FROM turns t JOIN conversations c ON c.id = t.conversation_id
            WHERE \(condition)
            GROUP BY g
            """) { row in
            (row.optionalString(0), Figures(
                conversations: row.int(1), turns: row.int(2), characters: row.int(3), inputTokens: row.optionalInt(4),
                outputTokens: row.optionalInt(5), generationSeconds: row.optionalDouble(6), regenerations: row.int(7),
                errorTurns: row.int(8), hiddenTurns: row.int(9)))
        }
    }

    /// The nearest-rank percentile of a turn column over the selected turns that recorded it.
    func percentile(_ percent: Int, of column: String, where condition: String) throws -> Double? {
        let count = try connection.scalarInt("""
            SELECT count(t.\(column)) FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE \(condition)
            """) ?? 0
        guard count > 0 else { return nil }
        let rank = Int((Double(percent) / 100 * Double(count)).rounded(.up))
        return try connection.queryFirst("""
            SELECT t.\(column) FROM turns t JOIN conversations c ON c.id = t.conversation_id
            WHERE (\(condition)) AND t.\(column) IS NOT NULL ORDER BY t.\(column) LIMIT 1 OFFSET ?
            """, [rank - 1]) { $0.double(0) }
    }

    /// Selected turns per conversation, sorted.
    func turnsPerConversation(where condition: String) throws -> [Int] {
        try connection.query("""
            SELECT count(*) FROM turns t JOIN conversations c ON c.id = t.conversation_id WHERE \(condition)
            GROUP BY t.conversation_id ORDER BY 1
            """) { $0.int(0) }
    }

    /// Converts a report row's figures to the reference's shape.
    static func figures(of row: AnalyticsRow) -> Figures {
        let figures = row.figures
        return Figures(
            conversations: figures.conversations, turns: figures.turns, characters: figures.characters,
            inputTokens: figures.inputTokens, outputTokens: figures.outputTokens, generationSeconds: figures.generationSeconds,
            regenerations: figures.regenerations, errorTurns: figures.errorTurns, hiddenTurns: figures.hiddenTurns)
    }

    /// True when two figures agree, with REAL sums compared to a microsecond.
    static func agree(_ lhs: Figures, _ rhs: Figures) -> Bool {
        var left = lhs
        var right = rhs
        let seconds = (lhs.generationSeconds, rhs.generationSeconds)
        left.generationSeconds = nil
        right.generationSeconds = nil
        switch seconds {
        case (nil, nil): return left == right
        case let (a?, b?): return left == right && abs(a - b) < 1e-6
        default: return false
        }
    }
}
