import ConfabCore
import Foundation

/// The output of `confab health`: JSON, a table, or one line of `--watch`.
struct HealthReport {
    var path: String
    var figures: StoreFigures?
    var verdict: WALPinDetector.Verdict?
    var snapshot: SyncLatencyMonitor.Snapshot
    var probeLatency: LatencySummary
    var followed: [FollowedSource]
    var anatomy: StoreAnatomy?
    var integrity: [IntegrityStepResult]?

    init(path: String, watch: HealthWatch, snapshot: SyncLatencyMonitor.Snapshot, followed: [FollowedSource]) {
        self.path = path
        figures = watch.latestFigures
        verdict = watch.latestVerdict
        self.snapshot = snapshot
        probeLatency = watch.probeLatency
        self.followed = followed
    }

    /// Commits per second over the whole watch, which is what a short `--seconds` run wants.
    private var commitsPerSecond: Double {
        snapshot.elapsedSeconds > 0 ? Double(snapshot.totalCommits) / snapshot.elapsedSeconds : 0
    }

    // MARK: JSON

    func json() -> JSONValue {
        let wal = figures?.wal
        var members: [(String, JSONValue)] = [
            ("database", .string(path)),
            ("seconds", .number(snapshot.elapsedSeconds)),
            ("sync_latency_ms", SimulationJSON.latency(snapshot.totalLatency)),
            ("sync_latency_last_minute_ms", SimulationJSON.latency(snapshot.lastMinute)),
            ("commits_per_second", .number(commitsPerSecond)),
            ("recent_commits_per_second", .number(snapshot.commitsPerSecond)),
            ("recent_turns_per_second", .number(snapshot.turnsPerSecond)),
            ("changes", JSONRecords.number(snapshot.totalChanges)),
            ("busy_retries", JSONRecords.number(snapshot.busyRetries)),
            ("conflicts", JSONRecords.number(snapshot.conflicts)),
            ("missed_change_batches", JSONRecords.number(snapshot.missedBatches)),
            ("uses_file_events", .bool(snapshot.usesFileEvents)),
            ("wal_bytes", JSONRecords.number(figures?.walBytes ?? 0)),
            ("wal_frames", JSONRecords.number(wal?.frames)),
            ("wal_frames_since_checkpoint", JSONRecords.number(wal?.framesSinceCheckpoint)),
            ("wal_checkpointed_frames", JSONRecords.number(wal?.backfilledFrames)),
            ("wal_pinned", .bool(verdict?.isPinned ?? false)),
            ("wal_pinning_readers", .array((verdict?.pinningReaders ?? []).map { reader in
                JSONRecords.object([
                    ("pid", JSONRecords.number(Int(reader.processID))), ("slot", JSONRecords.number(reader.slot)),
                    ("snapshot_frame", JSONRecords.number(reader.snapshotFrame)),
                ])
            })),
            ("page_size", JSONRecords.number(figures?.pageSize)),
            ("page_count", JSONRecords.number(figures?.pageCount)),
            ("freelist_count", JSONRecords.number(figures?.freelistCount)),
            ("file_bytes", JSONRecords.number(figures?.fileBytes ?? 0)),
            ("reclaimable_bytes", JSONRecords.number(figures?.reclaimableBytes ?? 0)),
            ("change_sequence", JSONRecords.number(figures?.latestChangeSequence ?? 0)),
            ("probe_latency_ms", SimulationJSON.latency(probeLatency)),
            ("followed_sources", .array(followed.map(HealthReport.json))),
        ]
        if let anatomy {
            members.append(("sizes", HealthReport.json(anatomy)))
        }
        if let integrity {
            members.append(("integrity", .array(integrity.map { step in
                JSONRecords.object([
                    ("step", .string(step.step)), ("ok", .bool(step.problems.isEmpty)),
                    ("problems", .array(step.problems.map(JSONValue.string))), ("seconds", .number(step.seconds)),
                ])
            })))
        }
        return JSONRecords.object(members)
    }

    static func json(_ source: FollowedSource) -> JSONValue {
        JSONRecords.object([
            ("path", .string(source.path)), ("format", .string(source.format)),
            ("lag_seconds", source.lastLagSeconds.map(JSONValue.number) ?? .null),
            ("last_synced_at", JSONRecords.time(source.lastSyncedAt)),
            ("conversations_synced", JSONRecords.number(source.conversationsSynced)),
            ("alive", .bool(source.isAlive())),
            ("last_error", JSONRecords.string(source.lastError)),
        ])
    }

    static func json(_ anatomy: StoreAnatomy) -> JSONValue {
        JSONRecords.object([
            ("computed_at", JSONRecords.time(anatomy.computedAt)),
            ("seconds", .number(anatomy.seconds)),
            ("objects", .array(anatomy.objects.map { object in
                JSONRecords.object([
                    ("name", .string(object.name)), ("table", .string(object.tableName)), ("index", .bool(object.isIndex)),
                    ("pages", JSONRecords.number(object.pages)), ("bytes", JSONRecords.number(object.bytes)),
                    ("unused_bytes", JSONRecords.number(object.unusedBytes)),
                ])
            })),
            ("full_text_indexes", .array(anatomy.fullTextIndexes.map { index in
                JSONRecords.object([
                    ("name", .string(index.name)), ("documents", JSONRecords.number(index.documents)),
                    ("bytes", JSONRecords.number(index.bytes)), ("segments", JSONRecords.number(index.segments)),
                    ("levels", JSONRecords.number(index.levels)),
                    ("segments_per_level", .array(index.segmentsPerLevel.map { JSONRecords.number($0) })),
                ])
            })),
            ("planner_statistics", .array(anatomy.plannerStatistics.map { table in
                JSONRecords.object([
                    ("table", .string(table.tableName)), ("analysed_rows", JSONRecords.number(table.analysedRows)),
                    ("current_rows", JSONRecords.number(table.currentRows)), ("drift", .number(table.drift)),
                ])
            })),
        ])
    }

    // MARK: Text

    func text(charset: TerminalSanitizer.Options.Charset) -> String {
        let latency = snapshot.totalLatency
        var table = TextTable(columns: [.init(title: "figure"), .init(title: "value", maxWidth: 90)], charset: charset)
        let clean = { (text: String) in TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: charset)) }
        table.append(["database", clean(path)])
        table.append(["watched", String(format: "%.1f s", snapshot.elapsedSeconds)])
        table.append(["sync latency p50/p95/p99/max",
                      latency.samples == 0 ? "no commits seen" : String(format: "%.2f / %.2f / %.2f / %.2f ms (%d changes)",
                                                                         latency.p50, latency.p95, latency.p99, latency.max, latency.samples)])
        table.append(["commits/s", String(format: "%.1f", commitsPerSecond)])
        table.append(["busy retries, conflicts (while watching)", "\(snapshot.busyRetries), \(snapshot.conflicts)"])

        if let figures {
            table.append(["file", "\(ByteCount.format(figures.fileBytes)), \(ProgressBar.grouped(figures.pageCount)) pages of \(figures.pageSize) B"])
            table.append(["free pages (reclaimable)", "\(ProgressBar.grouped(figures.freelistCount)) (\(ByteCount.format(figures.reclaimableBytes)))"])
            table.append(["WAL", ByteCount.format(figures.walBytes)])
            if let wal = figures.wal {
                table.append(["WAL frames, checkpointed", "\(ProgressBar.grouped(wal.frames)), \(ProgressBar.grouped(wal.backfilledFrames))"])
            }
        }
        if let verdict, verdict.isPinned {
            let readers = verdict.pinningReaders.map { "pid \($0.processID) at frame \($0.snapshotFrame)" }.joined(separator: ", ")
            table.append(["WARNING", "a reader pins the WAL (\(readers)): \(verdict.pendingFrames) frames cannot be checkpointed"])
        }

        for source in followed {
            let lag = source.lastLagSeconds.map { String(format: "lag %.0f ms", $0 * 1000) } ?? "no sync yet"
            table.append(["follow " + clean(source.format), clean(source.path) + ": \(lag)" + (source.isAlive() ? "" : " (follower not running)")])
        }

        if let anatomy {
            for object in anatomy.objects.prefix(12) {
                table.append(["  " + clean(object.name), ByteCount.format(object.bytes)])
            }
            for index in anatomy.fullTextIndexes {
                table.append(["  " + index.name, "\(ProgressBar.grouped(index.documents)) documents, \(ByteCount.format(index.bytes)), \(index.segments) segments on \(index.levels) levels"])
            }
        }
        for step in integrity ?? [] {
            table.append(["check " + step.step, step.problems.isEmpty ? "ok" : clean(step.problems.prefix(3).joined(separator: "; "))])
        }
        return table.render()
    }

    static let watchHeader = "   time  commits/s  turns/s    p50 ms   p99 ms   max ms  retries conflicts      WAL  pinned\n"

    func watchLine() -> String {
        let latency = snapshot.lastMinute
        let time = ISO8601.format(Date()).dropFirst(11).prefix(8)
        let pinned = verdict?.isPinned == true ? "yes" : "no"
        return String(format: "%@ %10.1f %8.1f %9.2f %8.2f %8.2f %8d %9d %8@  %@\n",
                      String(time), snapshot.commitsPerSecond, snapshot.turnsPerSecond, latency.p50, latency.p99, latency.max,
                      snapshot.busyRetries, snapshot.conflicts, ByteCount.format(figures?.walBytes ?? 0), pinned)
    }
}
