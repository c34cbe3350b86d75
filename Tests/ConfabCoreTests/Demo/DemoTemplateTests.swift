import Testing
@testable import ConfabCore

@Suite struct DemoTemplateTests {
    @Test func splitsLiteralsAndSlots() {
        let template = DemoTemplate("Fix «id» in «file» now")
        #expect(template.segments == [
            .literal("Fix "), .slot(.identifier), .literal(" in "), .slot(.file), .literal(" now"),
        ])
    }

    @Test func keepsCodeBracesLiteral() {
        let template = DemoTemplate("func «id»() { return [1, 2] }")
        #expect(template.segments == [.literal("func "), .slot(.identifier), .literal("() { return [1, 2] }")])
    }

    @Test func adjacentSlotsAndEdges() {
        #expect(DemoTemplate("«flag»«place»").segments == [.slot(.flag), .slot(.place)])
        #expect(DemoTemplate("").segments.isEmpty)
        #expect(DemoTemplate("plain").segments == [.literal("plain")])
    }

    /// Every template in every pool parses; a typo in a slot name would trap here rather than in
    /// the middle of `confab demo`.
    @Test func everyDomainAndLanguageRenders() {
        let plan = DemoConversationPlan(index: 0, seed: 1, ownership: DemoOwnership(userCount: 3, seed: 1))
        var composer = DemoComposer(plan: plan, seed: 1)
        for domainID in DemoDomainID.allCases {
            let domain = domainID.domain
            let pools = [domain.titles, domain.requests, domain.longRequests, domain.followUps, domain.sentences,
                         domain.listItems]
            for pool in pools {
                for template in pool.items {
                    #expect(!composer.render(template).contains("«"), "unfilled slot in \(domainID)")
                }
            }
        }
        for language in DemoLanguage.allCases {
            let writing = language.writing
            for pool in [writing.titles, writing.requests, writing.followUps, writing.sentences, writing.listItems,
                         writing.openers, writing.closers, writing.shortReplies] {
                for template in pool.items {
                    #expect(!composer.render(template).contains("«"), "unfilled slot in \(language)")
                }
            }
        }
    }

    @Test func leadingSlotIsCapitalised() {
        let plan = DemoConversationPlan(index: 0, seed: 1, ownership: DemoOwnership(userCount: 1, seed: 1))
        var composer = DemoComposer(plan: plan, seed: 1)
        let sentence = composer.render(DemoTemplate("«rare» weather"))
        let identifier = composer.render(DemoTemplate("«id»", capitalizesLeadingSlot: false))
        #expect(sentence.first?.isUppercase == true)
        #expect(identifier.first?.isLowercase == true)
    }

    @Test func phrasebookCoversEveryLanguage() {
        for phrase in DemoPhrasebook.phrases.items {
            for language in DemoLanguage.allCases {
                let translation = phrase.translations[language]
                #expect(translation != nil, "\(phrase.english) lacks \(language)")
                #expect((translation?.romanization != nil) == language.needsRomanization,
                        "\(phrase.english) in \(language)")
            }
        }
    }
}
