import Foundation

/// Turns a plan into an `ImportedConversation`: composes every turn's text, links the turns into
/// their tree, and gives them times, models and token usage.
///
/// Turns are made in time order and every turn's parent is made before it, so times never
/// decrease along a thread and every parent id names an earlier turn.
struct DemoConversationBuilder {
    private let plan: DemoConversationPlan
    private var composer: DemoComposer
    private let conversationKey: UInt64
    private var turns: [ImportedTurn] = []
    /// The current time, in milliseconds since 1970; it only moves forward.
    private var clock: Int64
    /// Tokens of the thread so far, sent as input with the next request.
    private var contextTokens = 0
    /// Tokens of the latest answer, added to the context once the exchange is complete.
    private var lastAnswerTokens = 0
    /// Gaps of a day or more left for this conversation. Allowing at most two keeps long
    /// conversations from running into the end of the window, where the clock stops.
    private var multiDayGapsLeft = 2

    init(plan: DemoConversationPlan, seed: UInt64) {
        self.plan = plan
        self.composer = DemoComposer(plan: plan, seed: seed)
        self.conversationKey = DemoIdentifier.conversation(seed: seed, index: plan.index).key
        self.clock = plan.startMilliseconds
    }

    mutating func build(sourceID: String) -> ImportedConversation {
        turns.reserveCapacity(plan.turnCount)
        let title = composer.title()
        let tags = composer.tags()

        var tip = appendSetupTurns()
        var abandonedLeaf: String?
        for (position, exchange) in plan.exchanges.enumerated() {
            if position > 0 {
                advance(by: pauseBeforeNextMessage())
            }
            let model = DemoModel.catalog[plan.modelIndex(forExchange: position)]

            if exchange.abandonedExchanges > 0 {
                abandonedLeaf = appendAbandonedBranch(of: exchange, after: tip, model: model)
            }
            tip = appendExchange(exchange, after: tip, model: model)
        }

        let defaultLeaf: String?
        switch plan.leafChoice {
        case .newest: defaultLeaf = nil
        case .mainThread: defaultLeaf = tip
        case .abandonedBranch: defaultLeaf = abandonedLeaf ?? tip
        }

        return ImportedConversation(
            sourceID: sourceID,
            user: plan.user.imported,
            persona: plan.persona?.persona,
            title: title,
            model: DemoModel.catalog[plan.modelIndex].name,
            createdAt: DemoCalendar.date(milliseconds: plan.startMilliseconds),
            updatedAt: turns.last?.createdAt,
            tags: tags,
            metadataJSON: metadataJSON(),
            turns: turns,
            defaultLeafSourceID: defaultLeaf)
    }

    // MARK: Parts of the tree

    /// Appends the hidden system prompt and custom instructions that open some conversations, and
    /// returns the id of the last one.
    private mutating func appendSetupTurns() -> String? {
        var tip: String?
        if plan.hasSystemTurn {
            let text = composer.systemPrompt(persona: plan.persona, day: plan.startDay)
            contextTokens += DemoComposer.tokenEstimate(text)
            tip = append(ImportedTurn(sourceID: "", parentSourceID: tip, role: .system, kind: .hidden, text: text))
        }
        if plan.hasCustomInstructions {
            let text = composer.customInstructions()
            contextTokens += DemoComposer.tokenEstimate(text)
            tip = append(ImportedTurn(sourceID: "", parentSourceID: tip, role: .user, kind: .hidden, text: text))
        }
        if tip != nil {
            advance(by: Int64(random(in: 200...2_000)))
        }
        return tip
    }

    /// Appends the exchanges that the user later discarded by editing their message, and returns
    /// the branch's leaf.
    private mutating func appendAbandonedBranch(
        of exchange: DemoExchangePlan, after tip: String?, model: DemoModel
    ) -> String? {
        var branchTip = tip
        let savedContext = contextTokens
        for index in 0..<exchange.abandonedExchanges {
            if index > 0 {
                advance(by: pauseBeforeNextMessage())
            }
            let userText = composer.userMessage(for: exchange)
            let userID = appendUserMessage(userText, parent: branchTip)
            let size: DemoExchangePlan.AnswerSize = composer.random.chance(permille: 500) ? .brief : .standard
            branchTip = appendAnswer(size: size, parent: userID, model: model)
        }

        // The user scrolls back up and rewrites the message.
        contextTokens = savedContext
        advance(by: Int64(random(in: 8_000...180_000)))
        return branchTip
    }

    /// Appends the user's message and everything that answers it, and returns the answer that the
    /// thread continues from.
    private mutating func appendExchange(
        _ exchange: DemoExchangePlan, after tip: String?, model: DemoModel
    ) -> String {
        var userText = composer.userMessage(for: exchange)
        var attachments: [ImportedAttachment] = []
        if exchange.hasAttachment, let (attachment, placeholder) = composer.attachment() {
            userText = placeholder + "\n" + userText
            attachments.append(attachment)
        }
        let userID = appendUserMessage(userText, parent: tip, attachments: attachments)
        var answerParent = userID

        if exchange.hasReasoning {
            answerParent = appendReasoning(parent: answerParent, model: model)
        }
        for _ in 0..<exchange.toolRounds {
            answerParent = appendToolRound(parent: answerParent, model: model)
        }
        if exchange.failsFirst {
            advance(by: Int64(random(in: 1_000...60_000)))
            append(ImportedTurn(
                sourceID: "", parentSourceID: answerParent, role: .assistant, kind: .error, author: model.name,
                model: model.name, text: composer.errorMessage()))
            advance(by: Int64(random(in: 2_000...30_000)))
        }

        var keptAnswer = answerParent
        for index in 0..<exchange.answerCount {
            if index > 0 {
                // The user reads the answer, then asks for another.
                advance(by: Int64(random(in: 4_000...90_000)))
            }
            let answerID = appendAnswer(size: exchange.answerSize, parent: answerParent, model: model)
            if index == exchange.keptAnswer {
                keptAnswer = answerID
            }
        }
        contextTokens += lastAnswerTokens
        return keptAnswer
    }

    // MARK: Single turns

    private mutating func appendUserMessage(
        _ text: String, parent: String?, attachments: [ImportedAttachment] = []
    ) -> String {
        contextTokens += DemoComposer.tokenEstimate(text)
        return append(ImportedTurn(
            sourceID: "", parentSourceID: parent, role: .user, text: text, attachments: attachments))
    }

    private mutating func appendAnswer(size: DemoExchangePlan.AnswerSize, parent: String, model: DemoModel) -> String {
        let text = composer.answer(size: size)
        let outputTokens = DemoComposer.tokenEstimate(text)
        lastAnswerTokens = outputTokens

        // Time to first token, then generation at the model's speed give or take a fifth.
        advance(by: Int64(random(in: 300...2_500)))
        let generationMilliseconds = outputTokens * 1_000 / model.tokensPerSecond * random(in: 80...120) / 100
        var turn = ImportedTurn(
            sourceID: "", parentSourceID: parent, role: .assistant, author: model.name, model: model.name, text: text)
        if composer.random.chance(permille: 950) {
            turn.inputTokens = contextTokens
            turn.outputTokens = outputTokens
            turn.generationSeconds = Double(generationMilliseconds) / 1_000
        }
        let id = append(turn)
        advance(by: Int64(generationMilliseconds))
        return id
    }

    private mutating func appendReasoning(parent: String, model: DemoModel) -> String {
        advance(by: Int64(random(in: 300...1_500)))
        let text = composer.reasoning()
        // Models think in far more tokens than the summary they show.
        let thinkingTokens = DemoComposer.tokenEstimate(text) * random(in: 3...12)
        let thinkingMilliseconds = thinkingTokens * 1_000 / model.tokensPerSecond
        let id = append(ImportedTurn(
            sourceID: "", parentSourceID: parent, role: .assistant, kind: .reasoning, author: model.name,
            model: model.name, text: text, inputTokens: contextTokens, outputTokens: thinkingTokens,
            generationSeconds: Double(thinkingMilliseconds) / 1_000))
        advance(by: Int64(thinkingMilliseconds))
        return id
    }

    /// Appends a tool call and the tool's output, and returns the output turn's id.
    private mutating func appendToolRound(parent: String, model: DemoModel) -> String {
        let tool = composer.random.element(of: composer.domain.tools)
        let (call, output) = composer.toolExchange(tool)

        advance(by: Int64(random(in: 500...3_000)))
        let callID = append(ImportedTurn(
            sourceID: "", parentSourceID: parent, role: .assistant, kind: .toolCall, author: tool.name,
            model: model.name, text: call, rawPayloadJSON: "{\"recipient\":\"" + tool.name + "\"}",
            inputTokens: contextTokens, outputTokens: DemoComposer.tokenEstimate(call)))

        advance(by: Int64(random(in: 200...8_000)))
        contextTokens += DemoComposer.tokenEstimate(output)
        return append(ImportedTurn(
            sourceID: "", parentSourceID: callID, role: .tool, kind: .toolResult, author: tool.name, text: output))
    }

    /// Adds a turn with the next id and the current time, and returns its id.
    @discardableResult
    private mutating func append(_ turn: ImportedTurn) -> String {
        var turn = turn
        turn.sourceID = DemoIdentifier.turn(conversationKey: conversationKey, ordinal: turns.count)
        turn.createdAt = DemoCalendar.date(milliseconds: clock)
        turns.append(turn)
        return turn.sourceID
    }

    // MARK: Time

    private mutating func random(in range: ClosedRange<Int>) -> Int {
        composer.random.int(in: range)
    }

    /// Moves the clock forward, stopping just before the end of the window.
    private mutating func advance(by milliseconds: Int64) {
        clock = min(clock + milliseconds, DemoCalendar.endMilliseconds - 1)
    }

    /// Time between an answer and the user's next message: usually seconds to minutes, now and
    /// then hours, rarely days.
    private mutating func pauseBeforeNextMessage() -> Int64 {
        let roll = random(in: 0...999)
        let seconds: Int
        switch roll {
        case 0..<700: seconds = random(in: 5...120)
        case 700..<900: seconds = random(in: 120...900)
        case 900..<965: seconds = random(in: 900...10_800)
        case 965..<990: seconds = random(in: 10_800...50_400)
        default:
            if multiDayGapsLeft > 0 {
                multiDayGapsLeft -= 1
                seconds = random(in: 86_400...259_200)
            } else {
                seconds = random(in: 900...10_800)
            }
        }
        return Int64(seconds) * 1_000 + Int64(random(in: 0...999))
    }

    private func metadataJSON() -> String {
        let language = plan.language?.rawValue ?? "en"
        return "{\"demo\":{\"conversation\":\(plan.index),\"domain\":\"\(plan.domainID)\",\"language\":\"\(language)\"}}"
    }
}
