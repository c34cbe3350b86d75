import ConfabCore
import Foundation

extension JobsScreen {
    public func draw(into region: Region, context: any ScreenContext) {
        let tabs = Section.allCases.map { $0 == section ? "[\($0.title)]" : $0.title }.joined(separator: " ")
        let inside = region.drawBox(style: Style(.borderFocused), title: "Jobs · " + tabs, titleStyle: Style(.title))
        guard inside.height >= 3 else { return }

        let statusRows = 2
        let list = inside.subregion(Rect(column: 0, row: 0, width: inside.width, height: inside.height - statusRows))
        let status = inside.subregion(Rect(column: 0, row: inside.height - statusRows, width: inside.width, height: statusRows))

        if let prompt {
            drawPrompt(prompt, into: list)
        } else {
            switch section {
            case .policies: drawPolicies(into: list)
            case .findings: drawFindings(into: list)
            case .audit: drawAudit(into: list)
            }
        }
        drawStatus(into: status)
    }

    private func safe(_ text: String, _ region: Region) -> String {
        TerminalSanitizer.sanitize(text, options: .init(layout: .singleLine, charset: region.charset))
    }

    /// Draws `rows` with the selected one highlighted, scrolled so the selection is visible.
    private func drawRows(_ rows: [String], header: String, empty: String, into region: Region) {
        region.writeTruncated(header, column: 1, row: 0, width: region.width - 2, style: Style(.dim))
        guard !rows.isEmpty else {
            region.writeTruncated(empty, column: 1, row: 2, width: region.width - 2, style: Style(.note))
            return
        }
        let visible = max(1, region.height - 1)
        let first = max(0, min(selectedRow - visible + 1, rows.count - visible))
        for (offset, index) in (first..<min(rows.count, first + visible)).enumerated() {
            let style = index == selectedRow ? Style(.selection) : Style(.text)
            if index == selectedRow {
                region.fillRow(offset + 1, style: style)
            }
            region.writeTruncated(safe(rows[index], region), column: 1, row: offset + 1, width: region.width - 2, style: style)
        }
    }

    private func drawPolicies(into region: Region) {
        let rows = policies.map { stored -> String in
            let name = stored.policy.name ?? "(unnamed)"
            let rules = stored.policy.rules.map { "\($0.action.rawValue) \($0.match)" }.joined(separator: "; ")
            let last = stored.lastRun.map { run in
                "\(run.status) \(ISO8601.format(run.finishedAt ?? run.startedAt)), \(run.conversations) conversations"
            } ?? "never run"
            return "\(name.padding(toLength: max(name.count, 18), withPad: " ", startingAt: 0))  \(last)  ·  \(rules)"
        }
        drawRows(rows, header: "Policy              Last run  ·  Rules",
                 empty: "No stored policies. 'confab retention run --policy FILE' stores one; ':plan QUERY' previews an ad hoc selection.",
                 into: region)
    }

    private func drawFindings(into region: Region) {
        let rows = findings.map { finding in
            "\(finding.kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(finding.userName) · conversation \(finding.conversationID) · turn \(finding.turnID) · \(finding.excerpt)"
        }
        let empty = isScanning ? "Scanning…" : (scanSummary ?? "No scan yet: press s to scan every turn.")
        drawRows(rows, header: "Kind   User · where · masked excerpt", empty: empty, into: region)
    }

    private func drawAudit(into region: Region) {
        let rows = audit.map { entry in
            let reclaimed = entry.bytesReclaimed.map { " · \($0) bytes reclaimed" } ?? ""
            return "\(entry.id) \(ISO8601.format(entry.at)) \(entry.actor) \(entry.action) \(entry.outcome): "
                + "\(entry.selection ?? "") · \(entry.conversations) conversations, \(entry.turns) turns\(reclaimed)"
        }
        drawRows(rows, header: "Id When Who Action Outcome: selection · counts", empty: "The audit log is empty.", into: region)
    }

    private func drawPrompt(_ prompt: Prompt, into region: Region) {
        var row = 1
        switch prompt {
        case let .preview(operation, lines):
            region.writeTruncated("Plan of \(safe(operation.title, region)); nothing has changed yet:", column: 1, row: row, width: region.width - 2, style: Style(.title))
            row += 2
            for line in lines where row < region.height - 2 {
                region.writeTruncated(safe(line, region), column: 3, row: row, width: region.width - 4, style: Style(.text))
                row += 1
            }
            row += 1
            region.writeTruncated("Press y to run it, Esc to cancel.", column: 1, row: row, width: region.width - 2, style: Style(.warning))
        case .stopJob:
            region.writeTruncated("The job is paused. Stop it here (y)? It can be resumed later; Esc goes on.", column: 1, row: row, width: region.width - 2, style: Style(.warning))
            region.writeTruncated("Press y to stop it, Esc to keep it running.", column: 1, row: row + 2, width: region.width - 2, style: Style(.text))
        }
    }

    private func drawStatus(into region: Region) {
        region.horizontalLine(row: 0, style: Style(.border))
        if let running {
            let figures = running.progress.current
            let fraction = figures.planned > 0 ? min(1, Double(figures.done) / Double(figures.planned)) : 0
            let label = " \(Int(fraction * 100))% \(figures.done)/\(figures.planned) conversations, \(figures.turns) turns, \(figures.batches) batches"
            let title = "Running \(safe(running.operation.title, region)) "
            let barWidth = max(0, min(30, region.width - title.count - label.count - 4))
            let filled = Int(fraction * Double(barWidth))
            let full = region.charset == .ascii ? "#" : "█"
            let blank = region.charset == .ascii ? "-" : "░"
            let bar = "[" + String(repeating: full, count: filled) + String(repeating: blank, count: barWidth - filled) + "]"
            region.writeTruncated(title + bar + label, column: 1, row: 1, width: region.width - 2, style: Style(.status))
        } else if let text = problem ?? lastOutcome {
            region.writeTruncated(safe(text, region), column: 1, row: 1, width: region.width - 2, style: Style(problem == nil ? .note : .error))
        }
    }
}
