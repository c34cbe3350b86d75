import Foundation

extension SQLiteStore {
    public func closeRetentionJob(jobID: Int64, outcome: RetentionJobOutcome, context: RetentionContext) throws -> RetentionJobStatus {
        guard var job = try RetentionJobRow.load(jobID, from: connection) else {
            throw RetentionError.invalidSelection("no retention job \(jobID)")
        }
        defer { try? connection.execute("PRAGMA wal_autocheckpoint = 1000") }
        guard outcome == .finished else {
            // A stopped job keeps automerge paused and stays resumable; its audit entry stays
            // 'running' until a later run finishes it.
            try connection.writeTransaction {
                job.status = outcome == .cancelled ? "cancelled" : "failed"
                try job.save(to: connection)
            }
            return job.status(isResumed: false)
        }

        // Deleted and anonymised turns queued their conversations for the analytics summaries;
        // refreshing them here spares every later analytics read from recomputing them.
        try refreshPendingAggregates()

        let scrubber = StoreScrubber(connection: connection, path: path)
        try scrubber.mergeIndexes(automerge: job.automergeBefore ?? 4)
        try scrubber.returnFreePages()
        // One attempt only: a job that waited here for readers would block other writers meanwhile.
        let scrub = try scrubber.truncateWAL(waitSeconds: 0)

        let bytesAfter = try connection.logicalSize()
        let reclaimed = (job.bytesBefore ?? bytesAfter) - bytesAfter
        try connection.writeTransaction {
            job.status = "finished"
            job.finishedAt = Date()
            job.message = scrub.text
            try job.save(to: connection)
            if let auditID = job.auditID {
                try AuditLog.finish(
                    connection, id: auditID, conversations: job.counts.reduce(0) { $0 + $1.conversations },
                    turns: job.counts.reduce(0) { $0 + $1.turns }, bytesReclaimed: reclaimed,
                    seconds: Date().timeIntervalSince(job.startedAt), outcome: "finished",
                    detail: "\(job.batches) batches; WAL \(scrub.text)")
            }
        }
        // The rows written just above go to the WAL; one more checkpoint moves them into the file.
        if scrub == .complete {
            _ = try? scrubber.truncateWAL(waitSeconds: 0)
        }
        return job.status(isResumed: false, scrub: scrub.text, bytesReclaimed: reclaimed)
    }
}
