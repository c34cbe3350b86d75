import Foundation

/// The work of one simulated writer process.
public struct SimulationPlan: Sendable {
    public var writerIndex: Int
    /// Operations (appends and edits) this writer starts per second.
    public var operationsPerSecond: Double
    public var duration: Duration
    /// The conversations every writer picks from, so several writers touch each one.
    public var conversationIDs: [Int64]
    /// The share of operations that edit metadata (title or tags) instead of appending, 0…1.
    public var editShare: Double
    public var seed: UInt64

    public init(writerIndex: Int, operationsPerSecond: Double, duration: Duration, conversationIDs: [Int64], editShare: Double, seed: UInt64) {
        self.writerIndex = writerIndex
        self.operationsPerSecond = operationsPerSecond
        self.duration = duration
        self.conversationIDs = conversationIDs
        self.editShare = editShare
        self.seed = seed
    }
}

/// The figures one simulated writer reports when it stops.
public struct SimulationWriterReport: Sendable, Equatable {
    public var writerIndex: Int
    /// Turns whose commit returned successfully.
    public var turnsWritten = 0
    public var edits = 0
    public var statistics = WriteStatistics()
    /// Time of each append call, lock waits included.
    public var appendLatency = LatencySummary.empty
    /// Operations that failed, with the first few messages.
    public var failures = 0
    public var failureMessages: [String] = []
    public var elapsedSeconds = 0.0

    public init(writerIndex: Int) {
        self.writerIndex = writerIndex
    }
}

/// Runs a simulated chat backend: at a fixed rate it appends a realistic turn to a conversation
/// from a shared pool, answering the tip it just read, or edits the title or tags from the
/// metadata it read at its previous edit of that conversation, which other writers may have
/// changed since. Operations are scheduled at fixed times from the start, so a slow write does
/// not lower the offered load, and a writer that falls behind catches up without sleeping.
public final class SimulationWriterLoop {
    private let writer: any TurnWriter & ConversationEditor
    private let plan: SimulationPlan
    private let texts: SimulationTexts
    private let acknowledge: (AppendedTurn) -> Void
    private let isCancelled: () -> Bool
    private var random: SplitMix64
    private var knownMetadata: [Int64: ConversationMetadata] = [:]
    private var nextExchange: [Int64: Int] = [:]

    /// - Parameter acknowledge: called after each append committed, before the next operation.
    public init(
        writer: any TurnWriter & ConversationEditor, plan: SimulationPlan, texts: SimulationTexts,
        acknowledge: @escaping (AppendedTurn) -> Void, isCancelled: @escaping () -> Bool
    ) {
        self.writer = writer
        self.plan = plan
        self.texts = texts
        self.acknowledge = acknowledge
        self.isCancelled = isCancelled
        random = SplitMix64(seed: SplitMix64.mix(plan.seed &+ UInt64(plan.writerIndex) &* 0x9E37_79B9))
    }

    public func run() -> SimulationWriterReport {
        var report = SimulationWriterReport(writerIndex: plan.writerIndex)
        var appendMilliseconds: [Double] = []
        let clock = ContinuousClock()
        let start = clock.now
        let interval = Duration.seconds(1 / max(plan.operationsPerSecond, 0.001))
        var operation = 0

        while !isCancelled(), !plan.conversationIDs.isEmpty {
            let due = start + interval * operation
            // A writer that cannot keep up with the rate still stops at the end of the run.
            guard due - start < plan.duration, clock.now - start < plan.duration else { break }
            let now = clock.now
            if due > now {
                Thread.sleep(forTimeInterval: Double((due - now) / .microseconds(1)) / 1e6)
            }
            operation += 1

            let conversationID = plan.conversationIDs[Int(random.next() % UInt64(plan.conversationIDs.count))]
            do {
                if Double(random.next() >> 11) / Double(1 << 53) < plan.editShare {
                    try editMetadata(conversationID)
                    report.edits += 1
                } else {
                    let began = clock.now
                    let appended = try appendTurn(conversationID)
                    appendMilliseconds.append(Double((clock.now - began) / .microseconds(1)) / 1000)
                    report.turnsWritten += 1
                    acknowledge(appended)
                }
            } catch {
                report.failures += 1
                if report.failureMessages.count < 5 {
                    report.failureMessages.append("\(error)")
                }
            }
        }

        report.statistics = writer.writeStatistics
        report.appendLatency = LatencySummary(milliseconds: appendMilliseconds)
        report.elapsedSeconds = Double((clock.now - start) / .microseconds(1)) / 1e6
        return report
    }

    /// Appends the conversation's next exchange as an answer to the tip read just before, as a
    /// chat backend does: between that read and the write lock another writer may answer first,
    /// and the turn then becomes a branch.
    private func appendTurn(_ conversationID: Int64) throws -> AppendedTurn {
        let tip = try writer.tip(ofConversation: conversationID)
        let index = nextExchange[conversationID] ?? Int(random.next() % UInt64(texts.exchanges.count))
        nextExchange[conversationID] = (index + 1) % texts.exchanges.count
        let exchange = texts.exchanges[index]
        return try writer.appendTurn(TurnAppend(
            conversationID: conversationID, parent: .turn(tip), role: exchange.role, text: exchange.text,
            model: exchange.role == .assistant ? exchange.model : nil))
    }

    /// Renames or retags from the metadata this writer read at its last edit of the
    /// conversation, which is stale whenever another writer edited it since.
    private func editMetadata(_ conversationID: Int64) throws {
        guard let base = try knownMetadata[conversationID] ?? writer.metadata(ofConversation: conversationID) else {
            throw LiveWriteError.conversationNotFound(conversationID)
        }
        let edit: ConversationEdit
        switch random.next() % 3 {
        case 0:
            edit = ConversationEdit(title: texts.titles[Int(random.next() % UInt64(texts.titles.count))])
        case 1:
            edit = ConversationEdit(addTags: ["writer-\(plan.writerIndex + 1)"])
        default:
            edit = ConversationEdit(removeTags: ["writer-\(Int(random.next() % 8) + 1)"], isArchived: random.next() % 2 == 0)
        }
        let outcome = try writer.edit(edit, base: base)
        knownMetadata[conversationID] = outcome.current
    }
}
