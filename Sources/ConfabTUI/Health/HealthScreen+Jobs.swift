import ConfabCore

/// The result of an expensive job.
enum HealthJobResult: Sendable {
    case anatomy(StoreAnatomy)
    case integrity([IntegrityStepResult])
    case message(String)
}

extension HealthScreen {
    /// Runs `work` on the job worker unless a job is running, and shows its outcome.
    func startJob(
        _ name: String, holdsWriteLock: Bool, context: any ScreenContext,
        _ work: @escaping @Sendable (SQLiteHealthProbe, HealthJobProgress) throws -> HealthJobResult
    ) {
        if let runningJob {
            context.showStatus("\(runningJob.name) is still running; Ctrl-C stops it", kind: .warning)
            return
        }
        let job = HealthJob(name: name, snapshotFrame: figures?.wal?.frames, holdsWriteLock: holdsWriteLock)
        let progress = job.progress
        runningJob = job
        job.ticket = jobWorker.submit({ probe, _ in try work(probe, progress) }, completion: { [weak self] outcome in
            guard let self else { return }
            self.runningJob = nil
            switch outcome {
            case .success(.anatomy(let anatomy)):
                self.anatomy = anatomy
                self.lastJobMessage = ("sizes computed in " + HealthFormat.seconds(anatomy.seconds), false)
            case .success(.integrity(let steps)):
                self.integrity = steps
                let problems = steps.reduce(0) { $0 + $1.problems.count }
                self.lastJobMessage = (problems == 0 ? "integrity checks passed" : "integrity checks found \(problems) problems", problems > 0)
            case .success(.message(let text)):
                self.lastJobMessage = (text, false)
            case .failure(let error):
                self.lastJobMessage = ("\(name) failed: \(error)", true)
            case .cancelled:
                self.lastJobMessage = ("\(name) stopped", true)
            }
            if let message = self.lastJobMessage {
                context.showStatus(message.text, kind: message.isError ? .error : .info)
            }
        })
    }

    func startIntegrityCheck(context: any ScreenContext) {
        integrity = nil
        startJob("integrity checks", holdsWriteLock: true, context: context) { probe, progress in
            .integrity(try probe.checkIntegrity { step, index, count in progress.report(step, index: index, count: count) })
        }
    }

    func startAction(_ action: MaintenanceAction, context: any ScreenContext) {
        startJob(action.rawValue, holdsWriteLock: action != .checkpoint, context: context) { probe, _ in
            .message(try probe.perform(action))
        }
    }

    func cancelJob(context: any ScreenContext) {
        guard let runningJob else {
            context.showStatus("no job is running", kind: .info)
            return
        }
        runningJob.ticket?.cancel()
    }
}
