import ConfabCore
import Foundation

/// The JSON, CSV and table forms of an analytics report.
///
/// JSON and CSV carry the same fields under the same names; unknown figures are `null` in JSON
/// and empty cells in CSV. The table shows the main figures for reading in a terminal.
enum AnalyticsOutput {
    static func render(_ report: AnalyticsReport, view: AnalyticsCommand.AnalyticsView, format: String,
                       context: CommandContext) -> String {
        let records: [[(String, JSONValue)]]
        switch view {
        case .groups: records = report.rows.map { groupRecord($0, grouping: report.grouping) }
        case .lengths: records = lengthRecords(report)
        case .growth: records = report.growth.map(growthRecord)
        }
        switch format {
        case "json":
            return JSONRecords.array(records.map(JSONRecords.object))
        case "csv":
            return csv(records, columns: columns(of: view))
        default:
            return table(report, view: view, records: records, context: context)
        }
    }

    // MARK: Records

    static func groupRecord(_ row: AnalyticsRow, grouping: AnalyticsGrouping) -> [(String, JSONValue)] {
        let figures = row.figures
        var period: AnalyticsPeriod?
        var userID: Int64?
        var restGroups: Int?
        switch row.key {
        case .period(let value): period = value
        case .user(let id): userID = id
        case .rest(let count): restGroups = count
        case .model, .source, .undated: break
        }
        var members: [(String, JSONValue)] = [
            ("group", JSONRecords.string(row.label)),
            ("period_start", JSONRecords.string(period.map { AnalyticsPeriod.dayLabel($0.startDay) })),
            ("period_end", JSONRecords.string(period.map { AnalyticsPeriod.dayLabel($0.endDay - 1) })),
            ("user_id", userID.map(JSONRecords.number) ?? .null),
            ("rest_groups", JSONRecords.number(restGroups)),
            ("conversations", JSONRecords.number(figures.conversations)),
            ("turns", JSONRecords.number(figures.turns)),
            ("characters", JSONRecords.number(figures.characters)),
            ("user_turns", JSONRecords.number(figures.userTurns)),
            ("assistant_turns", JSONRecords.number(figures.assistantTurns)),
            ("system_turns", JSONRecords.number(figures.systemTurns)),
            ("tool_role_turns", JSONRecords.number(figures.toolRoleTurns)),
            ("message_turns", JSONRecords.number(figures.messageTurns)),
            ("hidden_turns", JSONRecords.number(figures.hiddenTurns)),
            ("tool_turns", JSONRecords.number(figures.toolTurns)),
            ("reasoning_turns", JSONRecords.number(figures.reasoningTurns)),
            ("error_turns", JSONRecords.number(figures.errorTurns)),
            ("regenerations", JSONRecords.number(figures.regenerations)),
            ("edits", JSONRecords.number(figures.edits)),
            ("branched_conversations", JSONRecords.number(figures.branchedConversations)),
            ("regeneration_rate", number(figures.regenerationRate)),
            ("hidden_and_tool_share", number(figures.hiddenAndToolShare)),
            ("input_tokens", JSONRecords.number(figures.inputTokens)),
            ("input_token_turns", JSONRecords.number(figures.inputTokenTurns)),
            ("output_tokens", JSONRecords.number(figures.outputTokens)),
            ("output_token_turns", JSONRecords.number(figures.outputTokenTurns)),
            ("generation_seconds", number(figures.generationSeconds)),
            ("generation_turns", JSONRecords.number(figures.generationTurns)),
        ]
        let percentiles: [(String, AnalyticsPercentiles?)] = [
            ("input_tokens", row.measures?.inputTokens),
            ("output_tokens", row.measures?.outputTokens),
            ("generation_seconds", row.measures?.generationSeconds),
        ]
        for (name, values) in percentiles {
            members.append(("\(name)_p50", number(values?.p50)))
            members.append(("\(name)_p90", number(values?.p90)))
            members.append(("\(name)_p99", number(values?.p99)))
        }
        return members
    }

    static func lengthRecords(_ report: AnalyticsReport) -> [[(String, JSONValue)]] {
        let distributions = [("turns", report.turnsPerConversation), ("characters", report.charactersPerConversation)]
        return distributions.flatMap { measure, distribution in
            distribution.buckets.map { bucket in
                [
                    ("measure", .string(measure)),
                    ("group", .string(bucket.lowerBound == bucket.upperBound ? "\(bucket.lowerBound)" : "\(bucket.lowerBound)-\(bucket.upperBound)")),
                    ("lower_bound", JSONRecords.number(bucket.lowerBound)),
                    ("upper_bound", JSONRecords.number(bucket.upperBound)),
                    ("conversations", JSONRecords.number(bucket.conversations)),
                    ("p50", number(distribution.percentiles?.p50)),
                    ("p90", number(distribution.percentiles?.p90)),
                    ("p99", number(distribution.percentiles?.p99)),
                ]
            }
        }
    }

    static func growthRecord(_ row: AnalyticsGrowthRow) -> [(String, JSONValue)] {
        [
            ("group", JSONRecords.string(row.label)),
            ("source", .string(row.source)),
            ("new_conversations", JSONRecords.number(row.newConversations)),
            ("turns", JSONRecords.number(row.turns)),
            ("characters", JSONRecords.number(row.characters)),
            ("cumulative_conversations", JSONRecords.number(row.cumulativeConversations)),
            ("cumulative_turns", JSONRecords.number(row.cumulativeTurns)),
        ]
    }

    private static func number(_ value: Double?) -> JSONValue {
        value.map(JSONValue.number) ?? .null
    }

    private static func columns(of view: AnalyticsCommand.AnalyticsView) -> [String] {
        let empty = AnalyticsFigures()
        switch view {
        case .groups:
            let row = AnalyticsRow(key: .undated, label: nil, figures: empty)
            return groupRecord(row, grouping: .month).map(\.0)
        case .lengths:
            return ["measure", "group", "lower_bound", "upper_bound", "conversations", "p50", "p90", "p99"]
        case .growth:
            return ["group", "source", "new_conversations", "turns", "characters", "cumulative_conversations", "cumulative_turns"]
        }
    }

    // MARK: CSV

    /// RFC 4180 CSV with a header row; numbers as JSON writes them, unknown values empty.
    static func csv(_ records: [[(String, JSONValue)]], columns: [String]) -> String {
        var lines = [columns.map(csvField).joined(separator: ",")]
        for record in records {
            let values = Dictionary(record, uniquingKeysWith: { first, _ in first })
            lines.append(columns.map { column -> String in
                switch values[column] ?? .null {
                case .null: return ""
                case .string(let text): return csvField(text)
                case let other: return other.serialized()
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvField(_ text: String) -> String {
        // A text cell that starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe,
        // so that a user name such as =HYPERLINK(…) stays text when a spreadsheet opens the file.
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Table

    private static func table(_ report: AnalyticsReport, view: AnalyticsCommand.AnalyticsView,
                              records: [[(String, JSONValue)]], context: CommandContext) -> String {
        let shown: [(title: String, field: String)]
        switch view {
        case .groups:
            shown = [("conversations", "conversations"), ("turns", "turns"), ("characters", "characters"),
                     ("input tokens", "input_tokens"), ("output tokens", "output_tokens"),
                     ("output p50", "output_tokens_p50"), ("output p90", "output_tokens_p90"),
                     ("generation s", "generation_seconds"), ("gen. p50 s", "generation_seconds_p50"),
                     ("gen. p90 s", "generation_seconds_p90"), ("regenerated", "regenerations"), ("errors", "error_turns"),
                     ("hidden+tool", "hidden_and_tool_share")]
        case .lengths:
            shown = [("measure", "measure"), ("conversations", "conversations")]
        case .growth:
            shown = [("source", "source"), ("new conversations", "new_conversations"), ("turns", "turns"),
                     ("total conversations", "cumulative_conversations"), ("total turns", "cumulative_turns")]
        }
        let groupTitle = view == .groups ? report.grouping.rawValue : (view == .lengths ? "per conversation" : "period")
        var columns = [TextTable.Column(title: groupTitle, maxWidth: 40)]
        columns += shown.map { TextTable.Column(title: $0.title, alignRight: $0.field != "measure" && $0.field != "source") }
        var table = TextTable(columns: columns, charset: context.charset)

        for record in records {
            let values = Dictionary(record, uniquingKeysWith: { first, _ in first })
            let group = values["group"].flatMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            } ?? (view == .groups && report.grouping.isPeriod ? "(no time)" : "(unknown)")
            table.append([group] + shown.map { cell(values[$0.field] ?? .null, field: $0.field) })
        }
        if view == .groups {
            let total = Dictionary(groupRecord(report.total, grouping: report.grouping), uniquingKeysWith: { first, _ in first })
            table.append(["total"] + shown.map { cell(total[$0.field] ?? .null, field: $0.field) })
        }

        var output = table.render()
        if case .scan(let reason) = report.method {
            output += "Computed from the turns because \(reason).\n"
        }
        return output
    }

    private static func cell(_ value: JSONValue, field: String) -> String {
        switch value {
        case .null:
            return "-"
        case .string(let text):
            return text
        case .number(let number):
            if field.hasSuffix("_share") {
                return String(format: "%.1f%%", number * 100)
            }
            if field.contains("seconds") {
                return String(format: "%.1f", number)
            }
            return ProgressBar.grouped(Int(number.rounded()))
        default:
            return value.serialized()
        }
    }
}
