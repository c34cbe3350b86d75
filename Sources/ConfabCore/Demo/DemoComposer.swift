/// Writes the text of one demo conversation: fills templates, builds sentences, paragraphs,
/// lists, tables and code blocks, all from the conversation's own random stream.
///
/// The composer keeps what makes the conversation coherent (its subject, place and programming
/// language) and draws everything else afresh for each turn.
struct DemoComposer {
    var random: DemoRandom
    let domain: DemoDomain
    /// The language of the turns; nil for English.
    let language: DemoLanguage?
    let writing: DemoLanguageWriting?
    /// The language being learnt, in language-learning conversations.
    let targetLanguage: DemoLanguage?
    let focus: String
    let place: DemoVocabulary.Place
    let codeLanguage: DemoCodeLanguage?

    /// Sentences used in the current answer; `answer(size:)` clears them.
    var answerSentences = DemoPickMemory()
    var answerConnectives = DemoPickMemory()
    /// Questions already asked in the conversation, so the user rarely asks the same one twice.
    var askedRequests = DemoPickMemory()
    var askedDomainFollowUps = DemoPickMemory()
    var askedGeneralFollowUps = DemoPickMemory()
    /// How often an English answer sentence is assembled from pieces rather than taken whole, per
    /// thousand; long answers raise it because they need many more sentences.
    var compositeSentencePermille = 100
    /// The last topic word written, so that two slots in a row rarely get the same word.
    private var lastTerm = ""

    init(plan: DemoConversationPlan, seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: .text, index: plan.index)
        let domain = plan.domainID.domain
        let writing = plan.language?.writing

        let focus: String
        if let target = plan.targetLanguage {
            focus = target.englishName
        } else if let topics = writing?.topics(for: domain.id) {
            focus = topics.pick(&random)
        } else {
            focus = domain.terms.pick(&random)
        }

        self.domain = domain
        self.language = plan.language
        self.writing = writing
        self.targetLanguage = plan.targetLanguage
        self.focus = focus
        self.place = DemoVocabulary.places.pick(&random)
        self.codeLanguage = domain.codeLanguages.isEmpty ? nil : random.element(of: domain.codeLanguages)
        self.random = random
    }

    // MARK: Templates

    mutating func render(_ template: DemoTemplate) -> String {
        var text = ""
        append(template, to: &text)
        return text
    }

    mutating func append(_ template: DemoTemplate, to text: inout String) {
        for (position, segment) in template.segments.enumerated() {
            switch segment {
            case .literal(let literal):
                text += literal
            case .slot(let slot) where position == 0 && template.capitalizesLeadingSlot:
                var value = ""
                appendValue(of: slot, to: &value)
                if let first = value.first, first.isLowercase {
                    text += first.uppercased()
                    text += value.dropFirst()
                } else {
                    text += value
                }
            case .slot(let slot):
                appendValue(of: slot, to: &text)
            }
        }
    }

    private mutating func appendValue(of slot: DemoSlot, to text: inout String) {
        switch slot {
        case .focus: text += focus
        case .term:
            var term = domain.terms.pick(&random)
            if term == lastTerm || term == focus {
                term = domain.terms.pick(&random)
            }
            lastTerm = term
            text += term
        case .identifier: appendIdentifier(to: &text)
        case .file: appendFileName(to: &text)
        case .small: text += String(random.int(in: 2...12))
        case .number: text += String(random.int(in: 10...9_999))
        case .place: text += place.name
        case .flag: text += place.flag
        case .city: text += DemoVocabulary.places.pick(&random).name
        case .food: text += DemoVocabulary.foods.pick(&random)
        case .person: text += DemoVocabulary.people.pick(&random)
        case .rare: text += DemoVocabulary.rareWords.pick(&random)
        case .emoji: text += DemoVocabulary.emoji.pick(&random)
        case .language: text += codeLanguage?.displayName ?? "Python"
        case .year: text += String(random.int(in: 2019...2026))
        }
    }

    /// Appends a made-up identifier such as `parseInvoiceBatch`, or `parse_invoice_batch` in
    /// languages that use snake_case. There are about 20,000 of them, so most occur only a few times.
    private mutating func appendIdentifier(to text: inout String) {
        let verb = DemoVocabulary.identifierVerbs.pick(&random)
        let noun = DemoVocabulary.identifierNouns.pick(&random)
        let suffix = DemoVocabulary.identifierSuffixes.pick(&random)
        if codeLanguage?.usesSnakeCase == true {
            text += verb + "_" + noun.lowercased() + suffix.snake
        } else {
            text += verb + noun + suffix.camel
        }
    }

    private mutating func appendFileName(to text: inout String) {
        guard let codeLanguage, domain.id != .data else {
            text += DemoVocabulary.dataFileStems.pick(&random) + "_" + String(random.int(in: 2023...2026)) + ".csv"
            return
        }
        let noun = DemoVocabulary.identifierNouns.pick(&random)
        let role = DemoVocabulary.fileRoles.pick(&random)
        if codeLanguage.usesSnakeCase {
            text += noun.lowercased() + "_" + role.lowercased() + "." + codeLanguage.fileExtension
        } else {
            text += noun + role + "." + codeLanguage.fileExtension
        }
    }

    // MARK: Sentences and paragraphs

    /// A paragraph of `sentenceCount` sentences, sometimes led by a bold label. Sentences come
    /// mostly from the domain, sometimes from the general glue, and rarely repeat within an answer.
    mutating func appendParagraph(sentences sentenceCount: Int, to text: inout String) {
        if writing == nil, random.chance(permille: 80) {
            text += random.chance(permille: 500) ? "**Note:** " : "**Tip:** "
        }
        for index in 0..<sentenceCount {
            if index > 0 {
                text += language == .chinese || language == .japanese ? "" : " "
            }
            if let writing {
                append(answerSentences.pickFresh(from: writing.sentences, &random), to: &text)
                continue
            }
            let roll = random.int(below: 1_000)
            if roll < compositeSentencePermille {
                appendCompositeSentence(to: &text)
            } else if roll < compositeSentencePermille + 200 {
                append(answerConnectives.pickFresh(from: DemoPhrases.connectives, &random), to: &text)
            } else {
                append(answerSentences.pickFresh(from: domain.sentences, &random), to: &text)
            }
        }
    }

    /// Appends an English sentence assembled from an opening, a middle and an ending.
    private mutating func appendCompositeSentence(to text: inout String) {
        let opening = DemoPhrases.sentenceOpenings.pick(&random)
        var middle = render(DemoPhrases.sentenceMiddles.pick(&random))
        if opening.isEmpty, let first = middle.first, first.isLowercase {
            middle = first.uppercased() + middle.dropFirst()
        }
        text += opening
        text += middle
        text += DemoPhrases.sentenceEndings.pick(&random)
    }

    mutating func appendOpener(to text: inout String) {
        append(writing?.openers.pick(&random) ?? DemoPhrases.openers.pick(&random), to: &text)
    }

    mutating func appendCloser(to text: inout String) {
        append(writing?.closers.pick(&random) ?? DemoPhrases.closers.pick(&random), to: &text)
    }

    /// Estimates a text's length in model tokens, at about four bytes of UTF-8 per token.
    static func tokenEstimate(_ text: String) -> Int {
        (text.utf8.count + 3) / 4
    }
}
