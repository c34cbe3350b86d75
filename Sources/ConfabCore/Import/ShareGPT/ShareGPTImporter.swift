import Foundation

/// Reads ShareGPT training data: a JSON array, or JSON Lines, of
/// `{"id", "model"?, "conversations": [{"from", "value"}, …]}` records.
///
/// ShareGPT has no timestamps and no user, so neither is set. Records `X_0`, `X_1`, … are the
/// chunks of one conversation `X` and are merged in numeric order. Part numbers missing from a
/// group (`X_24` followed by `X_30`, or a group that does not start at `X_0`) are marked with a
/// warning, metadata and a hidden turn where the gap is.
public struct ShareGPTImporter: ConversationImporter {
    public static let format = ImportFormat.sharegpt

    public init() {}

    /// Matches when the first record has a `conversations` array of `{from, value}` objects. An
    /// empty array matches only beside an `id`, the one other field every ShareGPT record has.
    public static func matches(_ probe: FormatProbe) -> Bool {
        guard let first = probe.firstJSONValue, let turns = first["conversations"]?.arrayValue else {
            return false
        }
        if turns.isEmpty {
            return first["id"] != nil
        }
        return turns.allSatisfy { turn in
            turn["from"]?.stringValue != nil && turn["value"] != nil
        }
    }

    public func read(_ file: URL, into sink: any ImportSink) throws {
        let stream = JSONRecordStream(file: file, sink: sink, expecting: .jsonOrLines)
        let assembler = ShareGPTConversationAssembler(file: file, sink: sink)

        let ending = try stream.forEachRecord { record in
            try assembler.add(record)
        }
        try assembler.finish()

        if let failure = ending.failure(file: file.path, completeConversations: assembler.deliveredCount) {
            throw failure
        }
    }
}
