/// Assistant answers: from one sentence to reports of several thousand words, with markdown lists,
/// tables, code blocks, quotes and links.
extension DemoComposer {
    mutating func answer(size: DemoExchangePlan.AnswerSize) -> String {
        answerSentences = DemoPickMemory()
        answerConnectives = DemoPickMemory()
        var text = ""
        switch size {
        case .brief:
            text.reserveCapacity(256)
            appendBriefAnswer(to: &text)
        case .standard:
            text.reserveCapacity(1_500)
            appendStandardAnswer(to: &text)
        case .detailed:
            text.reserveCapacity(4_000)
            appendDetailedAnswer(to: &text)
        case .long:
            let targetWords = random.int(in: 2_000...6_000)
            text.reserveCapacity(targetWords * 7)
            compositeSentencePermille = 450
            appendLongAnswer(targetWords: targetWords, to: &text)
            compositeSentencePermille = 100
        }
        return text
    }

    private mutating func appendBriefAnswer(to text: inout String) {
        if random.chance(permille: 500) {
            appendOpener(to: &text)
            text += " "
        }
        appendParagraph(sentences: random.int(in: 1...2), to: &text)
    }

    private mutating func appendStandardAnswer(to text: inout String) {
        appendOpener(to: &text)
        text += "\n\n"
        appendParagraph(sentences: random.int(in: 2...4), to: &text)
        text += "\n\n"
        appendBlock(to: &text)
        if random.chance(permille: 500) {
            text += "\n\n"
            appendParagraph(sentences: random.int(in: 1...2), to: &text)
        }
        if random.chance(permille: 400) {
            text += "\n\n"
            appendCloser(to: &text)
        }
    }

    private mutating func appendDetailedAnswer(to text: inout String) {
        appendOpener(to: &text)
        text += "\n\n"
        appendParagraph(sentences: random.int(in: 2...3), to: &text)
        var usedHeadings = DemoPickMemory()
        for section in 1...random.int(in: 2...4) {
            // The headings are English, so other languages number their sections instead.
            if writing == nil {
                text += "\n\n### "
                text += usedHeadings.pickFresh(from: domain.headings, &random)
                text += "\n\n"
            } else {
                text += "\n\n**" + String(section) + ".** "
            }
            appendParagraph(sentences: random.int(in: 2...5), to: &text)
            if random.chance(permille: 600) {
                text += "\n\n"
                appendBlock(to: &text)
            }
        }
        text += "\n\n"
        appendCloser(to: &text)
    }

    /// Appends sections of several paragraphs until the text contains about `targetWords` words.
    /// Words are estimated at six bytes of UTF-8 each, which overcounts CJK text.
    private mutating func appendLongAnswer(targetWords: Int, to text: inout String) {
        let targetBytes = targetWords * 6
        text += "# "
        if let first = focus.first, first.isLowercase {
            text += first.uppercased() + focus.dropFirst()
        } else {
            text += focus
        }
        text += "\n\n"
        appendParagraph(sentences: random.int(in: 3...5), to: &text)

        var section = 1
        var usedHeadings = DemoPickMemory()
        while text.utf8.count < targetBytes {
            text += "\n\n## "
            if writing == nil {
                text += usedHeadings.pickFresh(from: domain.headings, &random)
            } else {
                text += String(section) + ". " + focus
            }
            for _ in 0..<random.int(in: 3...6) {
                text += "\n\n"
                appendParagraph(sentences: random.int(in: 4...7), to: &text)
            }
            if random.chance(permille: 350) {
                text += "\n\n"
                appendBlock(to: &text)
            }
            section += 1
        }
        text += "\n\n"
        appendCloser(to: &text)
    }

    // MARK: Blocks

    /// Appends one list, table, code block, quote or phrase table, as suits the domain.
    mutating func appendBlock(to text: inout String) {
        if targetLanguage != nil {
            appendPhrases(to: &text)
            return
        }
        let roll = random.int(below: 1_000)
        let hasCode = codeLanguage != nil
        if hasCode, roll < 450 {
            appendCodeBlock(introduced: true, to: &text)
        } else if let table = domain.table, writing == nil, roll >= 800 {
            appendTable(table, to: &text)
        } else if writing == nil, roll >= 760, roll < 800 {
            appendQuoteOrLink(to: &text)
        } else {
            appendList(to: &text)
        }
    }

    private mutating func appendList(to text: inout String) {
        if writing == nil {
            append(DemoPhrases.listIntroductions.pick(&random), to: &text)
            text += "\n\n"
        }
        let style = random.int(below: 10)
        var usedItems = DemoPickMemory()
        let itemCount = min(random.int(in: 3...7), writing?.listItems.count ?? domain.listItems.count)
        for index in 0..<itemCount {
            if index > 0 {
                text += "\n"
            }
            switch style {
            case 0..<4: text += String(index + 1) + ". "
            case 4: text += "- [ ] "
            default: text += "- "
            }
            if let writing {
                append(usedItems.pickFresh(from: writing.listItems, &random), to: &text)
            } else {
                append(usedItems.pickFresh(from: domain.listItems, &random), to: &text)
                if random.chance(permille: 80) {
                    text += "\n   - "
                    append(usedItems.pickFresh(from: domain.listItems, &random), to: &text)
                }
            }
        }
    }

    mutating func appendCodeBlock(introduced: Bool, to text: inout String) {
        guard let conversationLanguage = codeLanguage else { return }
        // Data and operations work mixes languages (SQL with Python, shell with YAML); a
        // programming conversation stays in one.
        var codeLanguage = conversationLanguage
        if domain.id != .programming, random.chance(permille: 300) {
            codeLanguage = random.element(of: domain.codeLanguages)
        }
        if introduced, writing == nil {
            append(DemoPhrases.codeIntroductions.pick(&random), to: &text)
            text += "\n\n"
        }
        text += "```"
        text += codeLanguage.fenceTags.pick(&random)
        text += "\n"
        append(codeLanguage.snippets.pick(&random), to: &text)
        text += "\n```"
    }

    private mutating func appendTable(_ table: DemoTable, to text: inout String) {
        append(DemoPhrases.tableIntroductions.pick(&random), to: &text)
        text += "\n\n|"
        for column in table.header {
            text += " " + column + " |"
        }
        text += "\n|"
        for _ in table.header {
            text += " --- |"
        }

        let rowCount = min(table.rows.count, random.int(in: 3...6))
        let start = table.isOrdered ? 0 : random.int(below: table.rows.count)
        for offset in 0..<rowCount {
            text += "\n| "
            append(table.rows[(start + offset) % table.rows.count], to: &text)
            text += " |"
        }
    }

    private mutating func appendQuoteOrLink(to text: inout String) {
        if random.chance(permille: 500) {
            text += "> "
            append(domain.sentences.pick(&random), to: &text)
        } else {
            text += "See the [guide on "
            text += focus
            text += "](https://docs.example.com/"
            appendIdentifierPath(to: &text)
            text += ") for the details."
        }
    }

    private mutating func appendIdentifierPath(to text: inout String) {
        text += DemoVocabulary.identifierVerbs.pick(&random) + "-" + DemoVocabulary.identifierNouns.pick(&random).lowercased()
    }

    /// Phrases in the language being learnt: a table with the native script and a transcription,
    /// or a list of phrases in bold.
    private mutating func appendPhrases(to text: inout String) {
        guard let target = targetLanguage else { return }
        let phrases = DemoPhrasebook.phrases.items
        let count = random.int(in: 3...6)
        let start = random.int(below: phrases.count)

        if random.chance(permille: 500) {
            text += "| English | " + target.nativeName + (target.needsRomanization ? " | Pronunciation |" : " |")
            text += target.needsRomanization ? "\n| --- | --- | --- |" : "\n| --- | --- |"
            for offset in 0..<count {
                let phrase = phrases[(start + offset) % phrases.count]
                let translation = phrase.translation(in: target)
                text += "\n| " + phrase.english + " | " + translation.text + " |"
                if let romanization = translation.romanization {
                    text += " " + romanization + " |"
                }
            }
            return
        }

        for offset in 0..<count {
            let phrase = phrases[(start + offset) % phrases.count]
            let translation = phrase.translation(in: target)
            text += offset == 0 ? "- **" : "\n- **"
            text += translation.text + "**"
            if let romanization = translation.romanization {
                text += " (" + romanization + ")"
            }
            text += " — " + phrase.english
        }
    }
}
