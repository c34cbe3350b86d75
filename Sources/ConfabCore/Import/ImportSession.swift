import Foundation

/// Imports one export file into a store: detects the format, assigns owners, writes every
/// conversation in one transaction and reports what happened.
///
/// A file that ends early or breaks mid-way imports nothing unless `keepPartial` is set, in which
/// case exactly the conversations completed before the break are kept. Either way a failure never
/// leaves a half-written conversation: the writer's transaction commits whole or not at all.
public final class ImportSession {
    public struct Options: Sendable {
        /// Skips detection and reads the file as this format.
        public var format: ImportFormat?
        /// Owner of conversations whose export names no account.
        public var userName: String?
        /// Keeps the complete conversations of a file that ends early or breaks mid-way.
        public var keepPartial = false

        public init(format: ImportFormat? = nil, userName: String? = nil, keepPartial: Bool = false) {
            self.format = format
            self.userName = userName
            self.keepPartial = keepPartial
        }
    }

    /// Every importer, in detection order.
    public static let importers: [any ConversationImporter.Type] = ImporterRegistry.all

    private let store: any ConversationStore
    private let options: Options
    private let progress: (any ImportProgressObserver)?
    private let isCancelled: @Sendable () -> Bool

    public init(
        store: any ConversationStore,
        options: Options = Options(),
        progress: (any ImportProgressObserver)? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.store = store
        self.options = options
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// Detects the format of `file`: the one named in the options, else the first importer whose
    /// structural check matches.
    public func detectImporter(for file: URL) throws -> any ConversationImporter.Type {
        if let format = options.format {
            guard let importer = ImportSession.importers.first(where: { $0.format == format }) else {
                throw ImportFailure.unknownFormat(file: file.path, tried: [format])
            }
            return importer
        }
        let probe = try FormatProbe.read(file)
        guard let importer = ImportSession.importers.first(where: { $0.matches(probe) }) else {
            throw ImportFailure.unknownFormat(file: file.path, tried: ImportSession.importers.map { $0.format })
        }
        return importer
    }

    /// Imports `file` and returns the report. Throws when nothing could be imported: an unknown
    /// format, an unreadable file, a store failure, cancellation, or a broken file without
    /// `keepPartial` (as `ImportRejected`, carrying the report of what was read).
    public func run(_ file: URL) throws -> ImportReport {
        try ImportSession.checkReadable(file)
        let importerType = try detectImporter(for: file)
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value
        return try run(format: importerType.format, label: file.path, fileBytes: fileBytes) { sink in
            try importerType.init().read(file, into: sink)
        }
    }

    /// Imports the conversations that `produce` hands to its sink, recorded under `label` (a file
    /// path, or a description such as the demo generator's options).
    public func run(format: ImportFormat, label: String, fileBytes: Int64? = nil,
                    produce: (any ImportSink) throws -> Void) throws -> ImportReport {
        let writer = try store.beginImport(format: format, filePath: label, fileBytes: fileBytes)
        let sink = SessionSink(
            writer: writer, format: format, defaultOwner: defaultOwner(for: format),
            progress: progress, isCancelled: isCancelled)
        let started = Date()
        defer { progress?.finished() }

        do {
            try produce(sink)
        } catch let failure as ImportFailure {
            switch failure {
            case .truncated, .malformed:
                var report = ImportReport(file: label, format: format, summary: sink.summary,
                                          failure: failure, seconds: Date().timeIntervalSince(started))
                guard options.keepPartial else {
                    writer.rollback()
                    report.summary = ImportSummary()
                    report.summary.skipped = sink.summary.skipped
                    throw ImportRejected(report: report)
                }
                report.summary.isPartial = true
                try writer.commit(report.summary)
                return report
            case .unknownFormat, .unreadable:
                writer.rollback()
                throw failure
            }
        } catch {
            writer.rollback()
            throw error
        }

        try writer.commit(sink.summary)
        return ImportReport(file: label, format: format, summary: sink.summary, failure: nil,
                            seconds: Date().timeIntervalSince(started))
    }

    /// Throws `ImportFailure.unreadable` with the reason a person can act on when `file` is
    /// missing, a directory or not readable.
    static func checkReadable(_ file: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            throw ImportFailure.unreadable(file: file.path, detail: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ImportFailure.unreadable(
                file: file.path, detail: "it is a directory; pass the export file inside it, such as conversations.json")
        }
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw ImportFailure.unreadable(file: file.path, detail: "permission denied")
        }
    }

    /// Returns whether `file` has the structure of `format`; nil when the file cannot be probed.
    public static func file(_ file: URL, looksLike format: ImportFormat) -> Bool? {
        guard let probe = try? FormatProbe.read(file),
              let importer = importers.first(where: { $0.format == format }) else { return nil }
        return importer.matches(probe)
    }

    /// Returns the owner of conversations whose export names no account: `--user NAME`, else one
    /// default user per source.
    private func defaultOwner(for format: ImportFormat) -> Owner {
        if let userName = options.userName, !userName.isEmpty {
            return .named(userName)
        }
        return .account(source: format.rawValue, externalID: "default", name: "\(format.rawValue) user")
    }
}

/// The outcome of one import.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    public var format: ImportFormat
    public var summary: ImportSummary
    /// The failure that stopped reading early, if any.
    public var failure: ImportFailure?
    public var seconds: Double
}

/// A file that ended early or broke mid-way, imported without `--partial`: nothing was stored.
public struct ImportRejected: Error, Equatable, CustomStringConvertible {
    public var report: ImportReport

    public var description: String {
        let reason = report.failure.map { "\($0)" } ?? "\(report.file): import failed"
        return reason + "; nothing was imported (use --partial to keep the complete conversations)"
    }
}

/// Receives progress of a running import, for a progress bar.
public protocol ImportProgressObserver: AnyObject {
    func update(done: Int64, total: Int64, conversations: Int)
    func finished()
}

/// Forwards what an importer reads to the writer, counting outcomes.
private final class SessionSink: ImportSink {
    let writer: any ImportWriter
    let format: ImportFormat
    let defaultOwner: Owner
    let progress: (any ImportProgressObserver)?
    let isCancelled: @Sendable () -> Bool
    var summary = ImportSummary()
    private var occurrences: [String: Int] = [:]
    private var conversationsSeen = 0

    init(writer: any ImportWriter, format: ImportFormat, defaultOwner: Owner,
         progress: (any ImportProgressObserver)?, isCancelled: @escaping @Sendable () -> Bool) {
        self.writer = writer
        self.format = format
        self.defaultOwner = defaultOwner
        self.progress = progress
        self.isCancelled = isCancelled
    }

    func accept(_ conversation: ImportedConversation) throws {
        if isCancelled() {
            throw CancellationError()
        }

        // A conversation id that repeats within one file is a different conversation, because
        // ShareGPT dumps repeat ids. The second and later ones get `~2`, `~3`, … so each keeps its
        // own row, and re-importing the file maps them to the same rows again.
        var conversation = conversation
        let occurrence = (occurrences[conversation.sourceID] ?? 0) + 1
        occurrences[conversation.sourceID] = occurrence
        if occurrence > 1 {
            conversation.sourceID += "~\(occurrence)"
        }

        let owner = conversation.user.map {
            Owner.account(source: format.rawValue, externalID: $0.externalID, name: $0.name)
        } ?? defaultOwner

        let result = try writer.write(conversation, owner: owner)
        switch result.outcome {
        case .new:
            summary.newConversations += 1
        case .updated:
            summary.updatedConversations += 1
        case .unchanged:
            summary.unchangedConversations += 1
        case .erased:
            summary.erasedConversations += 1
        }
        summary.newTurns += result.turnsAdded
        conversationsSeen += 1
    }

    func skip(_ problem: ImportProblem) {
        summary.skipped.append(problem)
    }

    func progress(done: Int64, total: Int64) {
        progress?.update(done: done, total: total, conversations: conversationsSeen)
    }

    func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int) {
        summary.invalidUTF8 += invalidUTF8
        summary.loneSurrogates += loneSurrogates
    }
}
