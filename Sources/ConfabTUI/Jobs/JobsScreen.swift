import ConfabCore
import Foundation

/// The Jobs screen: stored policies with their last runs, findings of the last scan and the
/// audit log. Every job is previewed first and runs only after `y`. It runs on a background
/// worker with a live progress bar while the rest of the console stays usable, and Ctrl-C needs a
/// confirmation before it stops the job between two batches.
public final class JobsScreen: ConsoleScreen {
    public let id = ScreenID.jobs

    enum Section: Int, CaseIterable {
        case policies, findings, audit

        var title: String {
            switch self {
            case .policies: "Policies"
            case .findings: "Findings"
            case .audit: "Audit log"
            }
        }
    }

    /// A preview waiting for `y`, or a question about stopping the running job.
    enum Prompt {
        case preview(JobOperation, lines: [String])
        case stopJob
    }

    var section = Section.policies
    var selection: [Section: Int] = [:]
    var policies: [StoredPolicy] = []
    var findings: [ScanFinding] = []
    var scanSummary: String?
    var audit: [AuditEntry] = []
    var prompt: Prompt?
    var running: (operation: JobOperation, progress: JobProgress)?
    var lastOutcome: String?
    var problem: String?
    var isScanning = false
    /// Redraws the progress bar five times a second while a job runs.
    private var progressTimer: TimerToken?

    private let reader: Worker<SQLiteStore>
    private let runner: Worker<SQLiteStore>
    private let retentionContext: @Sendable () throws -> RetentionContext

    /// - Parameter environment: where the key file is looked up (`RetentionKeyFile.defaultPath`).
    public init(context: any ScreenContext, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = context.storePath
        reader = context.makeWorker(label: "jobs-read") { try SQLiteStore(path: path) }
        runner = context.makeWorker(label: "jobs-run") { try SQLiteStore(path: path) }
        let keyPath = RetentionKeyFile.defaultPath(storePath: path, environment: environment)
        let actor = RetentionContext.currentActor(environment: environment)
        retentionContext = {
            RetentionContext(key: try RetentionKeyFile.readOrCreate(at: keyPath), keyPath: keyPath, actor: actor)
        }
    }

    public var actions: [ActionDefinition] { ActionDefinition.jobs }

    public var breadcrumb: [String] { [section.title] }

    public func hints(context: any ScreenContext) -> [KeyHint] {
        if prompt != nil {
            return [KeyHint(keys: "y", label: "confirm"), context.hint(.back, "cancel")].compactMap { $0 }
        }
        var hints = [context.hint(.nextPane, "section")]
        switch section {
        case .policies: hints.append(context.hint(.planSelection, "plan"))
        case .findings: hints += [context.hint(.scanFindings, "scan"), context.hint(.redactFinding, "redact"), context.hint(.forgetFinding, "forget")]
        case .audit: hints.append(context.hint(.refresh, "reload"))
        }
        if running != nil {
            hints.append(context.hint(.cancel, "stop job"))
        }
        return hints.compactMap { $0 }
    }

    public func activate(context: any ScreenContext) {
        reload()
    }

    /// Reads the policies and the audit log again.
    func reload() {
        reader.submit({ store, _ in
            (try store.storedPolicies(), try store.auditEntries(limit: 500))
        }, completion: { [weak self] outcome in
            guard let self else { return }
            switch outcome {
            case let .success((policies, audit)):
                self.policies = policies
                self.audit = audit
                self.problem = nil
            case let .failure(error):
                self.problem = "Cannot read the store: \(error)"
            case .cancelled:
                break
            }
        })
    }

    /// Number of rows in the current section.
    var rowCount: Int {
        switch section {
        case .policies: policies.count
        case .findings: findings.count
        case .audit: audit.count
        }
    }

    var selectedRow: Int {
        min(selection[section] ?? 0, max(0, rowCount - 1))
    }

    // MARK: Events

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        switch event {
        case let .action(action):
            return perform(action, context: context)
        case let .command(name, arguments) where name == "plan":
            previewAdHoc(arguments.joined(separator: " "), context: context)
            return .handled
        case let .key(key) where prompt != nil && key == .character("y"):
            return perform(.confirmJob, context: context)
        default:
            return .ignored
        }
    }

    private func perform(_ action: Action, context: any ScreenContext) -> EventDisposition {
        if let prompt {
            switch action {
            case .confirmJob:
                self.prompt = nil
                confirm(prompt, context: context)
            case .back, .backOrQuit, .nextMatch, .cancel:
                self.prompt = nil
                if case .stopJob = prompt {
                    running?.progress.setPaused(false)
                    context.showStatus("The job goes on", kind: .info)
                }
            default:
                break
            }
            return .handled
        }

        switch action {
        case .nextPane, .previousPane:
            let step = action == .nextPane ? 1 : Section.allCases.count - 1
            section = Section(rawValue: (section.rawValue + step) % Section.allCases.count) ?? .policies
        case .moveDown:
            selection[section] = min(selectedRow + 1, max(0, rowCount - 1))
        case .moveUp:
            selection[section] = max(0, selectedRow - 1)
        case .top:
            selection[section] = 0
        case .bottom:
            selection[section] = max(0, rowCount - 1)
        case .refresh:
            reload()
        case .planSelection, .open:
            guard section == .policies, selectedRow < policies.count else { return .ignored }
            preview(.policy(policies[selectedRow].policy), context: context)
        case .scanFindings:
            scan(context: context)
        case .redactFinding:
            guard section == .findings, selectedRow < findings.count else { return .ignored }
            let finding = findings[selectedRow]
            let rule = RetentionRule(name: "redact", match: "conv:\(finding.conversationID)", action: .anonymise)
            preview(.policy(RetentionPolicy(rules: [rule])), context: context)
        case .forgetFinding:
            guard section == .findings, selectedRow < findings.count else { return .ignored }
            let finding = findings[selectedRow]
            preview(.forget(userID: finding.userID, name: finding.userName), context: context)
        case .cancel:
            guard let running else { return .ignored }
            running.progress.setPaused(true)
            prompt = .stopJob
        default:
            return .ignored
        }
        return .handled
    }

    // MARK: Previews and runs

    /// Shows the plan of `match` as a deletion, from the `:plan QUERY` command line.
    func previewAdHoc(_ match: String, context: any ScreenContext) {
        let rule = RetentionRule(name: "match", match: match, action: .delete)
        do {
            _ = try rule.query(at: Date())
        } catch {
            context.showStatus("\(error)", kind: .error)
            return
        }
        preview(.policy(RetentionPolicy(rules: [rule])), context: context)
    }

    private func preview(_ operation: JobOperation, context: any ScreenContext) {
        guard running == nil else {
            context.showStatus("A job is running; wait for it or stop it with Ctrl-C first.", kind: .warning)
            return
        }
        reader.submit({ store, _ -> [String] in
            switch operation {
            case let .policy(policy):
                return JobsScreen.planLines(try store.retentionPlan(policy, now: Date()))
            case let .forget(userID, _):
                let target = try store.erasureTarget(user: String(userID))
                return ["Erase user \(target.userID) (\(target.name)): \(target.conversations) conversations, \(target.turns) turns.",
                        "Turns, index entries, change-feed rows, accounts and the user row go; this cannot be undone."]
            }
        }, completion: { [weak self] outcome in
            switch outcome {
            case let .success(lines):
                self?.prompt = .preview(operation, lines: lines)
            case let .failure(error):
                context.showStatus("\(error)", kind: .error)
            case .cancelled:
                break
            }
        })
    }

    static func planLines(_ plan: RetentionPlan) -> [String] {
        var lines = plan.rules.map { rule in
            "\(rule.rule.name): \(rule.rule.action.rawValue) \(HealthFormat.count(rule.conversations)) conversations, "
                + "\(HealthFormat.count(rule.turns)) turns, \(HealthFormat.bytes(Int64(rule.bytes)))"
                + (rule.held > 0 ? " (\(HealthFormat.count(rule.held)) held, kept)" : "") + " · \(rule.rule.match)"
        }
        lines.append("Total: \(HealthFormat.count(plan.conversations)) conversations, \(HealthFormat.count(plan.turns)) turns.")
        return lines
    }

    private func confirm(_ prompt: Prompt, context: any ScreenContext) {
        switch prompt {
        case .stopJob:
            running?.progress.requestStop()
            context.showStatus("Stopping after the current batch…", kind: .info)
        case let .preview(operation, _):
            start(operation, context: context)
        }
    }

    private func start(_ operation: JobOperation, context: any ScreenContext) {
        let progress = JobProgress()
        running = (operation, progress)
        progressTimer = context.schedule(after: .milliseconds(200), repeating: .milliseconds(200)) {}
        let makeContext = retentionContext
        runner.submit({ store, _ -> JobOutcome in
            let retention = try makeContext()
            switch operation {
            case let .policy(policy):
                let plan = try store.retentionPlan(policy, now: Date())
                progress.setPlanned(plan.conversations)
                let status = try RetentionJobRunner(store: store, context: retention).run(
                    policy, plannedConversations: plan.conversations, isCancelled: { progress.shouldStop() },
                    progress: { progress.update($0) })
                let reclaimed = status.bytesReclaimed.map { ", \($0) bytes reclaimed" } ?? ""
                return JobOutcome(
                    summary: "Job \(status.id) \(status.status): \(status.conversations) conversations, \(status.turns) turns\(reclaimed).",
                    isCancelled: status.status == "cancelled")
            case let .forget(userID, _):
                let receipt = try store.forget(user: String(userID), context: retention, waitSeconds: 5)
                return JobOutcome(
                    summary: "Erased \(receipt.conversations) conversations, \(receipt.turns) turns; \(receipt.bytesReclaimed) bytes reclaimed; WAL \(receipt.scrub.text).",
                    isCancelled: false)
            }
        }, completion: { [weak self] outcome in
            guard let self else { return }
            self.running = nil
            if let timer = self.progressTimer {
                context.cancelTimer(timer)
                self.progressTimer = nil
            }
            switch outcome {
            case let .success(result):
                self.lastOutcome = result.summary
                context.showStatus(result.isCancelled ? "Job stopped; run it again to resume." : "Job finished.", kind: .info)
            case let .failure(error):
                self.lastOutcome = "Job failed: \(error)"
                context.showStatus("The job failed.", kind: .error)
            case .cancelled:
                break
            }
            self.findings = []
            self.scanSummary = nil
            self.reload()
        })
    }

    private func scan(context: any ScreenContext) {
        guard !isScanning else { return }
        isScanning = true
        section = .findings
        reader.submit({ store, _ in
            try store.scan(nil, limit: 5_000, detector: PersonalDataDetector())
        }, completion: { [weak self] outcome in
            guard let self else { return }
            self.isScanning = false
            switch outcome {
            case let .success(report):
                self.findings = report.findings
                self.selection[.findings] = 0
                self.scanSummary = "\(report.findings.count) findings in \(report.turnsScanned) turns"
                    + (report.isTruncated ? " (stopped at 5,000)" : "")
            case let .failure(error):
                context.showStatus("Scan failed: \(error)", kind: .error)
            case .cancelled:
                break
            }
        })
    }

    /// True while a worker has a job whose result has not been delivered yet.
    var isBusy: Bool { reader.pendingCount > 0 || runner.pendingCount > 0 }
}
