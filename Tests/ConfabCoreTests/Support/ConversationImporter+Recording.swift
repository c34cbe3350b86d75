import Foundation
@testable import ConfabCore

/// Runs an importer into a fresh `RecordingSink`, for assertions on what it delivered.
extension ConversationImporter {
    /// Reads `file`, throwing any error the importer throws.
    func recordedSink(reading file: URL) throws -> RecordingSink {
        let sink = RecordingSink()
        try read(file, into: sink)
        return sink
    }

    /// Reads `file`. An `ImportFailure` becomes the outcome's failure, and any other error is
    /// thrown, so an importer that throws something else fails the test.
    func outcome(reading file: URL) throws -> ImportOutcome {
        let sink = RecordingSink()
        do {
            try read(file, into: sink)
            return ImportOutcome(path: file.path, sink: sink, failure: nil)
        } catch let failure as ImportFailure {
            return ImportOutcome(path: file.path, sink: sink, failure: failure)
        }
    }

    /// Writes `bytes` to a file named `name` in a fresh folder, next to `besides` (file names
    /// mapped to their text), and reads it as `outcome(reading:)` does.
    func outcome(readingBytes bytes: [UInt8], writtenAs name: String, besides: [String: String] = [:]) throws -> ImportOutcome {
        let folder = try TemporaryDirectory()
        for (besideName, text) in besides {
            _ = try folder.write(text, to: besideName)
        }
        let file = folder.url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try outcome(reading: file)
    }

    func outcome(reading text: String, writtenAs name: String, besides: [String: String] = [:]) throws -> ImportOutcome {
        try outcome(readingBytes: Array(text.utf8), writtenAs: name, besides: besides)
    }
}
