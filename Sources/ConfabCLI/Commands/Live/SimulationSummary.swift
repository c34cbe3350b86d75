import ConfabCore
import Foundation

/// The figures `confab simulate` prints.
struct SimulationSummary {
    var writers: Int
    var ratePerWriter: Int
    var seconds: Int
    var elapsedSeconds: Double
    var outcome: SimulationOutcome

    private func total(_ figure: (SimulationWriterReport) -> Int) -> Int {
        outcome.reports.reduce(0) { $0 + figure($1) }
    }

    var busyRetries: Int { total { $0.statistics.busyRetries } }
    var branchedTurns: Int { total { $0.statistics.branchedTurns } }
    var mergedEdits: Int { total { $0.statistics.mergedEdits } }
    var rejectedEdits: Int { total { $0.statistics.rejectedEdits } }
    var conflicts: Int { branchedTurns + mergedEdits + rejectedEdits }
    var edits: Int { total(\.edits) }
    var failures: Int { total(\.failures) }
    var turnsPerSecond: Double { elapsedSeconds > 0 ? Double(outcome.acknowledgedTurns) / elapsedSeconds : 0 }

    /// The append latency of the slowest writer, percentile by percentile.
    var worstAppendLatency: LatencySummary {
        let summaries = outcome.reports.map(\.appendLatency)
        return LatencySummary(
            p50: summaries.map(\.p50).max() ?? 0, p95: summaries.map(\.p95).max() ?? 0, p99: summaries.map(\.p99).max() ?? 0,
            max: summaries.map(\.max).max() ?? 0, samples: summaries.reduce(0) { $0 + $1.samples })
    }

    func json() -> JSONValue {
        JSONRecords.object([
            ("writers", JSONRecords.number(writers)),
            ("rate_per_writer", JSONRecords.number(ratePerWriter)),
            ("seconds", JSONRecords.number(seconds)),
            ("elapsed_seconds", .number(elapsedSeconds)),
            ("turns_written", JSONRecords.number(outcome.acknowledgedTurns)),
            ("turns_stored", JSONRecords.number(outcome.storedTurns)),
            ("lost_turns", JSONRecords.number(outcome.lostTurns)),
            ("turns_per_second", .number(turnsPerSecond)),
            ("edits", JSONRecords.number(edits)),
            ("busy_retries", JSONRecords.number(busyRetries)),
            ("conflicts", JSONRecords.number(conflicts)),
            ("branched_turns", JSONRecords.number(branchedTurns)),
            ("merged_edits", JSONRecords.number(mergedEdits)),
            ("rejected_edits", JSONRecords.number(rejectedEdits)),
            ("failed_operations", JSONRecords.number(failures)),
            ("failed_writers", .array(outcome.failedWriters.map { JSONRecords.number($0) })),
            ("messages", .array(outcome.messages.map(JSONValue.string))),
            ("append_latency_ms", SimulationJSON.latency(worstAppendLatency)),
            ("per_writer", .array(outcome.reports.map(SimulationJSON.writerReport))),
        ])
    }

    func text(charset: TerminalSanitizer.Options.Charset) -> String {
        let latency = worstAppendLatency
        var table = TextTable(columns: [.init(title: "figure"), .init(title: "value", alignRight: true)], charset: charset)
        table.append(["writers × rate", "\(writers) × \(ratePerWriter)/s for \(seconds) s"])
        table.append(["turns written (acknowledged)", ProgressBar.grouped(outcome.acknowledgedTurns)])
        table.append(["turns stored in the pool", ProgressBar.grouped(outcome.storedTurns)])
        table.append(["lost turns", ProgressBar.grouped(outcome.lostTurns)])
        table.append(["throughput", String(format: "%.0f turns/s", turnsPerSecond)])
        table.append(["edits", ProgressBar.grouped(edits)])
        table.append(["busy retries", ProgressBar.grouped(busyRetries)])
        table.append(["conflicts", "\(conflicts) (\(branchedTurns) branched, \(mergedEdits) merged, \(rejectedEdits) rejected)"])
        table.append(["append p50 / p99 / max", String(format: "%.2f / %.2f / %.2f ms", latency.p50, latency.p99, latency.max)])
        table.append(["failed operations", ProgressBar.grouped(failures)])
        var text = table.render()
        for message in outcome.messages {
            text += "Note: " + TerminalSanitizer.sanitize(message, options: .init(layout: .singleLine, charset: charset)) + "\n"
        }
        return text
    }
}
