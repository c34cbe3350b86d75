import Foundation
import Testing
@testable import ConfabCore

/// Checks that the default demo contains every kind of content the console and search must handle.
@Suite struct DemoVarietyTests {
    /// Counts of content features over one run.
    private struct Census {
        var turns = 0
        var cjkTurns = 0
        var hangulTurns = 0
        var arabicTurns = 0
        var hebrewTurns = 0
        var cyrillicTurns = 0
        var devanagariTurns = 0
        var zeroWidthJoinerTurns = 0
        var flagTurns = 0
        var fences: [String: Int] = [:]
        var tableTurns = 0
        var bulletListTurns = 0
        var numberedListTurns = 0
        var kinds: [TurnKind: Int] = [:]
        var roles: [Role: Int] = [:]
        var longestWordCount = 0
        var shortTurns = 0
        var turnsWithUsage = 0
        var assistantMessagesWithoutUsage = 0
        var attachments = 0
        var regeneratedAnswers = 0
        var editedMessages = 0
        var leavesOffTheNewestBranch = 0
        var taggedConversations = 0
        var personas = Set<String>()
        var models = Set<String>()
        var untitled = 0
        var rightToLeftTitles = 0

        init(_ conversations: [ImportedConversation]) {
            for conversation in conversations {
                count(conversation)
            }
        }

        private mutating func count(_ conversation: ImportedConversation) {
            if !conversation.tags.isEmpty { taggedConversations += 1 }
            if let persona = conversation.persona?.name { personas.insert(persona) }
            if conversation.title == nil { untitled += 1 }
            if let title = conversation.title, Self.contains(title, in: [0x0590...0x05FF, 0x0600...0x06FF]) {
                rightToLeftTitles += 1
            }

            var children: [String: [ImportedTurn]] = [:]
            for turn in conversation.turns {
                count(turn)
                children[turn.parentSourceID ?? "", default: []].append(turn)
            }
            for siblings in children.values where siblings.count > 1 {
                if siblings.filter({ $0.role == .assistant && $0.kind == .message }).count > 1 {
                    regeneratedAnswers += 1
                }
                if siblings.filter({ $0.role == .user && $0.kind == .message }).count > 1 {
                    editedMessages += 1
                }
            }

            // A named leaf older than the newest leaf keeps the thread on an older branch.
            let parents = Set(conversation.turns.compactMap(\.parentSourceID))
            let leaves = conversation.turns.filter { !parents.contains($0.sourceID) }
            if let named = conversation.defaultLeafSourceID,
               let namedTurn = leaves.first(where: { $0.sourceID == named }),
               let newest = leaves.map({ $0.createdAt! }).max(), namedTurn.createdAt! < newest {
                leavesOffTheNewestBranch += 1
            }
        }

        private mutating func count(_ turn: ImportedTurn) {
            turns += 1
            let text = turn.text
            if Self.contains(text, in: [0x4E00...0x9FFF, 0x3040...0x30FF]) { cjkTurns += 1 }
            if Self.contains(text, in: [0xAC00...0xD7AF]) { hangulTurns += 1 }
            if Self.contains(text, in: [0x0600...0x06FF]) { arabicTurns += 1 }
            if Self.contains(text, in: [0x0590...0x05FF]) { hebrewTurns += 1 }
            if Self.contains(text, in: [0x0400...0x04FF]) { cyrillicTurns += 1 }
            if Self.contains(text, in: [0x0900...0x097F]) { devanagariTurns += 1 }
            if Self.contains(text, in: [0x200D...0x200D]) { zeroWidthJoinerTurns += 1 }
            if Self.contains(text, in: [0x1F1E6...0x1F1FF]) { flagTurns += 1 }
            if text.contains("| --- |") { tableTurns += 1 }
            if text.hasPrefix("- ") || text.contains("\n- ") { bulletListTurns += 1 }
            if text.contains("\n1. ") { numberedListTurns += 1 }
            for line in text.split(separator: "\n") where line.hasPrefix("```") && line.count > 3 {
                fences[String(line.dropFirst(3)), default: 0] += 1
            }

            let wordCount = text.split(whereSeparator: \.isWhitespace).count
            longestWordCount = max(longestWordCount, wordCount)
            if wordCount <= 3 && turn.kind == .message { shortTurns += 1 }

            kinds[turn.kind, default: 0] += 1
            roles[turn.role, default: 0] += 1
            if turn.outputTokens != nil { turnsWithUsage += 1 }
            if turn.role == .assistant, turn.kind == .message, turn.outputTokens == nil {
                assistantMessagesWithoutUsage += 1
            }
            if let model = turn.model { models.insert(model) }
            attachments += turn.attachments.count
        }

        private static func contains(_ text: String, in ranges: [ClosedRange<UInt32>]) -> Bool {
            text.unicodeScalars.contains { scalar in ranges.contains { $0.contains(scalar.value) } }
        }
    }

    private static let census: Census = {
        var conversations: [ImportedConversation] = []
        DemoGenerator(options: .init()).forEachConversation { conversations.append($0) }
        return Census(conversations)
    }()

    @Test func scriptsFromManyLanguages() {
        let census = Self.census
        #expect(census.cjkTurns > 0)
        #expect(census.hangulTurns > 0)
        #expect(census.arabicTurns > 0)
        #expect(census.hebrewTurns > 0)
        #expect(census.cyrillicTurns > 0)
        #expect(census.devanagariTurns > 0)
        #expect(census.rightToLeftTitles > 0)
    }

    @Test func emojiSequences() {
        #expect(Self.census.zeroWidthJoinerTurns > 0)
        #expect(Self.census.flagTurns > 0)
    }

    @Test func markdownBlocks() {
        let census = Self.census
        #expect(census.fences["swift", default: 0] > 0)
        #expect(census.fences["python", default: 0] + census.fences["py", default: 0] > 0)
        #expect(census.fences["bash", default: 0] + census.fences["sh", default: 0] + census.fences["shell", default: 0] > 0)
        #expect(census.fences["sql", default: 0] > 0)
        #expect(census.tableTurns > 0)
        #expect(census.bulletListTurns > 0)
        #expect(census.numberedListTurns > 0)
    }

    @Test func everyTurnKindAndRoleOccurs() {
        for kind in TurnKind.allCases {
            #expect(Self.census.kinds[kind, default: 0] > 0, "no \(kind) turns")
        }
        for role in Role.allCases {
            #expect(Self.census.roles[role, default: 0] > 0, "no \(role) turns")
        }
    }

    @Test func longAndShortTurns() {
        #expect(Self.census.longestWordCount >= 2_000, "longest turn has \(Self.census.longestWordCount) words")
        #expect(Self.census.shortTurns > 0)
    }

    @Test func branches() {
        #expect(Self.census.regeneratedAnswers > 0)
        #expect(Self.census.editedMessages > 0)
        #expect(Self.census.leavesOffTheNewestBranch > 0)
    }

    @Test func metadataVaries() {
        let census = Self.census
        #expect(census.taggedConversations > 0)
        #expect(census.personas.count >= 3)
        #expect(census.models.count >= 6)
        #expect(census.untitled > 0)
        #expect(census.attachments > 0)
    }

    @Test func usageOnMostAssistantTurns() {
        let census = Self.census
        let assistantMessages = census.roles[.assistant, default: 0]
        #expect(census.turnsWithUsage > assistantMessages / 2)
        #expect(census.assistantMessagesWithoutUsage > 0, "some turns should lack usage, as real exports do")
    }

    /// Word frequencies follow a long-tailed distribution: the most common word occurs in a large
    /// share of turns, frequency falls steeply with rank, and many distinct words are rare.
    @Test func wordFrequenciesAreLongTailed() {
        var turnsContaining: [Substring: Int] = [:]
        var turns = 0
        DemoGenerator(options: .init(users: 12, conversations: 150)).forEachConversation { conversation in
            for turn in conversation.turns {
                turns += 1
                let words = Set(turn.text.split { !$0.isLetter })
                for word in words {
                    turnsContaining[word, default: 0] += 1
                }
            }
        }
        let frequencies = turnsContaining.values.sorted(by: >)
        let rare = frequencies.filter { $0 <= 2 }.count
        #expect(frequencies.count > 2_000)
        #expect(frequencies[0] * 4 > turns, "top word in \(frequencies[0]) of \(turns) turns")
        #expect(frequencies[9] >= frequencies[999] * 10, "10th word \(frequencies[9]), 1000th \(frequencies[999])")
        #expect(rare * 4 > frequencies.count, "\(rare) of \(frequencies.count) words occur in at most two turns")
    }
}
