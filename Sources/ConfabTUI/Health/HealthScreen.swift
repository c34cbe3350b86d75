import ConfabCore
import Foundation

/// The Health screen: sync latency, write rates, WAL, pages, sizes, full-text indexes, planner
/// statistics, integrity checks and followed sources of the open store.
///
/// Three parts do the work, so that the console never keeps a snapshot open between refreshes.
/// A `SyncLatencyMonitor` thread with its own read-only connection measures sync latency. A
/// worker with its own connection reads the cheap figures every `refreshInterval`, each with a
/// statement that is reset at once. A second worker with another connection runs the expensive
/// jobs (dbstat, checks, maintenance), and the screen shows their snapshot or write lock while
/// they run.
public final class HealthScreen: ConsoleScreen {
    public let id = ScreenID.health

    let options: HealthOptions
    let configurationProblems: [ConfigProblem]
    let storePath: String
    let monitor: SyncLatencyMonitor
    private let figuresWorker: Worker<SQLiteHealthProbe>
    let jobWorker: Worker<SQLiteHealthProbe>

    var figures: StoreFigures?
    var verdict: WALPinDetector.Verdict?
    var followed: [FollowedSource] = []
    var snapshot = SyncLatencyMonitor.Snapshot()
    var figuresError: String?
    var figuresReadAt: ContinuousClock.Instant?
    /// Durations of the screen's own figure queries, newest last, for their percentiles.
    var probeMilliseconds: [Double] = []
    private var pinDetector = WALPinDetector()
    private var isReadingFigures = false
    private var isMonitorStarted = false

    var anatomy: StoreAnatomy?
    var integrity: [IntegrityStepResult]?
    var runningJob: HealthJob?
    var lastJobMessage: (text: String, isError: Bool)?
    var isPaused = false
    var scrollOffset = 0
    var lastLayoutHeight = 0

    /// Probe samples kept: about a minute at four reads a second.
    static let probeSampleLimit = 240

    public init(context: any ScreenContext, options: HealthOptions? = nil, problems: [ConfigProblem] = []) {
        if let options {
            self.options = options
            configurationProblems = problems
        } else {
            let loaded = HealthOptions.load(environment: ProcessInfo.processInfo.environment)
            self.options = loaded.options
            configurationProblems = loaded.problems + problems
        }
        let path = context.storePath
        storePath = path
        monitor = SyncLatencyMonitor(databasePath: path, options: self.options.monitor) { try SQLiteStore(path: path, readOnly: true) }
        figuresWorker = context.makeWorker(label: "health-figures") { try SQLiteHealthProbe(path: path) }
        jobWorker = context.makeWorker(label: "health-jobs", interruptHandle: { $0.makeInterruptHandle() }) { try SQLiteHealthProbe(path: path) }
    }

    deinit {
        monitor.stop()
    }

    public var actions: [ActionDefinition] { ActionDefinition.health }

    public var tickInterval: Duration? { options.refreshInterval }

    // MARK: Life cycle

    public func activate(context: any ScreenContext) {
        if !isMonitorStarted {
            isMonitorStarted = true
            monitor.start()
            if let problem = configurationProblems.first {
                context.showStatus("\(problem); using the default thresholds", kind: .error)
            }
        }
        refresh(context: context)
    }

    public func deactivate(context: any ScreenContext) {
        context.setBadge(nil)
    }

    public func tick(context: any ScreenContext) {
        guard !isPaused else { return }
        refresh(context: context)
    }

    private func refresh(context: any ScreenContext) {
        snapshot = monitor.snapshot()
        updateBadge(context: context)
        readFigures()
    }

    private func updateBadge(context: any ScreenContext) {
        if isPaused {
            context.setBadge(HeaderBadge("paused"))
            return
        }
        let latency = snapshot.lastMinute
        guard latency.samples > 0 else {
            context.setBadge(HeaderBadge("\(context.glyphs.bullet) idle"))
            return
        }
        let text = "\(context.glyphs.bullet) live p99 " + HealthFormat.milliseconds(latency.p99)
        let element: ThemeElement = latency.p99 > options.redAboveMilliseconds ? .statusError : .badge
        context.setBadge(HeaderBadge(text, element: element))
    }

    /// Reads the cheap figures on the figures worker, one read at a time.
    private func readFigures() {
        guard !isReadingFigures else { return }
        isReadingFigures = true
        figuresWorker.submit({ probe, _ -> (StoreFigures, [FollowedSource], Double) in
            let started = ContinuousClock.now
            let figures = try probe.figures()
            let followed = try probe.followedSources()
            let milliseconds = Double((ContinuousClock.now - started) / .nanoseconds(1)) / 1e6
            return (figures, followed, milliseconds)
        }, completion: { [weak self] outcome in
            guard let self else { return }
            self.isReadingFigures = false
            switch outcome {
            case .success(let (figures, followed, milliseconds)):
                self.figures = figures
                self.followed = followed
                self.figuresError = nil
                self.figuresReadAt = .now
                self.probeMilliseconds.append(milliseconds)
                if self.probeMilliseconds.count > HealthScreen.probeSampleLimit {
                    self.probeMilliseconds.removeFirst(self.probeMilliseconds.count - HealthScreen.probeSampleLimit)
                }
                if let wal = figures.wal {
                    self.verdict = self.pinDetector.observe(wal)
                }
            case .failure(let error):
                self.figuresError = "\(error)"
            case .cancelled:
                break
            }
        })
    }

    // MARK: Events

    public func handle(_ event: ScreenEvent, context: any ScreenContext) -> EventDisposition {
        guard case .action(let action) = event else { return .ignored }
        switch action {
        case .refresh:
            refresh(context: context)
            return .handled
        case .pause:
            isPaused.toggle()
            updateBadge(context: context)
            return .handled
        case .cancel:
            cancelJob(context: context)
            return .handled
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .halfPageDown, .halfPageUp:
            scroll(action)
            return .handled
        case .computeSizes:
            startJob("dbstat sizes", holdsWriteLock: false, context: context) { probe, _ in .anatomy(try probe.anatomy()) }
            return .handled
        case .checkIntegrity:
            startIntegrityCheck(context: context)
            return .handled
        case .mergeFullText:
            startAction(.mergeFullText, context: context)
            return .handled
        case .optimizeFullText:
            startAction(.optimizeFullText, context: context)
            return .handled
        case .analyze:
            startAction(.analyze, context: context)
            return .handled
        case .checkpoint:
            startAction(.checkpoint, context: context)
            return .handled
        default:
            return .ignored
        }
    }

    private func scroll(_ action: Action) {
        let page = max(1, lastLayoutHeight - 1)
        switch action {
        case .moveDown: scrollOffset += 1
        case .moveUp: scrollOffset -= 1
        case .pageDown: scrollOffset += page
        case .pageUp: scrollOffset -= page
        case .halfPageDown: scrollOffset += page / 2
        case .halfPageUp: scrollOffset -= page / 2
        case .top: scrollOffset = 0
        case .bottom: scrollOffset = Int.max / 2
        default: break
        }
        scrollOffset = max(0, scrollOffset)
    }

    public func hints(context: any ScreenContext) -> [KeyHint] {
        [
            context.hint(.computeSizes, "sizes"), context.hint(.checkIntegrity, "check"), context.hint(.mergeFullText, "merge"),
            context.hint(.optimizeFullText, "optimize"), context.hint(.analyze, "analyze"), context.hint(.checkpoint, "checkpoint"),
            context.hint(.pause, isPaused ? "resume" : "pause"), context.hint(.cancel, "stop job"),
        ].compactMap { $0 }
    }

    public func draw(into region: Region, context: any ScreenContext) {
        drawDashboard(into: region)
    }
}
