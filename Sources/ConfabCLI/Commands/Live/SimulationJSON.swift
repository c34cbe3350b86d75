import ConfabCore

/// JSON forms of the figures of `confab simulate` and its writers.
enum SimulationJSON {
    /// Percentiles are null when there were no samples, so that no reader takes 0 ms for a figure.
    static func latency(_ summary: LatencySummary) -> JSONValue {
        let figure = { (value: Double) -> JSONValue in summary.samples > 0 ? .number(value) : .null }
        return JSONRecords.object([
            ("p50", figure(summary.p50)), ("p95", figure(summary.p95)), ("p99", figure(summary.p99)),
            ("max", figure(summary.max)), ("samples", JSONRecords.number(summary.samples)),
        ])
    }

    static func writerReport(_ report: SimulationWriterReport) -> JSONValue {
        JSONRecords.object([
            ("writer", JSONRecords.number(report.writerIndex)),
            ("turns_written", JSONRecords.number(report.turnsWritten)),
            ("edits", JSONRecords.number(report.edits)),
            ("busy_retries", JSONRecords.number(report.statistics.busyRetries)),
            ("conflicts", JSONRecords.number(report.statistics.conflicts)),
            ("branched_turns", JSONRecords.number(report.statistics.branchedTurns)),
            ("merged_edits", JSONRecords.number(report.statistics.mergedEdits)),
            ("rejected_edits", JSONRecords.number(report.statistics.rejectedEdits)),
            ("failures", JSONRecords.number(report.failures)),
            ("failure_messages", .array(report.failureMessages.map(JSONValue.string))),
            ("append_latency_ms", latency(report.appendLatency)),
            ("elapsed_seconds", .number(report.elapsedSeconds)),
        ])
    }

    /// Reads a writer's report back from its JSON line.
    static func parseWriterReport(_ value: JSONValue) -> SimulationWriterReport? {
        guard case .object(let object) = value else { return nil }
        func int(_ key: String) -> Int { Int(object[key]?.doubleValue ?? 0) }
        var report = SimulationWriterReport(writerIndex: int("writer"))
        report.turnsWritten = int("turns_written")
        report.edits = int("edits")
        report.statistics.busyRetries = int("busy_retries")
        report.statistics.branchedTurns = int("branched_turns")
        report.statistics.mergedEdits = int("merged_edits")
        report.statistics.rejectedEdits = int("rejected_edits")
        report.failures = int("failures")
        if case .array(let messages)? = object["failure_messages"] {
            report.failureMessages = messages.compactMap(\.stringValue)
        }
        if case .object(let latency)? = object["append_latency_ms"] {
            report.appendLatency = LatencySummary(
                p50: latency["p50"]?.doubleValue ?? 0, p95: latency["p95"]?.doubleValue ?? 0,
                p99: latency["p99"]?.doubleValue ?? 0, max: latency["max"]?.doubleValue ?? 0,
                samples: Int(latency["samples"]?.doubleValue ?? 0))
        }
        report.elapsedSeconds = object["elapsed_seconds"]?.doubleValue ?? 0
        return report
    }
}
