import Foundation
import Testing
@testable import ConfabCore

@Suite struct LatencyHistogramTests {
    @Test func percentilesWithinBucketError() {
        var histogram = LatencyHistogram()
        let samples = (1...1_000).map { Double($0) / 100 }
        for sample in samples.shuffled() {
            histogram.record(milliseconds: sample)
        }
        let exact = LatencySummary(milliseconds: samples)
        let summary = histogram.summary

        #expect(summary.samples == 1_000)
        #expect(summary.max == 10)
        for (estimate, truth) in [(summary.p50, exact.p50), (summary.p95, exact.p95), (summary.p99, exact.p99)] {
            #expect(estimate >= truth)
            #expect(estimate <= truth * 1.051)
        }
    }

    @Test func coarseCountsAddUp() {
        var histogram = LatencyHistogram()
        for sample in [0.5, 0.9, 1.5, 3, 7, 15, 700] {
            histogram.record(milliseconds: sample)
        }
        #expect(histogram.counts(between: [1, 2, 5, 10, 20]) == [2, 1, 1, 1, 1, 1])
    }

    @Test func emptyAndNegative() {
        var histogram = LatencyHistogram()
        #expect(histogram.summary == .empty)
        histogram.record(milliseconds: -3)
        #expect(histogram.summary.max == 0)
        #expect(histogram.percentile(99) == 0)
    }

    @Test func nearestRankSummary() {
        let summary = LatencySummary(milliseconds: [5, 1, 4, 2, 3])
        #expect(summary.p50 == 3)
        #expect(summary.p99 == 5)
        #expect(summary.samples == 5)
    }
}

@Suite struct WALInspectionTests {
    @Test func procLocksLinesParsed() {
        let text = """
            1: POSIX  ADVISORY  READ 4242 fd:01:777 123 123
            2: POSIX  ADVISORY  WRITE 5151 fd:01:777 120 121
            3: POSIX  ADVISORY  READ 6161 fd:01:888 124 124
            3: -> POSIX  ADVISORY  WRITE 7171 fd:01:777 124 124
            4: OFDLCK ADVISORY  READ -1 fd:01:777 125 126
            5: FLOCK  ADVISORY  WRITE 8181 fd:01:777 0 EOF
            """
        let holders = ProcLocks.holders(inode: 777, firstByte: 123, lastByte: 127, text: text)
        #expect(holders == [
            ProcLocks.Holder(processID: 4242, byte: 123),
            ProcLocks.Holder(processID: -1, byte: 125),
            ProcLocks.Holder(processID: -1, byte: 126),
        ])
    }

    @Test func pinNeedsPendingFramesAndStall() {
        var detector = WALPinDetector(minimumPendingFrames: 100, minimumStallSeconds: 2)
        let reader = WALReader(processID: 99, slot: 1, snapshotFrame: 10)
        let start = Date(timeIntervalSince1970: 1_000)
        let pinned = WALState(frames: 500, backfilledFrames: 10, backfillAttemptedFrames: 10, readers: [reader])

        #expect(!detector.observe(pinned, at: start).isPinned)
        #expect(!detector.observe(pinned, at: start.addingTimeInterval(1)).isPinned)
        let verdict = detector.observe(pinned, at: start.addingTimeInterval(2.5))
        #expect(verdict.isPinned)
        #expect(verdict.pinningReaders == [reader])
        #expect(verdict.pendingFrames == 490)

        // A checkpoint that makes progress resets the stall.
        let progressed = WALState(frames: 600, backfilledFrames: 300, backfillAttemptedFrames: 300, readers: [reader])
        #expect(!detector.observe(progressed, at: start.addingTimeInterval(3)).isPinned)
    }

    @Test func currentReaderDoesNotPin() {
        var detector = WALPinDetector(minimumPendingFrames: 1, minimumStallSeconds: 0)
        let upToDate = WALState(frames: 500, backfilledFrames: 0, backfillAttemptedFrames: 0,
                                readers: [WALReader(processID: 5, slot: 2, snapshotFrame: 500)])
        #expect(!detector.observe(upToDate).isPinned)
    }

    @Test func fts5StructureDecoded() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("confab.db"))
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "a")).conversationID
        for index in 0..<5 {
            _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "word\(index) text"))
        }
        let record = try #require(try store.connection.queryFirst("SELECT block FROM turns_fts_data WHERE id = 10") { $0.blob(0) })
        let levels = try #require(FTS5StructureRecord.segmentsPerLevel(record))
        #expect(levels.reduce(0, +) >= 1)

        try store.connection.execute("INSERT INTO turns_fts (turns_fts) VALUES ('optimize')")
        let optimized = try #require(try store.connection.queryFirst("SELECT block FROM turns_fts_data WHERE id = 10") { $0.blob(0) })
        #expect(FTS5StructureRecord.segmentsPerLevel(optimized)?.reduce(0, +) == 1)
        #expect(FTS5StructureRecord.segmentsPerLevel([1, 2]) == nil)
        #expect(FTS5StructureRecord.segmentsPerLevel([0, 0, 0, 0, 0xFF, 0, 0, 1, 3]) == nil)
    }

    @Test func probeFiguresOfLiveStore() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("confab.db")
        let store = try SQLiteStore(path: path)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "a")).conversationID
        _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "hello"))

        let probe = try SQLiteHealthProbe(path: path)
        let figures = try probe.figures()
        #expect(figures.pageCount > 10)
        #expect(figures.pageSize == 4096)
        #expect(figures.walBytes > 0)
        #expect(figures.latestChangeSequence == 2)
        let wal = try #require(figures.wal)
        #expect(wal.frames > 0)
        // Connections of this process are never listed as other processes' readers.
        #expect(wal.readers.isEmpty)

        let anatomy = try probe.anatomy()
        #expect(anatomy.objects.contains { $0.name == "turns" && !$0.isIndex && $0.pages >= 1 })
        let treeIndex = try #require(anatomy.objects.first { $0.name == "turns_tree" })
        #expect(treeIndex.isIndex)
        #expect(treeIndex.tableName == "turns")
        #expect(anatomy.fullTextIndexes.first { $0.name == "turns_fts" }?.documents == 1)
        #expect(anatomy.plannerStatistics.first { $0.tableName == "turns" }?.analysedRows == nil)

        #expect(try probe.perform(.analyze).contains("ANALYZE"))
        let analysed = try probe.anatomy().plannerStatistics.first { $0.tableName == "turns" }
        #expect(analysed?.analysedRows == 1)
        #expect(analysed?.drift == 0)
        #expect(try probe.perform(.checkpoint).contains("checkpoint copied"))
    }
}

@Suite struct SyncLatencyMonitorTests {
    @Test func measuresEveryCommitOfAnotherConnection() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("confab.db")
        let store = try SQLiteStore(path: path)
        let writer = store.makeLiveWriter()
        let conversation = try writer.startConversation(NewConversation(userName: "a")).conversationID

        let monitor = SyncLatencyMonitor(databasePath: path) { try SQLiteStore(path: path, readOnly: true) }
        monitor.start()
        defer { monitor.stop() }
        // The monitor starts from the feed's end once its connection is open.
        try waitUntil { monitor.snapshot().isWatching }

        for index in 0..<20 {
            _ = try writer.appendTurn(TurnAppend(conversationID: conversation, parent: .currentTip, role: .user, text: "t\(index)"))
        }
        try waitUntil { monitor.snapshot().totalChanges >= 20 }

        let snapshot = monitor.snapshot()
        #expect(snapshot.totalChanges == 20)
        #expect(snapshot.totalCommits == 20)
        #expect(snapshot.lastMinute.samples == 20)
        #expect(snapshot.totalLatency.p50 >= 0)
        #expect(snapshot.totalLatency.max < 5_000)
        #expect(snapshot.histogram.reduce(0, +) == 20)
        #expect(snapshot.history.compactMap { $0 }.count >= 1)
        #expect(snapshot.lastError == nil)
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out")
                return
            }
            usleep(10_000)
        }
    }
}

@Suite struct FollowDetectorTests {
    @Test func databaseChangesNoticedOnce() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("source.db")
        let writer = try Connection(path: path)
        try writer.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x)")
        let detector = try SourceChangeDetector(url: URL(fileURLWithPath: path))

        #expect(try detector.changedFiles().count == 1)
        #expect(try detector.changedFiles().isEmpty)
        try writer.execute("INSERT INTO t VALUES (1)")
        #expect(try detector.changedFiles().count == 1)
        #expect(try detector.changedFiles().isEmpty)
    }

    @Test func folderChangesPerFile() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("{}\n", to: "a.jsonl")
        _ = try folder.write("{}\n", to: "b.jsonl")
        _ = try folder.write("ignored", to: "notes.txt")
        let detector = try SourceChangeDetector(url: folder.url)

        #expect(try detector.changedFiles().map(\.lastPathComponent) == ["a.jsonl", "b.jsonl"])
        #expect(try detector.changedFiles().isEmpty)
        _ = try folder.write("{}\n{}\n", to: "b.jsonl")
        #expect(try detector.changedFiles().map(\.lastPathComponent) == ["b.jsonl"])
    }
}
