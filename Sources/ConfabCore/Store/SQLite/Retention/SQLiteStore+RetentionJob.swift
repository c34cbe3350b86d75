import Foundation

extension SQLiteStore {
    public func openRetentionJob(_ policy: RetentionPolicy, context: RetentionContext, abandonOther: Bool) throws -> RetentionJobStatus {
        try checkArchivesAreNotTheStore(policy)
        try connection.execute("PRAGMA secure_delete = ON")
        // An automatic checkpoint runs inside the COMMIT that crosses the threshold, which would
        // stretch that batch; the job checkpoints between batches instead.
        try connection.execute("PRAGMA wal_autocheckpoint = 0")
        try connection.writeTransaction {
            try RetentionLedger.verify(context.key, keyPath: context.keyPath, in: connection)
        }

        if var existing = try RetentionJobRow.unfinished(in: connection) {
            if existing.policyText == policy.text {
                existing.status = "running"
                try connection.writeTransaction { try existing.save(to: connection) }
                return existing.status(isResumed: true)
            }
            guard abandonOther else { throw RetentionError.otherJobRunning(jobID: existing.id) }
            try abandon(existing)
        }

        // The size the file has once the WAL is checkpointed, measured without a checkpoint,
        // because a blocking one would hold up other writers while it copies the WAL.
        let bytesBefore = try connection.logicalSize()
        let automerge = try connection.scalarInt("SELECT v FROM turns_fts_config WHERE k = 'automerge'") ?? 4
        let selection = policy.rules.map { "\($0.name): \($0.action.rawValue) \(AuditLog.maskedSelection($0.match, key: context.key))" }
            .joined(separator: "; ")
        let now = Date().timeIntervalSince1970

        let jobID: Int64 = try connection.writeTransaction {
            if let name = policy.name {
                try connection.run(
                    "INSERT OR REPLACE INTO retention_policies (name, text, stored_at) VALUES (?, ?, ?)", name, policy.text, now)
            }
            // Merging FTS5 segments inside a batch would stretch its write lock; the job merges
            // in short steps when it finishes instead.
            try connection.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', 0)")
            let auditID = try AuditLog.append(
                connection, actor: context.actor, action: "retention run", selection: selection, outcome: "running")
            try connection.run(
                """
                INSERT INTO retention_jobs (policy, selection, reference_time, actor, started_at, status, rule_counts,
                    bytes_before, automerge_before, audit_id)
                VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
                """,
                policy.text, selection, now, context.actor, now,
                RetentionJobRow.encodeCounts(policy.rules.map { _ in RuleCounts() }), bytesBefore, automerge, auditID)
            return connection.lastInsertRowID
        }
        guard let job = try RetentionJobRow.load(jobID, from: connection) else {
            throw RetentionError.invalidSelection("retention job \(jobID) vanished after it was created")
        }
        return job.status(isResumed: false)
    }

    private func abandon(_ job: RetentionJobRow) throws {
        var job = job
        try connection.writeTransaction {
            job.status = "abandoned"
            job.finishedAt = Date()
            try job.save(to: connection)
            try connection.run(
                "INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', ?)", job.automergeBefore ?? 4)
            if let auditID = job.auditID {
                try AuditLog.finish(
                    connection, id: auditID, conversations: job.counts.reduce(0) { $0 + $1.conversations },
                    turns: job.counts.reduce(0) { $0 + $1.turns }, bytesReclaimed: nil,
                    seconds: Date().timeIntervalSince(job.startedAt), outcome: "abandoned")
            }
        }
    }

    public func runRetentionBatch(jobID: Int64, context: RetentionContext, maxTurns: Int?) throws -> RetentionBatchReport {
        guard let initial = try RetentionJobRow.load(jobID, from: connection), initial.status == "running" else {
            throw RetentionError.invalidSelection("retention job \(jobID) is not running")
        }
        let policy = try initial.policy()

        // An archive copy is written before the write lock is taken: it reads this store and
        // writes only the archive file.
        var prepared: ArchiveCopier.Prepared?
        var preparedRule: Int?
        if initial.currentID == nil, initial.ruleIndex < policy.rules.count, policy.rules[initial.ruleIndex].action == .archive {
            prepared = try ArchiveCopier(connection: connection).prepareNext(
                rules: policy.rules, index: initial.ruleIndex, after: initial.cursorID, now: initial.referenceTime)
            preparedRule = initial.ruleIndex
        }

        try connection.execute("BEGIN IMMEDIATE")
        let lockStart = Date()
        var report = RetentionBatchReport(isFinished: false, conversationsCompleted: 0, turnsTouched: 0, lockSeconds: 0)
        var rejectedArchive: ArchiveCopier.Prepared?
        do {
            guard var job = try RetentionJobRow.load(jobID, from: connection) else {
                throw RetentionError.invalidSelection("retention job \(jobID) vanished")
            }
            rejectedArchive = try runBatchBody(
                &job, policy: policy, prepared: prepared, preparedRule: preparedRule, report: &report, context: context,
                maxTurns: maxTurns)

            job.batches += 1
            try job.save(to: connection)
            try connection.execute("COMMIT")
        } catch {
            connection.rollbackIgnoringErrors()
            throw error
        }
        report.lockSeconds = Date().timeIntervalSince(lockStart)

        // Checkpoints run here, between batches, rather than inside a commit: the job's connection
        // has automatic checkpoints off (see `openRetentionJob`), and a passive checkpoint takes
        // no write lock.
        if StoreFiles.size(of: path + "-wal") > SQLiteStore.walCheckpointBytes {
            connection.setBusyTimeout(milliseconds: 0)
            _ = try? connection.checkpoint("PASSIVE")
            connection.setBusyTimeout(milliseconds: 5_000)
        }

        if let rejectedArchive {
            try ArchiveCopier(connection: connection).discard(rejectedArchive)
        }
        return report
    }

    /// WAL size above which the job checkpoints between two batches: 4 MiB, about the 1,000 pages
    /// at which SQLite checkpoints on its own.
    static let walCheckpointBytes: Int64 = 4 << 20

    /// Does one batch's work inside the open transaction. Returns an archive copy that a re-check
    /// rejected, to be removed from the archive after the commit.
    private func runBatchBody(
        _ job: inout RetentionJobRow, policy: RetentionPolicy, prepared: ArchiveCopier.Prepared?, preparedRule: Int?,
        report: inout RetentionBatchReport, context: RetentionContext, maxTurns: Int?
    ) throws -> ArchiveCopier.Prepared? {
        let removal = ConversationRemoval(connection: connection)
        var remaining = max(1, maxTurns ?? job.turnBudget)
        var rejected: ArchiveCopier.Prepared?
        var archiveHandled = false

        while remaining > 0 {
            if let current = job.currentID, let action = job.currentAction {
                let rule = min(job.ruleIndex, policy.rules.count - 1)
                var step: ConversationRemoval.Step
                if action == .anonymise {
                    let result = try removal.anonymiseStep(
                        conversationID: current, afterTurnID: job.currentTurnCursor, limit: remaining, key: context.key)
                    step = result.step
                    job.currentTurnCursor = result.lastTurnID
                } else {
                    step = try removal.deleteStep(conversationID: current, limit: remaining)
                }
                remaining -= max(1, step.turns)
                report.turnsTouched += step.turns
                job.counts[rule].turns += step.turns
                job.counts[rule].bytes += step.bytes
                if step.isComplete {
                    job.counts[rule].conversations += 1
                    report.conversationsCompleted += 1
                    job.currentID = nil
                    job.currentAction = nil
                    job.currentTurnCursor = 0
                }
                continue
            }

            guard job.ruleIndex < policy.rules.count else {
                report.isFinished = true
                break
            }
            let rule = policy.rules[job.ruleIndex]
            let condition = try RuleCondition(rules: policy.rules, index: job.ruleIndex, now: job.referenceTime)

            if rule.action == .archive {
                // One archived conversation per batch: the one copied before the lock was taken.
                guard !archiveHandled else { break }
                archiveHandled = true
                // No copy was attempted for this rule before the lock, because the batch began
                // inside another conversation or another rule: the next batch copies one. Only
                // an attempt that found nothing means the rule is done.
                guard preparedRule == job.ruleIndex else { break }
                guard let prepared else {
                    job.ruleIndex += 1
                    job.cursorID = 0
                    continue
                }
                job.cursorID = prepared.conversationID
                let stillSelected = try connection.scalarInt(
                    "SELECT count(*) FROM conversations c WHERE c.id = ? AND \(condition.sql)",
                    [prepared.conversationID] + condition.values) ?? 0
                let turnCount = try connection.scalarInt(
                    "SELECT count(*) FROM turns WHERE conversation_id = ?", [prepared.conversationID]) ?? 0
                if stillSelected > 0 && turnCount == prepared.turnCount {
                    try markDeleting(prepared.conversationID, job: &job, action: .archive)
                } else {
                    rejected = prepared
                }
                continue
            }

            // Each conversation is checked against its rule again here, inside the write lock,
            // so one that gained a turn since the plan no longer matches an idle: rule.
            let next = try connection.scalarInt(
                "SELECT c.id FROM conversations c WHERE c.id > ? AND \(condition.sql) ORDER BY c.id LIMIT 1",
                [job.cursorID] + condition.values)
            guard let next else {
                job.ruleIndex += 1
                job.cursorID = 0
                continue
            }
            job.cursorID = next
            try markDeleting(next, job: &job, action: rule.action)
        }
        return rejected
    }

    /// Makes `conversationID` the job's current conversation, which later batches finish before
    /// they select another. A conversation to delete also gets `deleting_since`, which keeps plans
    /// and other rules from selecting it again.
    private func markDeleting(_ conversationID: Int64, job: inout RetentionJobRow, action: RetentionAction) throws {
        job.currentID = conversationID
        job.currentAction = action
        job.currentTurnCursor = 0
        if action != .anonymise {
            try connection.run("UPDATE conversations SET deleting_since = ? WHERE id = ?", Date().timeIntervalSince1970, conversationID)
        }
    }

    /// Throws when a rule would archive into the store itself (by any path or link to it): the
    /// copy would land in the very tables the job then deletes from.
    private func checkArchivesAreNotTheStore(_ policy: RetentionPolicy) throws {
        var store = stat()
        guard stat(path, &store) == 0 else { return }
        for rule in policy.rules {
            guard let archivePath = rule.archivePath else { continue }
            var archive = stat()
            if stat(archivePath, &archive) == 0 && archive.st_dev == store.st_dev && archive.st_ino == store.st_ino {
                throw RetentionError.invalidSelection(
                    "rule '\(rule.name)' archives into \(archivePath), which is this store itself; choose another archive file")
            }
        }
    }
}
