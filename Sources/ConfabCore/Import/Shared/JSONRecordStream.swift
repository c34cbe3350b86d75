import Foundation

/// Streams the records of a JSON array, a single JSON value or a JSON Lines file to an importer,
/// and reports progress, text repairs and unparsable lines to the sink.
///
/// The ChatGPT, Claude, ShareGPT and OpenAI chat importers read their files through it, because
/// each of those formats comes as a JSON array, a single object or JSON Lines.
final class JSONRecordStream {
    /// The layouts a format comes in.
    ///
    /// A file is first read with the layout detected from the data. When its first value fails
    /// to parse, or its layout is not expected, it is read again as JSON Lines, where a broken
    /// line can be skipped and the next one read.
    ///
    /// NOTE: A broken single value that spans several lines is re-read the same way, so each of
    /// its lines is reported as skipped instead of the file failing as malformed.
    enum Expectation {
        /// A JSON array, a single value or JSON Lines.
        case jsonOrLines
        /// JSON Lines, or a single value that may span several lines. A first line that is an
        /// array is one record, not an array of records.
        case lines
    }

    /// The outcome of reading a file to its end or to the point where it breaks.
    enum Ending: Equatable {
        case complete
        /// The file ends inside a value, at `byteOffset`.
        case truncated(byteOffset: Int64, detail: String)
        /// The file is not valid JSON at `byteOffset` and cannot be read past it.
        case malformed(byteOffset: Int64, line: Int, detail: String)

        /// Returns the failure an importer throws for this ending after delivering
        /// `completeConversations` conversations, or nil when reading completed.
        func failure(file: String, completeConversations: Int) -> ImportFailure? {
            switch self {
            case .complete:
                return nil
            case let .truncated(byteOffset, detail):
                return .truncated(file: file, byteOffset: byteOffset, completeConversations: completeConversations, detail: detail)
            case let .malformed(byteOffset, line, detail):
                return .malformed(file: file, byteOffset: byteOffset, line: line, completeConversations: completeConversations, detail: detail)
            }
        }
    }

    /// Thrown to stop a read whose layout is not the one being tried.
    private struct UnexpectedLayout: Error {}

    /// Bytes read between two progress reports.
    private static let progressInterval: Int64 = 256 << 10

    let file: URL
    let sink: any ImportSink
    private let expectation: Expectation

    init(file: URL, sink: any ImportSink, expecting expectation: Expectation) {
        self.file = file
        self.sink = sink
        self.expectation = expectation
    }

    /// Calls `body` with each record in file order and returns how reading ended.
    ///
    /// A JSON Lines line that does not parse is reported with `sink.skip` at "line N, byte B", B
    /// being the byte where parsing failed, and reading goes on. A last line cut off by the end of
    /// the file is not skipped but ends reading as `.truncated`. Errors thrown by `body` are
    /// rethrown. A file that cannot be opened or read throws `ImportFailure.unreadable`.
    func forEachRecord(_ body: (JSONRecord) throws -> Void) throws -> Ending {
        let requiredLayout: JSONStreamReader.Layout? = expectation == .lines ? .single : nil
        if let ending = try read(mode: .automatic, requiring: requiredLayout, body) {
            return ending
        }
        guard let ending = try read(mode: .lines, body) else {
            preconditionFailure("a read line by line accepts every layout and never gives up")
        }
        return ending
    }

    /// Reads the file once in `mode`. Returns nil, having yielded nothing, when the first value
    /// of an automatic read fails to parse or the layout is not `requiredLayout`.
    private func read(
        mode: JSONStreamReader.Mode,
        requiring requiredLayout: JSONStreamReader.Layout? = nil,
        _ body: (JSONRecord) throws -> Void
    ) throws -> Ending? {
        let reader: JSONStreamReader
        do {
            reader = try JSONStreamReader(url: file, mode: mode)
        } catch {
            throw unreadable(error)
        }

        let fileSize = reader.fileSize
        var cutLastLine: JSONLineError?
        var reportedBytes: Int64 = 0
        var isAbandoned = false
        let ending: Ending

        // Repairs are counted however reading stops, a thrown error included, except when the read
        // is abandoned for a read line by line, which parses the same text again.
        defer {
            if !isAbandoned {
                sink.countTextRepairs(invalidUTF8: reader.repairs.invalidUTF8, loneSurrogates: reader.repairs.loneSurrogates)
            }
        }

        do {
            try reader.forEachElement(
                onLineError: { lineError in
                    // Only a value cut off by the end of the file is reported at the file's size:
                    // a syntax error points at a byte inside the line.
                    if lineError.byteOffset == fileSize {
                        cutLastLine = lineError
                    } else {
                        skipLine(lineError)
                    }
                },
                { value, location in
                    let layout = reader.layout ?? .lines
                    if let requiredLayout, layout != requiredLayout {
                        throw UnexpectedLayout()
                    }
                    try body(JSONRecord(value: value, location: location, layout: layout))

                    if reader.bytesConsumed - reportedBytes >= JSONRecordStream.progressInterval {
                        reportedBytes = reader.bytesConsumed
                        sink.progress(done: reportedBytes, total: fileSize)
                    }
                })

            if let cutLastLine {
                ending = .truncated(
                    byteOffset: cutLastLine.byteOffset,
                    detail: "line \(cutLastLine.line) is cut off: \(cutLastLine.message)")
            } else {
                ending = .complete
            }
        } catch is UnexpectedLayout {
            isAbandoned = true
            return nil
        } catch let error as JSONReadError {
            let failedBeforeLayout = mode == .automatic && reader.layout == nil
            switch error {
            case .syntax where failedBeforeLayout, .unexpectedEnd where failedBeforeLayout:
                isAbandoned = true
                return nil
            case let .unexpectedEnd(byteOffset, _, _):
                ending = .truncated(byteOffset: byteOffset, detail: error.description)
            case let .syntax(message, byteOffset, line, _):
                ending = .malformed(byteOffset: byteOffset, line: line, detail: message)
            case .unreadable:
                throw unreadable(error)
            }
        }

        sink.progress(done: reader.bytesConsumed, total: fileSize)
        return ending
    }

    private func skipLine(_ lineError: JSONLineError) {
        sink.skip(ImportProblem(
            file: file.path,
            location: "line \(lineError.line), byte \(lineError.byteOffset)",
            reason: "invalid JSON: \(lineError.message)"))
    }

    private func unreadable(_ error: JSONReadError) -> ImportFailure {
        if case let .unreadable(_, message) = error {
            return .unreadable(file: file.path, detail: message)
        }
        return .unreadable(file: file.path, detail: error.description)
    }
}
