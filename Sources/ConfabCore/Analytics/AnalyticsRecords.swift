/// The place of a summary row or a measured turn: the dimensions every grouping reads.
public struct AnalyticsDimensions: Sendable, Equatable {
    public var conversationID: Int64
    /// Days since 1970-01-01 (UTC); nil when unknown.
    public var day: Int?
    public var model: String?
    public var role: Role?
    public var userID: Int64
    public var source: String

    public init(conversationID: Int64, day: Int?, model: String?, role: Role?, userID: Int64, source: String) {
        self.conversationID = conversationID
        self.day = day
        self.model = model
        self.role = role
        self.userID = userID
        self.source = source
    }
}

/// The counts and sums of the selected turns of one conversation, day, model and role, as a
/// store reads them from its summary tables or computes them from its turns.
public struct AnalyticsSummaryRecord: Sendable, Equatable {
    public var dimensions: AnalyticsDimensions
    public var turns: Int
    public var characters: Int
    public var messageTurns: Int
    public var hiddenTurns: Int
    public var toolCallTurns: Int
    public var toolResultTurns: Int
    public var reasoningTurns: Int
    public var errorTurns: Int
    public var branchedTurns: Int
    public var inputTokens: Int?
    public var inputTokenTurns: Int
    public var outputTokens: Int?
    public var outputTokenTurns: Int
    public var generationSeconds: Double?
    public var generationTurns: Int

    public init(dimensions: AnalyticsDimensions, turns: Int, characters: Int, messageTurns: Int, hiddenTurns: Int,
                toolCallTurns: Int, toolResultTurns: Int, reasoningTurns: Int, errorTurns: Int, branchedTurns: Int,
                inputTokens: Int?, inputTokenTurns: Int, outputTokens: Int?, outputTokenTurns: Int,
                generationSeconds: Double?, generationTurns: Int) {
        self.dimensions = dimensions
        self.turns = turns
        self.characters = characters
        self.messageTurns = messageTurns
        self.hiddenTurns = hiddenTurns
        self.toolCallTurns = toolCallTurns
        self.toolResultTurns = toolResultTurns
        self.reasoningTurns = reasoningTurns
        self.errorTurns = errorTurns
        self.branchedTurns = branchedTurns
        self.inputTokens = inputTokens
        self.inputTokenTurns = inputTokenTurns
        self.outputTokens = outputTokens
        self.outputTokenTurns = outputTokenTurns
        self.generationSeconds = generationSeconds
        self.generationTurns = generationTurns
    }
}

/// The recorded figures of one selected turn, for percentiles.
public struct AnalyticsMeasureRecord: Sendable, Equatable {
    public var dimensions: AnalyticsDimensions
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var generationSeconds: Double?

    public init(dimensions: AnalyticsDimensions, inputTokens: Int?, outputTokens: Int?, generationSeconds: Double?) {
        self.dimensions = dimensions
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.generationSeconds = generationSeconds
    }
}
