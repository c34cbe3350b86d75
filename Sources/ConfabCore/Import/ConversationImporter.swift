import Foundation

/// A reader for one export format.
///
/// An importer turns a file into `ImportedConversation` values and hands each one to the sink as
/// soon as it is complete, so memory stays bounded by the largest conversation rather than the file.
/// It never writes to the store itself.
public protocol ConversationImporter: Sendable {
    static var format: ImportFormat { get }

    /// Returns whether the probed file has this format's structure (not its name).
    static func matches(_ probe: FormatProbe) -> Bool

    init()

    /// Reads every conversation of `file` into `sink`.
    ///
    /// A conversation or line that cannot be read is reported with `sink.skip` and the rest goes on.
    /// A file that cannot be read past some point throws `ImportFailure` after every complete
    /// conversation before that point has reached the sink.
    func read(_ file: URL, into sink: any ImportSink) throws
}

/// Where an importer delivers what it read.
public protocol ImportSink: AnyObject {
    /// Receives one complete conversation. Throws to stop the import (cancellation, a store error).
    func accept(_ conversation: ImportedConversation) throws

    /// Records a conversation or line that was skipped, with the reason.
    func skip(_ problem: ImportProblem)

    /// Reports how far into the file the importer has read, in bytes (or rows for databases).
    func progress(done: Int64, total: Int64)

    /// Adds repairs made while decoding text: invalid UTF-8 sequences and lone UTF-16 surrogates
    /// that were each replaced by U+FFFD.
    func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int)
}

/// A record that was skipped, located precisely enough to find it in the file.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The record's place in the source: "line 7, byte 1234" in a JSON or JSON Lines file,
    /// "chat <id>" or "thread <id>" in a database.
    public var location: String
    /// The conversation id in the source, when it could be read.
    public var conversationID: String?
    /// The field that was missing or invalid, as a path such as `mapping.a1b2.message.content`.
    public var field: String?
    public var reason: String

    public init(file: String, location: String, conversationID: String? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.location = location
        self.conversationID = conversationID
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var parts = ["\(file): \(location)"]
        if let conversationID { parts.append("conversation \(conversationID)") }
        if let field { parts.append("field \(field)") }
        return parts.joined(separator: ", ") + ": " + reason
    }
}

/// A failure that stops reading a file.
public enum ImportFailure: Error, Equatable, CustomStringConvertible {
    /// The file ends in the middle of a value. `completeConversations` were read before the break.
    case truncated(file: String, byteOffset: Int64, completeConversations: Int, detail: String)
    /// The file is not valid at `byteOffset` and cannot be read past it.
    case malformed(file: String, byteOffset: Int64, line: Int, completeConversations: Int, detail: String)
    /// No importer recognised the file's structure.
    case unknownFormat(file: String, tried: [ImportFormat])
    /// The file could not be opened or read.
    case unreadable(file: String, detail: String)

    public var description: String {
        switch self {
        case let .truncated(file, offset, complete, detail):
            return "\(file): file ends early at byte \(offset) (\(detail)); \(complete) complete conversation(s) precede the break"
        case let .malformed(file, offset, line, complete, detail):
            return "\(file): invalid data at byte \(offset), line \(line) (\(detail)); \(complete) complete conversation(s) precede it"
        case let .unknownFormat(file, tried):
            let names = tried.map(\.rawValue).joined(separator: ", ")
            return "\(file): not a known export format (tried \(names))"
        case let .unreadable(file, detail):
            return "\(file): cannot read file: \(detail)"
        }
    }
}
