import ConfabCore
import Foundation

/// A piece of a dashboard line in one style.
struct HealthSpan {
    var text: String
    var style: Style

    init(_ text: String, _ element: ThemeElement = .text) {
        self.text = text
        style = Style(element)
    }
}

/// A titled block of dashboard lines.
struct HealthSection {
    var title: String
    var lines: [[HealthSpan]]
}

extension HealthScreen {
    /// Columns of at least this width sit side by side.
    static let twoColumnMinimumWidth = 100

    func drawDashboard(into region: Region) {
        guard !region.isEmpty else { return }
        var top = 0
        if let warning = pinWarning() {
            region.writeTruncated(warning, column: 0, row: 0, width: region.width, style: Style(.error, emphasis: .bold))
            top = 1
        }
        let body = region.subregion(Rect(column: 0, row: top, width: region.width, height: max(0, region.height - top)))
        lastLayoutHeight = body.height

        let charset = region.charset
        let left = [latencySection(charset: charset), writesSection(), walSection(), pagesSection(), consoleSection(), followSection()]
        let right = [jobSection(), sizesSection(), fullTextSection(), plannerSection(), integritySection()].compactMap { $0 }

        if body.width >= HealthScreen.twoColumnMinimumWidth {
            let leftWidth = body.width / 2
            let leftLines = flatten(left)
            let rightLines = flatten(right)
            let maximumOffset = max(0, max(leftLines.count, rightLines.count) - body.height)
            scrollOffset = min(scrollOffset, maximumOffset)
            draw(leftLines, into: body.subregion(Rect(column: 0, row: 0, width: leftWidth - 1, height: body.height)))
            body.subregion(Rect(column: leftWidth - 1, row: 0, width: 1, height: body.height)).verticalLine(column: 0, style: Style(.border))
            draw(rightLines, into: body.subregion(Rect(column: leftWidth + 1, row: 0, width: body.width - leftWidth - 1, height: body.height)))
        } else {
            let lines = flatten(left + right)
            scrollOffset = min(scrollOffset, max(0, lines.count - body.height))
            draw(lines, into: body)
        }
    }

    private func flatten(_ sections: [HealthSection]) -> [[HealthSpan]] {
        var lines: [[HealthSpan]] = []
        for section in sections {
            if !lines.isEmpty {
                lines.append([])
            }
            lines.append([HealthSpan(section.title, .title)])
            lines += section.lines
        }
        return lines
    }

    private func draw(_ lines: [[HealthSpan]], into region: Region) {
        for row in 0..<region.height {
            let index = row + scrollOffset
            guard index < lines.count else { break }
            var column = index == 0 || lines[index].first?.style.element == .title ? 0 : 1
            for span in lines[index] {
                column = region.write(span.text, column: column, row: row, style: span.style)
            }
        }
    }

    /// Returns the warning line shown above everything while a reader pins the WAL.
    func pinWarning() -> String? {
        guard let verdict, verdict.isPinned, let reader = verdict.pinningReaders.first else { return nil }
        let others = verdict.pinningReaders.count > 1 ? " and \(verdict.pinningReaders.count - 1) more" : ""
        return " WAL pinned: reader pid \(reader.processID)\(others) holds a snapshot at frame \(reader.snapshotFrame); "
            + "\(HealthFormat.count(verdict.pendingFrames)) frames cannot be checkpointed for \(HealthFormat.seconds(verdict.stalledSeconds))"
    }

    // MARK: Sections

    private func latencyElement(_ milliseconds: Double) -> ThemeElement {
        options.element(forMilliseconds: milliseconds)
    }

    func latencySection(charset: TerminalSanitizer.Options.Charset) -> HealthSection {
        let latency = snapshot.lastMinute
        var lines: [[HealthSpan]] = []
        if latency.samples == 0 {
            lines.append([HealthSpan("no commits by other processes in the last minute", .dim)])
        } else {
            var line: [HealthSpan] = []
            for (label, value) in [("p50 ", latency.p50), ("  p95 ", latency.p95), ("  p99 ", latency.p99), ("  max ", latency.max)] {
                line.append(HealthSpan(label, .dim))
                line.append(HealthSpan(HealthFormat.milliseconds(value), latencyElement(value)))
            }
            lines.append(line)
            // On a line of its own, so that the half-width column of a 120-column terminal keeps it.
            lines.append([HealthSpan("over \(HealthFormat.count(latency.samples)) changes", .dim)])
        }
        let history = snapshot.history
        let worst = history.compactMap { $0 }.max() ?? 0
        lines.append([HealthSpan("p99/s ", .dim), HealthSpan(HealthFormat.sparkline(history, charset: charset), latencyElement(worst)),
                      HealthSpan(" max " + HealthFormat.milliseconds(worst), .dim)])

        let total = max(1, snapshot.histogram.reduce(0, +))
        let bounds = SyncLatencyMonitor.histogramBounds
        for (index, count) in snapshot.histogram.enumerated() where latency.samples > 0 {
            let low = index == 0 ? 0 : bounds[index - 1]
            let label = index < bounds.count ? String(format: "%4.0f–%-4.0f", low, bounds[index]) : String(format: "%4.0f+    ", low)
            let element = latencyElement(index < bounds.count ? bounds[index] - 0.001 : low + 1)
            lines.append([HealthSpan(label + "ms ", .dim), HealthSpan(HealthFormat.bar(Double(count) / Double(total), width: 24, charset: charset), element),
                          HealthSpan(" " + HealthFormat.count(count), .dim)])
        }
        if let error = snapshot.lastError {
            lines.append([HealthSpan("watcher: " + sanitized(error), .error)])
        }
        let mode = snapshot.usesFileEvents ? "inotify + data_version" : "data_version polling"
        return HealthSection(title: "Sync latency (last minute, \(mode))", lines: lines)
    }

    func writesSection() -> HealthSection {
        HealthSection(title: "Writes", lines: [
            [HealthSpan("commits/s ", .dim), HealthSpan(HealthFormat.rate(snapshot.commitsPerSecond)),
             HealthSpan("   turns/s ", .dim), HealthSpan(HealthFormat.rate(snapshot.turnsPerSecond))],
            [HealthSpan("busy retries ", .dim), HealthSpan(HealthFormat.count(snapshot.busyRetries), snapshot.busyRetries > 0 ? .warning : .text),
             HealthSpan("   conflicts ", .dim), HealthSpan(HealthFormat.count(snapshot.conflicts), snapshot.conflicts > 0 ? .warning : .text),
             HealthSpan("  (since this screen opened)", .dim)],
            [HealthSpan("change feed at ", .dim), HealthSpan(HealthFormat.count(Int(figures?.latestChangeSequence ?? 0))),
             HealthSpan(snapshot.missedBatches > 0 ? "   \(snapshot.missedBatches) batches pruned before read" : "", .warning)],
        ])
    }

    func walSection() -> HealthSection {
        guard let figures else {
            return HealthSection(title: "Write-ahead log", lines: [[HealthSpan(figuresError.map(sanitized) ?? "reading…", figuresError == nil ? .dim : .error)]])
        }
        var lines: [[HealthSpan]] = [[HealthSpan("size ", .dim), HealthSpan(HealthFormat.bytes(figures.walBytes))]]
        if let wal = figures.wal {
            lines.append([HealthSpan("frames ", .dim), HealthSpan(HealthFormat.count(wal.frames)),
                          HealthSpan("   since checkpoint ", .dim), HealthSpan(HealthFormat.count(wal.framesSinceCheckpoint), wal.framesSinceCheckpoint > 1_000 ? .warning : .text)])
            lines.append([HealthSpan("last checkpoint copied ", .dim), HealthSpan(HealthFormat.count(wal.backfilledFrames)),
                          HealthSpan(" of \(HealthFormat.count(wal.backfillAttemptedFrames)) attempted", .dim)])
            let readers = wal.readers
            lines.append([HealthSpan("readers of other processes ", .dim), HealthSpan(readers.isEmpty ? "none" : readers.map { "pid \($0.processID)@\($0.snapshotFrame)" }.joined(separator: ", "))])
        }
        if let verdict, verdict.isPinned {
            // Name the pinning readers on a line of their own, so a narrow pane cuts nothing else.
            let pinning = verdict.pinningReaders.map { "pid \($0.processID)" }.joined(separator: ", ")
            lines.append([HealthSpan("a reader pins the WAL: \(HealthFormat.count(verdict.pendingFrames)) frames cannot be checkpointed", .error)])
            lines.append([HealthSpan("pinned by ", .dim), HealthSpan(pinning.isEmpty ? "a reader Confab cannot name" : pinning, .error)])
        }
        return HealthSection(title: "Write-ahead log", lines: lines)
    }

    func pagesSection() -> HealthSection {
        guard let figures else { return HealthSection(title: "Pages", lines: []) }
        return HealthSection(title: "Pages", lines: [
            [HealthSpan("file ", .dim), HealthSpan(HealthFormat.bytes(figures.fileBytes)),
             HealthSpan("   \(HealthFormat.count(figures.pageCount)) pages of \(figures.pageSize) B", .dim)],
            [HealthSpan("freelist ", .dim), HealthSpan(HealthFormat.count(figures.freelistCount)),
             HealthSpan("   reclaimable ", .dim), HealthSpan(HealthFormat.bytes(figures.reclaimableBytes))],
        ])
    }

    func consoleSection() -> HealthSection {
        let summary = LatencySummary(milliseconds: probeMilliseconds)
        let age = figuresReadAt.map { HealthFormat.seconds(Double((ContinuousClock.now - $0) / .milliseconds(1)) / 1000) + " ago" } ?? "never"
        // Each figures read includes reading /proc/locks for the WAL's readers, which can cost
        // more than the SQL itself.
        return HealthSection(title: "This console's figure reads", lines: [
            [HealthSpan("p50 ", .dim), HealthSpan(HealthFormat.milliseconds(summary.p50)), HealthSpan("  p95 ", .dim),
             HealthSpan(HealthFormat.milliseconds(summary.p95)), HealthSpan("  p99 ", .dim), HealthSpan(HealthFormat.milliseconds(summary.p99))],
            [HealthSpan("\(summary.samples) reads, last \(age)", .dim)],
        ])
    }

    func followSection() -> HealthSection {
        guard !followed.isEmpty else {
            return HealthSection(title: "Followed sources", lines: [[HealthSpan("none; start one with confab follow SOURCE", .dim)]])
        }
        let lines = followed.map { source -> [HealthSpan] in
            let lag = source.lastLagSeconds.map { HealthFormat.milliseconds($0 * 1000) } ?? "no sync yet"
            let state: HealthSpan = source.lastError.map { HealthSpan("  " + sanitized($0), .error) }
                ?? HealthSpan(source.isAlive() ? "" : "  follower stopped", .warning)
            return [HealthSpan(source.format + " ", .dim), HealthSpan(sanitized((source.path as NSString).lastPathComponent)),
                    HealthSpan("  lag ", .dim), HealthSpan(lag, latencyElement((source.lastLagSeconds ?? 0) * 1000)), state]
        }
        return HealthSection(title: "Followed sources", lines: lines)
    }

    func jobSection() -> HealthSection? {
        guard let job = runningJob else {
            guard let message = lastJobMessage else { return nil }
            return HealthSection(title: "Last job", lines: [[HealthSpan(sanitized(message.text), message.isError ? .error : .text)]])
        }
        let elapsed = Double((ContinuousClock.now - job.startedAt) / .milliseconds(1)) / 1000
        var lines: [[HealthSpan]] = [[HealthSpan(job.name + " running for " + HealthFormat.seconds(elapsed), .warning)]]
        if let step = job.progress.current {
            lines.append([HealthSpan("step \(step.index + 1) of \(step.count): \(step.name)")])
        }
        if job.holdsWriteLock {
            lines.append([HealthSpan("holds the write lock while it runs: writers wait", .warning)])
        } else if let frame = job.snapshotFrame, let now = figures?.wal?.frames {
            lines.append([HealthSpan("holds a read snapshot from WAL frame \(HealthFormat.count(frame)) (\(HealthFormat.count(max(0, now - frame))) frames behind)", .dim)])
        }
        return HealthSection(title: "Running job (Ctrl-C stops it)", lines: lines)
    }

    func sizesSection() -> HealthSection {
        guard let anatomy else {
            return HealthSection(title: "Tables and indexes", lines: [[HealthSpan("press s to compute sizes with dbstat", .dim)]])
        }
        let age = Date().timeIntervalSince(anatomy.computedAt)
        var lines: [[HealthSpan]] = [[HealthSpan("computed \(HealthFormat.seconds(age)) ago in \(HealthFormat.seconds(anatomy.seconds))", age > 60 ? .warning : .dim)]]
        for object in anatomy.objects.prefix(10) {
            lines.append([HealthSpan(String(format: "%10@ ", HealthFormat.bytes(object.bytes))),
                          HealthSpan(sanitized(object.name), object.isIndex ? .dim : .text)])
        }
        return HealthSection(title: "Tables and indexes", lines: lines)
    }

    func fullTextSection() -> HealthSection {
        guard let anatomy else {
            return HealthSection(title: "Full-text indexes", lines: [[HealthSpan("computed with the sizes (s); m merges, o optimizes", .dim)]])
        }
        let lines = anatomy.fullTextIndexes.map { index -> [HealthSpan] in
            let structure = index.segmentsPerLevel.isEmpty ? "structure unknown" : "\(index.segments) segments on \(index.levels) levels"
            return [HealthSpan(index.name + " ", .dim), HealthSpan("\(HealthFormat.count(index.documents)) docs, \(HealthFormat.bytes(index.bytes)), \(structure)")]
        }
        return HealthSection(title: "Full-text indexes", lines: lines)
    }

    func plannerSection() -> HealthSection {
        guard let anatomy else {
            return HealthSection(title: "Planner statistics (sqlite_stat1)", lines: [[HealthSpan("computed with the sizes (s); a runs ANALYZE", .dim)]])
        }
        let lines = anatomy.plannerStatistics.map { table -> [HealthSpan] in
            let recorded = table.analysedRows.map(HealthFormat.count) ?? "never analysed"
            let stale = table.drift > 0.1
            return [HealthSpan(table.tableName + " ", .dim), HealthSpan("\(recorded) → \(HealthFormat.count(table.currentRows)) rows", stale ? .warning : .text),
                    HealthSpan(stale ? "  stale" : "", .warning)]
        }
        return HealthSection(title: "Planner statistics (sqlite_stat1)", lines: lines)
    }

    func integritySection() -> HealthSection {
        guard let integrity else {
            return HealthSection(title: "Integrity", lines: [[HealthSpan("press i to run quick_check and the FTS5 integrity-checks", .dim)]])
        }
        let lines = integrity.map { step -> [HealthSpan] in
            [HealthSpan(step.step + " ", .dim),
             step.problems.isEmpty ? HealthSpan("ok", .roleUser) : HealthSpan(sanitized(step.problems.prefix(2).joined(separator: "; ")), .error),
             HealthSpan(" (" + HealthFormat.seconds(step.seconds) + ")", .dim)]
        }
        return HealthSection(title: "Integrity", lines: lines)
    }

    func sanitized(_ text: String) -> String {
        TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: .unicode))
    }
}
