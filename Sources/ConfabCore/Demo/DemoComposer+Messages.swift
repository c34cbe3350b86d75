/// Titles, tags, user messages, pasted text, reasoning notes, tool calls, errors and setup prompts.
extension DemoComposer {
    /// Returns a title, or nil for the few conversations that were never named.
    mutating func title() -> String? {
        guard random.chance(permille: 930) else { return nil }
        var text = ""
        if random.chance(permille: 60) {
            text += DemoVocabulary.emoji.pick(&random) + " "
        }
        append(writing?.titles.pick(&random) ?? domain.titles.pick(&random), to: &text)
        return text
    }

    /// Returns one to three tags for about a quarter of the conversations, and none for the rest.
    mutating func tags() -> [String] {
        guard random.chance(permille: 250) else { return [] }
        let domainTags = domain.tags
        let start = random.int(below: domainTags.count)
        var tags = (0..<random.int(in: 1...min(3, domainTags.count))).map {
            domainTags[(start + $0) % domainTags.count]
        }
        if random.chance(permille: 200) {
            tags.append(Self.generalTags.pick(&random))
        }
        return tags
    }

    private static let generalTags = DemoPool<String>(zipf: ["important", "📌 pinned", "todo", "shared", "archive-me"])

    // MARK: User messages

    mutating func userMessage(for exchange: DemoExchangePlan) -> String {
        var text = ""
        switch exchange.userStyle {
        case .request:
            append(requestTemplate(), to: &text)
        case .followUp:
            appendFollowUp(to: &text)
        case .short:
            append(writing?.shortReplies.pick(&random) ?? DemoPhrases.shortReplies.pick(&random), to: &text)
        case .longRequest:
            append(writing?.requests.pick(&random) ?? domain.longRequests.pick(&random), to: &text)
        case .paste:
            append(requestTemplate(), to: &text)
            text += "\n\n"
            appendPaste(to: &text)
        }

        if exchange.includesCode {
            text += "\n\n"
            if writing == nil {
                append(DemoPhrases.userCodeIntroductions.pick(&random), to: &text)
                text += "\n\n"
            }
            appendCodeBlock(introduced: false, to: &text)
        }
        // An emoji after a closing fence would keep the fence from closing the block.
        let endsWithBlock = exchange.includesCode || exchange.userStyle == .paste
        if exchange.userStyle != .short, !endsWithBlock, random.chance(permille: 60) {
            text += " " + DemoVocabulary.emoji.pick(&random)
        }
        return text
    }

    private mutating func requestTemplate() -> DemoTemplate {
        askedRequests.pickFresh(from: writing?.requests ?? domain.requests, &random)
    }

    private mutating func appendFollowUp(to text: inout String) {
        if let writing {
            append(askedDomainFollowUps.pickFresh(from: writing.followUps, &random), to: &text)
            return
        }
        if let target = targetLanguage, random.chance(permille: 300) {
            let phrase = DemoPhrasebook.phrases.pick(&random)
            text += "Is \"" + phrase.translation(in: target).text + "\" right for \"" + phrase.english + "\"?"
            return
        }
        let followUp = random.chance(permille: 550)
            ? askedDomainFollowUps.pickFresh(from: domain.followUps, &random)
            : askedGeneralFollowUps.pickFresh(from: DemoPhrases.followUps, &random)
        append(followUp, to: &text)
    }

    /// Returns an attachment for the opening message and the placeholder that stands for it in the text.
    mutating func attachment() -> (attachment: ImportedAttachment, placeholder: String)? {
        guard !domain.attachments.isEmpty else { return nil }
        let kind = random.element(of: domain.attachments)
        let name = random.element(of: kind.names)
        let reference = "file-" + String(random.next() & 0xFFFF_FFFF_FFFF, radix: 16)
        let attachment = ImportedAttachment(
            name: name, mimeType: kind.mimeType, sizeBytes: random.int(in: kind.sizes), reference: reference)
        switch kind.placeholder {
        case .image: return (attachment, Placeholder.image(name))
        case .file: return (attachment, Placeholder.file(name))
        }
    }

    // MARK: Assistant side

    mutating func reasoning() -> String {
        var text = ""
        if random.chance(permille: 400) {
            text += "**Thinking about " + focus + "**\n\n"
        }
        var usedNotes = DemoPickMemory()
        for index in 0..<random.int(in: 3...8) {
            if index > 0 {
                text += random.chance(permille: 300) ? "\n\n" : " "
            }
            append(usedNotes.pickFresh(from: DemoPhrases.reasoning, &random), to: &text)
        }
        return text
    }

    /// Returns the text of a tool call and of the output the tool returned.
    mutating func toolExchange(_ tool: DemoTool) -> (call: String, output: String) {
        let exchange = tool.exchanges.pick(&random)
        return (render(exchange.call), render(exchange.output))
    }

    mutating func errorMessage() -> String {
        render(DemoPhrases.errors.pick(&random))
    }

    /// Returns the hidden system prompt: the persona's own prompt, or a generic one dated to the
    /// conversation's day.
    mutating func systemPrompt(persona: DemoPersona?, day: Int) -> String {
        if let persona, persona.promptOpensConversation, let prompt = persona.persona.prompt {
            return prompt
        }
        var text = render(DemoPhrases.systemPrompts.pick(&random))
        text += "\nKnowledge cutoff: 2024-06\nCurrent date: " + DemoCalendar.isoDate(dayIndex: day)
        return text
    }

    mutating func customInstructions() -> String {
        render(DemoPhrases.customInstructions.pick(&random))
    }
}
