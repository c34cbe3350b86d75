/// The shape of one demo conversation, decided before any text is written: owner, subject,
/// language, model, start time, and the exchanges with their branches.
///
/// A plan draws only from the plan stream, so the number of turns is known without composing text.
/// Rates are per thousand and were chosen so that the data looks like a busy chat product: about
/// 26 turns per conversation on average, a regeneration every few conversations, edits, tool
/// calls and failures now and then.
struct DemoConversationPlan: Sendable {
    enum LeafChoice: Sendable {
        /// No leaf is named, so readers fall back to the newest leaf.
        case newest
        /// The end of the thread the conversation continued on.
        case mainThread
        /// The end of a branch abandoned by an edit: the user went back to look at it.
        case abandonedBranch
    }

    let index: Int
    let user: DemoUser
    let domainID: DemoDomainID
    /// The language turns are written in; nil for English.
    let language: DemoLanguage?
    /// The language being learnt, in language-learning conversations.
    let targetLanguage: DemoLanguage?
    let modelIndex: Int
    /// The model the user switched to, and the exchange from which it answers.
    let switchedModel: (modelIndex: Int, fromExchange: Int)?
    let persona: DemoPersona?
    let hasSystemTurn: Bool
    let hasCustomInstructions: Bool
    /// Day of the demo window on which the conversation starts.
    let startDay: Int
    let startMilliseconds: Int64
    let exchanges: [DemoExchangePlan]
    let leafChoice: LeafChoice

    init(index: Int, seed: UInt64, ownership: DemoOwnership) {
        var random = DemoRandom(seed: seed, stream: .plan, index: index)
        let user = DemoUser(index: ownership.owner(ofConversation: index), seed: seed)
        let domainID = DemoDomainID.weighted.pick(&random)

        var language: DemoLanguage?
        if let native = user.cultureID.culture.language, domainID != .languages,
           random.chance(permille: user.nativeLanguagePermille) {
            language = native
        }
        var targetLanguage: DemoLanguage?
        if domainID == .languages {
            let candidates = DemoLanguage.allCases.filter { $0 != user.cultureID.culture.language }
            targetLanguage = random.element(of: candidates)
        }

        let exchangeCount = Self.exchangeCounts.pick(&random).pickCount(&random)
        let startDay = Self.startDay(for: user, exchangeCount: exchangeCount, random: &random)
        let modelIndex = Self.model(preferred: user.preferredModel, day: startDay, random: &random)

        var switchedModel: (modelIndex: Int, fromExchange: Int)?
        if exchangeCount >= 4, random.chance(permille: 50) {
            let other = Self.model(preferred: nil, day: startDay, random: &random)
            if other != modelIndex {
                switchedModel = (other, random.int(in: 1...(exchangeCount - 1)))
            }
        }

        var persona: DemoPersona?
        if random.chance(permille: 250) {
            for _ in 0..<4 {
                let candidate = DemoPersona.catalog.pick(&random)
                if candidate.suits(domain: domainID, language: language) {
                    persona = candidate
                    break
                }
            }
        }
        let hasSystemTurn = persona?.promptOpensConversation == true || random.chance(permille: 550)
        let hasCustomInstructions = random.chance(permille: 120)

        let domain = domainID.domain
        var exchanges: [DemoExchangePlan] = []
        exchanges.reserveCapacity(exchangeCount)
        for position in 0..<exchangeCount {
            var answeringModel = modelIndex
            if let switchedModel, position >= switchedModel.fromExchange {
                answeringModel = switchedModel.modelIndex
            }
            exchanges.append(DemoExchangePlan(
                position: position, domain: domain, model: DemoModel.catalog[answeringModel], random: &random))
        }

        self.index = index
        self.user = user
        self.domainID = domainID
        self.language = language
        self.targetLanguage = targetLanguage
        self.modelIndex = modelIndex
        self.switchedModel = switchedModel
        self.persona = persona
        self.hasSystemTurn = hasSystemTurn
        self.hasCustomInstructions = hasCustomInstructions
        self.startDay = startDay
        self.startMilliseconds = Self.startMilliseconds(day: startDay, user: user, random: &random)
        self.exchanges = exchanges
        self.leafChoice = Self.leafChoice(for: exchanges, random: &random)
    }

    /// The exact number of turns the conversation will have.
    var turnCount: Int {
        let setup = (hasSystemTurn ? 1 : 0) + (hasCustomInstructions ? 1 : 0)
        return exchanges.reduce(setup) { $0 + $1.turnCount }
    }

    func modelIndex(forExchange position: Int) -> Int {
        if let switchedModel, position >= switchedModel.fromExchange {
            return switchedModel.modelIndex
        }
        return modelIndex
    }

    // MARK: Drawing the plan

    private struct CountRange: Sendable {
        let range: ClosedRange<Int>

        func pickCount(_ random: inout DemoRandom) -> Int {
            random.int(in: range)
        }
    }

    /// Exchanges per conversation: most are short, a few run to well over a hundred turns.
    private static let exchangeCounts = DemoPool<CountRange>(weighted: [
        (CountRange(range: 1...3), 430), (CountRange(range: 4...10), 320), (CountRange(range: 11...24), 180),
        (CountRange(range: 25...60), 60), (CountRange(range: 61...150), 10),
    ])

    /// Draws a day after the user joined, with fewer conversations at weekends, and with enough of
    /// the window left for the conversation to finish.
    private static func startDay(for user: DemoUser, exchangeCount: Int, random: inout DemoRandom) -> Int {
        let margin = 2 + exchangeCount / 12
        let latest = DemoCalendar.dayCount - 1 - margin
        let earliest = min(user.firstActiveDay, latest)
        var day = random.int(in: earliest...latest)
        if DemoCalendar.isWeekend(dayIndex: day), random.chance(permille: 550) {
            day = random.int(in: earliest...latest)
        }
        return day
    }

    /// Draws a time of day in the user's own time zone, converted to UTC and kept inside the window.
    private static func startMilliseconds(day: Int, user: DemoUser, random: inout DemoRandom) -> Int64 {
        let localHour = DemoCalendar.localHours.pick(&random)
        let secondOfDay = localHour * 3_600 + random.int(below: 3_600)
        let localMilliseconds = Int64(DemoCalendar.firstDay + day) * DemoCalendar.millisecondsPerDay
            + Int64(secondOfDay) * 1_000 + Int64(random.int(below: 1_000))
        let utcMilliseconds = localMilliseconds - Int64(user.utcOffsetMinutes) * 60_000
        return max(utcMilliseconds, DemoCalendar.startMilliseconds)
    }

    /// Picks the user's usual model most of the time and otherwise a popular one, but never a model
    /// released after the conversation's day.
    private static func model(preferred: Int?, day: Int, random: inout DemoRandom) -> Int {
        var index = DemoModel.weighted.pickIndex(&random)
        if let preferred, random.chance(permille: 650) {
            index = preferred
        }
        return DemoModel.catalog[index].firstDay <= day ? index : DemoModel.fallbackIndex
    }

    private static func leafChoice(for exchanges: [DemoExchangePlan], random: inout DemoRandom) -> LeafChoice {
        let hasAbandonedBranch = exchanges.contains { $0.abandonedExchanges > 0 }
        if hasAbandonedBranch, random.chance(permille: 200) {
            return .abandonedBranch
        }
        // When the user went back to an earlier answer of the last exchange, only a named leaf
        // keeps the thread on it, because the regenerated answer after it is newer.
        if let last = exchanges.last, last.keptAnswer != last.answerCount - 1 {
            return .mainThread
        }
        return random.chance(permille: 600) ? .mainThread : .newest
    }
}
