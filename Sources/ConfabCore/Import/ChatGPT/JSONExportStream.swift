import Foundation

/// Streams the conversations of a JSON export file into a sink, one top-level element at a time.
///
/// The file may be an array of conversations, a single conversation object or JSON Lines. The
/// ChatGPT and Claude importers share this step:
/// - a conversion that throws `ExportFieldError` skips that conversation with an `ImportProblem`
///   at its first byte (or line), and the rest goes on;
/// - a JSON Lines record that does not parse is skipped the same way;
/// - a file that ends early throws `ImportFailure.truncated`, and a syntax error that stops the
///   array throws `ImportFailure.malformed`, both after every complete conversation reached the sink;
/// - text repairs are counted once, when reading stops for any reason.
struct JSONExportStream {
    let file: URL
    let sink: any ImportSink

    /// The minimum number of bytes read between two progress reports.
    static let progressInterval: Int64 = 256 * 1024

    func run(_ convert: (JSONValue, JSONElementLocation) throws(ExportFieldError) -> ImportedConversation) throws {
        let reader: JSONStreamReader
        do {
            reader = try JSONStreamReader(url: file)
        } catch {
            throw failure(for: error, delivered: 0)
        }

        var delivered = 0
        var lastReported: Int64 = 0
        defer {
            sink.countTextRepairs(invalidUTF8: reader.repairs.invalidUTF8, loneSurrogates: reader.repairs.loneSurrogates)
        }

        do {
            try reader.forEachElement(onLineError: skipLine) { value, location in
                let conversation: ImportedConversation
                do throws(ExportFieldError) {
                    conversation = try convert(value, location)
                } catch {
                    sink.skip(problem(error, at: location, layout: reader.layout))
                    return
                }
                try sink.accept(conversation)
                delivered += 1

                if reader.bytesConsumed - lastReported >= Self.progressInterval {
                    lastReported = reader.bytesConsumed
                    sink.progress(done: reader.bytesConsumed, total: reader.fileSize)
                }
            }
        } catch let error as JSONReadError {
            throw failure(for: error, delivered: delivered)
        }

        sink.progress(done: reader.fileSize, total: reader.fileSize)
    }

    private func skipLine(_ error: JSONLineError) {
        sink.skip(ImportProblem(file: file.path, location: "line \(error.line)", reason: "invalid JSON: \(error.message)"))
    }

    private func problem(_ error: ExportFieldError, at location: JSONElementLocation, layout: JSONStreamReader.Layout?) -> ImportProblem {
        let place = layout == .lines ? "line \(location.line)" : "byte \(location.byteOffset)"
        return ImportProblem(
            file: file.path, location: place, conversationID: error.conversationID, field: error.field, reason: error.reason)
    }

    private func failure(for error: JSONReadError, delivered: Int) -> ImportFailure {
        switch error {
        case let .unexpectedEnd(byteOffset, _, elementIndex):
            return .truncated(
                file: file.path, byteOffset: byteOffset, completeConversations: delivered,
                detail: "the JSON ends after \(elementIndex) complete top-level element(s)")
        case let .syntax(message, byteOffset, line, _):
            return .malformed(file: file.path, byteOffset: byteOffset, line: line, completeConversations: delivered, detail: message)
        case let .unreadable(_, message):
            return .unreadable(file: file.path, detail: message)
        }
    }
}
