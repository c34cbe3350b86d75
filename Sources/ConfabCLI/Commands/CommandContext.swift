import ConfabCore
import Foundation

/// The inputs of a command handler: its parsed arguments, the output sinks and the environment.
struct CommandContext {
    let arguments: ParsedArguments
    let stdout: OutputSink
    let stderr: OutputSink
    let environment: [String: String]
    /// Set by the SIGINT handler while a long command runs.
    let isCancelled: @Sendable () -> Bool

    /// The store path from `--db`, `$CONFAB_DB` or the default location.
    var storePath: String {
        StoreLocation.resolve(explicit: arguments.string("db"), environment: environment)
    }

    /// Opens the store, creating it when it does not exist.
    func openStore() throws -> SQLiteStore {
        try checkNotFolder(storePath)
        let store = try SQLiteStore(path: storePath)
        store.retentionKeyPath = retentionKeyPath
        return store
    }

    /// The key file of pseudonyms and the erased-ids ledger (see `RetentionKeyFile`).
    var retentionKeyPath: String {
        RetentionKeyFile.defaultPath(storePath: storePath, environment: environment)
    }

    /// Opens the store for a command that only reads: a missing store is an error, not a new file.
    func openExistingStore() throws -> SQLiteStore {
        let path = storePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no Confab store at \(path); import an export first (confab import FILE), or pass --db PATH")
        }
        try checkNotFolder(path)
        let store = try SQLiteStore(path: path)
        store.retentionKeyPath = retentionKeyPath
        return store
    }

    private func checkNotFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure("\(safe(path)) is a folder; --db takes the path of a store file, such as \(safe(path))/confab.db")
        }
    }

    /// The charset for text that reaches a terminal: ASCII stand-ins when the locale is not UTF-8.
    var charset: TerminalSanitizer.Options.Charset {
        TerminalSanitizer.Options.Charset.detect(environment: environment)
    }

    /// Sanitising options for transcript text on standard output, or nil when standard output is
    /// not a terminal and the text should be written as stored.
    var transcriptSanitizer: TerminalSanitizer.Options? {
        stdout.isTerminal ? TerminalSanitizer.Options(layout: .multiLine, charset: charset) : nil
    }

    /// Data for an error message: one line, no control characters.
    func safe(_ text: String) -> String {
        TerminalSanitizer.sanitize(text, options: TerminalSanitizer.Options(layout: .singleLine, charset: charset))
    }
}

/// A failure a command reports as `Error: …` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
