/// The summary rows of one new conversation, computed from the values an import writes, so that
/// the import does not read its turns back.
///
/// Every value mirrors `AnalyticsAggregates.daySelect` and `measureSelect` over the stored rows,
/// and `AnalyticsAggregates.check` compares the two. The tests run that check after imports.
struct AnalyticsConversationSummary {
    fileprivate struct Key: Hashable {
        var day: Int?
        var model: String?
        var role: Role
    }

    fileprivate struct Figures {
        var turns = 0
        var characters = 0
        var kinds: [TurnKind: Int] = [:]
        var branchedTurns = 0
        var inputTokens: Int?
        var inputTokenTurns = 0
        var outputTokens: Int?
        var outputTokenTurns = 0
        var generationSeconds: Double?
        var generationTurns = 0
    }

    private let conversationID: Int64
    private let conversationCreatedAt: Double?
    private let conversationModel: String?
    private var figures: [Key: Figures] = [:]
    /// Keys in the order first seen, so rows are written in a stable order.
    private var keys: [Key] = []
    private var measures: [(turnID: Int64, key: Key, input: Int?, output: Int?, seconds: Double?)] = []

    init(conversationID: Int64, createdAt: Double?, model: String?) {
        self.conversationID = conversationID
        conversationCreatedAt = createdAt
        conversationModel = model
    }

    /// Returns the day `AnalyticsAggregates.dayExpression` computes, with the same floating-point steps.
    static func day(of seconds: Double?) -> Int? {
        guard let seconds else { return nil }
        return Int((seconds / 86_400.0 + 429_000).rounded(.towardZero)) - 429_000
    }

    /// Counts characters as SQLite's `length` does: UTF-8 sequences before the first NUL.
    ///
    /// Imports call it for every turn, so it counts the continuation bytes (`10xxxxxx`) of eight
    /// bytes at a time and goes byte by byte only from a word that contains a NUL.
    static func sqliteLength(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            let count = bytes.count
            var index = 0
            var continuationBytes = 0
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let hasZeroByte = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if hasZeroByte {
                    break
                }
                continuationBytes += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < count && bytes[index] != 0 {
                if bytes[index] & 0xC0 == 0x80 {
                    continuationBytes += 1
                }
                index += 1
            }
            return index - continuationBytes
        }
    }

    mutating func add(_ turn: ImportedTurn, turnID: Int64, branchIndex: Int) {
        let key = Key(day: Self.day(of: turn.createdAt?.timeIntervalSince1970 ?? conversationCreatedAt),
                      model: turn.model ?? conversationModel, role: turn.role)
        if figures[key] == nil {
            keys.append(key)
        }
        figures[key, default: Figures()].add(turn, characters: Self.sqliteLength(turn.text), isBranched: branchIndex > 0)
        if turn.inputTokens != nil || turn.outputTokens != nil || turn.generationSeconds != nil {
            measures.append((turnID, key, turn.inputTokens, turn.outputTokens, turn.generationSeconds))
        }
    }

    func write(to connection: Connection) throws {
        for key in keys {
            let row = figures[key]!
            try connection.run(
                "INSERT INTO analytics_turn_days VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                conversationID, key.day, key.model, key.role.rawValue, row.turns, row.characters,
                row.kinds[.message] ?? 0, row.kinds[.hidden] ?? 0, row.kinds[.toolCall] ?? 0, row.kinds[.toolResult] ?? 0,
                row.kinds[.reasoning] ?? 0, row.kinds[.error] ?? 0, row.branchedTurns,
                row.inputTokens, row.inputTokenTurns, row.outputTokens, row.outputTokenTurns,
                row.generationSeconds, row.generationTurns)
        }
        for measure in measures {
            try connection.run(
                "INSERT INTO analytics_turn_measures VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                conversationID, measure.turnID, measure.key.day, measure.key.model, measure.key.role.rawValue,
                measure.input, measure.output, measure.seconds)
        }
    }
}

extension AnalyticsConversationSummary.Figures {
    mutating func add(_ turn: ImportedTurn, characters: Int, isBranched: Bool) {
        turns += 1
        self.characters += characters
        kinds[turn.kind, default: 0] += 1
        if isBranched {
            branchedTurns += 1
        }
        if let tokens = turn.inputTokens {
            inputTokens = (inputTokens ?? 0) + tokens
            inputTokenTurns += 1
        }
        if let tokens = turn.outputTokens {
            outputTokens = (outputTokens ?? 0) + tokens
            outputTokenTurns += 1
        }
        if let seconds = turn.generationSeconds {
            generationSeconds = (generationSeconds ?? 0) + seconds
            generationTurns += 1
        }
    }
}
