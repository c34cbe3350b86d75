import ConfabCore
import Foundation

/// The reports of one simulation's writers, checked against the store.
struct SimulationOutcome {
    var reports: [SimulationWriterReport] = []
    var failedWriters: [Int] = []
    var messages: [String] = []
    /// Turns whose commit a writer acknowledged (from the acknowledgement logs, so a writer that
    /// died still counts what it acknowledged).
    var acknowledgedTurns = 0
    var lostTurns = 0
    /// Turns stored in the pool's conversations, acknowledged or not.
    var storedTurns = 0
}

enum SimulationAudit {
    static func collect(
        writers: [(index: Int, status: Int32, signal: Int32?, reportPath: String, errorPath: String, ackPath: String)],
        pool: [Int64], store: some WriteAudit
    ) throws -> SimulationOutcome {
        var outcome = SimulationOutcome()
        var acknowledged: [Int64] = []
        for writer in writers {
            let ackText = (try? String(contentsOfFile: writer.ackPath, encoding: .utf8)) ?? ""
            acknowledged += ackText.split(separator: "\n").compactMap { Int64($0) }

            let reportText = (try? String(contentsOfFile: writer.reportPath, encoding: .utf8)) ?? ""
            let report = (try? JSONValue.parse(reportText)).flatMap(SimulationJSON.parseWriterReport)
            if let report {
                outcome.reports.append(report)
                outcome.messages += report.failureMessages.map { "writer \(writer.index): \($0)" }
            }
            if writer.status != 0 || report == nil {
                outcome.failedWriters.append(writer.index)
                let errorText = ((try? String(contentsOfFile: writer.errorPath, encoding: .utf8)) ?? "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let ending = writer.signal.map { "was killed by signal \($0)" } ?? "exited with status \(writer.status)"
                outcome.messages.append("writer \(writer.index) \(ending)" + (errorText.isEmpty ? "" : ": " + errorText))
            }
        }

        outcome.acknowledgedTurns = acknowledged.count
        let stored = try store.storedTurnIDs(among: acknowledged)
        outcome.lostTurns = Set(acknowledged).subtracting(stored).count
        outcome.storedTurns = try store.turnCount(inConversations: pool)
        return outcome
    }
}
