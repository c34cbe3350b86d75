/// One user message and everything the assistant produced for it: reasoning, tool calls, a failed
/// attempt, regenerated answers, and the branch the user abandoned by editing the message.
struct DemoExchangePlan: Sendable {
    enum UserStyle: Sendable {
        /// A new question on the subject.
        case request
        case followUp
        /// A one-word or emoji reply.
        case short
        /// A request for an answer of several thousand words.
        case longRequest
        /// A question with a long pasted text (a stack trace, a log, a draft).
        case paste
    }

    enum AnswerSize: Sendable {
        /// One or two sentences.
        case brief
        /// A paragraph or two and one list, table or code block.
        case standard
        /// Several sections.
        case detailed
        /// Thousands of words in many sections.
        case long
    }

    let userStyle: UserStyle
    /// Whether the user's message includes a code block of their own.
    let includesCode: Bool
    let hasAttachment: Bool
    let answerSize: AnswerSize
    let hasReasoning: Bool
    /// Tool call and tool result pairs before the answer.
    let toolRounds: Int
    /// Whether a failed generation precedes the answers.
    let failsFirst: Bool
    /// One answer, plus one per regeneration.
    let answerCount: Int
    /// The answer the conversation continues from.
    let keptAnswer: Int
    /// When positive, the user's message was edited: the original message started a branch of
    /// this many plain exchanges, and the edited message starts the branch the conversation keeps.
    let abandonedExchanges: Int

    init(position: Int, domain: DemoDomain, model: DemoModel, random: inout DemoRandom) {
        var userStyle = Self.userStyle(position: position, domain: domain, random: &random)
        var answerSize: AnswerSize
        if random.chance(permille: 12) {
            userStyle = .longRequest
            answerSize = .long
        } else if userStyle == .short {
            answerSize = random.chance(permille: 700) ? .brief : .standard
        } else {
            answerSize = Self.answerSizes.pick(&random)
        }

        let canIncludeCode = userStyle == .request || userStyle == .followUp
        self.userStyle = userStyle
        self.includesCode = canIncludeCode && !domain.codeLanguages.isEmpty && random.chance(permille: 200)
        self.hasAttachment = position == 0 && !domain.attachments.isEmpty && random.chance(permille: 60)
        self.answerSize = answerSize
        self.hasReasoning = model.isReasoning && random.chance(permille: 850)

        var toolRounds = 0
        if !domain.tools.isEmpty, userStyle != .short, random.chance(permille: 130) {
            toolRounds = random.chance(permille: 300) ? 2 : 1
        }
        self.toolRounds = toolRounds
        self.failsFirst = random.chance(permille: 15)

        var answerCount = 1
        if random.chance(permille: 60) {
            answerCount = random.chance(permille: 350) ? 3 : 2
        }
        self.answerCount = answerCount

        // Most users keep the latest answer; some go back to an earlier one.
        var keptAnswer = answerCount - 1
        if answerCount > 1, random.chance(permille: 350) {
            keptAnswer = random.int(below: answerCount - 1)
        }
        self.keptAnswer = keptAnswer

        var abandonedExchanges = 0
        if random.chance(permille: 30) {
            abandonedExchanges = random.chance(permille: 300) ? 2 : 1
        }
        self.abandonedExchanges = abandonedExchanges
    }

    var turnCount: Int {
        let userAndAnswers = 1 + answerCount
        let extras = (hasReasoning ? 1 : 0) + 2 * toolRounds + (failsFirst ? 1 : 0)
        return userAndAnswers + extras + 2 * abandonedExchanges
    }

    private static let answerSizes = DemoPool<AnswerSize>(weighted: [
        (.brief, 180), (.standard, 620), (.detailed, 200),
    ])

    private static func userStyle(position: Int, domain: DemoDomain, random: inout DemoRandom) -> UserStyle {
        if domain.paste != nil, random.chance(permille: 20) {
            return .paste
        }
        if position == 0 {
            return .request
        }
        return laterStyles.pick(&random)
    }

    private static let laterStyles = DemoPool<UserStyle>(weighted: [
        (.followUp, 620), (.short, 220), (.request, 160),
    ])
}
