import Foundation
import Testing
@testable import ConfabCore

/// Checks on the structure of generated conversations: trees, times and the variety of content.
@Suite struct DemoShapeTests {
    private static let windowStart = Date(timeIntervalSince1970: 1_733_011_200)  // 2024-12-01T00:00:00Z
    private static let windowEnd = Date(timeIntervalSince1970: 1_796_083_200)    // 2026-12-01T00:00:00Z

    /// The default demo: twelve users, four hundred conversations.
    private static let defaultRun: [ImportedConversation] = {
        var conversations: [ImportedConversation] = []
        DemoGenerator(options: .init()).forEachConversation { conversations.append($0) }
        return conversations
    }()

    // MARK: Trees

    @Test func turnIDsAreUniqueWithinEachConversation() {
        for conversation in Self.defaultRun {
            let ids = conversation.turns.map(\.sourceID)
            #expect(Set(ids).count == ids.count, "duplicate turn id in \(conversation.sourceID)")
        }
    }

    @Test func conversationIDsAreUnique() {
        let ids = Self.defaultRun.map(\.sourceID)
        #expect(Set(ids).count == ids.count)
    }

    @Test func parentsNameEarlierTurns() {
        for conversation in Self.defaultRun {
            var seen = Set<String>()
            for turn in conversation.turns {
                if let parent = turn.parentSourceID {
                    #expect(seen.contains(parent), "turn \(turn.sourceID) names a later or unknown parent")
                }
                seen.insert(turn.sourceID)
            }
        }
    }

    @Test func defaultLeafNamesALeaf() {
        var named = 0
        for conversation in Self.defaultRun {
            guard let leaf = conversation.defaultLeafSourceID else { continue }
            named += 1
            let parents = Set(conversation.turns.compactMap(\.parentSourceID))
            #expect(conversation.turns.contains { $0.sourceID == leaf }, "leaf \(leaf) is not a turn")
            #expect(!parents.contains(leaf), "leaf \(leaf) has children")
        }
        #expect(named > 0)
    }

    @Test func everyConversationStartsWithUserOrSetupTurns() {
        for conversation in Self.defaultRun {
            let roots = conversation.turns.filter { $0.parentSourceID == nil }
            #expect(!roots.isEmpty)
            #expect(roots.allSatisfy { $0.role == .user || $0.kind == .hidden })
            #expect(conversation.turns.contains { $0.role == .assistant && $0.kind == .message })
        }
    }

    @Test func toolResultsFollowToolCalls() {
        for conversation in Self.defaultRun {
            let byID = Dictionary(uniqueKeysWithValues: conversation.turns.map { ($0.sourceID, $0) })
            for turn in conversation.turns where turn.kind == .toolResult {
                let parent = turn.parentSourceID.flatMap { byID[$0] }
                #expect(parent?.kind == .toolCall)
                #expect(turn.role == .tool)
                #expect(turn.author == parent?.author)
            }
        }
    }

    // MARK: Times

    @Test func timesFallInsideTheWindow() {
        for conversation in Self.defaultRun {
            for turn in conversation.turns {
                let time = turn.createdAt ?? .distantPast
                #expect(time >= Self.windowStart, "turn at \(time)")
                #expect(time < Self.windowEnd, "turn at \(time)")
            }
        }
    }

    @Test func timesNeverDecreaseAlongAThread() {
        for conversation in Self.defaultRun {
            let times = Dictionary(uniqueKeysWithValues: conversation.turns.map { ($0.sourceID, $0.createdAt!) })
            for turn in conversation.turns {
                if let parent = turn.parentSourceID, let parentTime = times[parent] {
                    #expect(turn.createdAt! >= parentTime, "turn \(turn.sourceID) precedes its parent")
                }
            }
        }
    }

    @Test func conversationTimesBracketTheirTurns() {
        for conversation in Self.defaultRun {
            let times = conversation.turns.compactMap(\.createdAt)
            #expect(conversation.createdAt == times.min())
            #expect(conversation.updatedAt == times.max())
        }
    }

    @Test func conversationsSpreadOverTheWindow() {
        let days = Set(Self.defaultRun.map { Int($0.createdAt!.timeIntervalSince(Self.windowStart) / 86_400) })
        let months = Set(days.map { $0 / 30 })
        #expect(months.count >= 20, "conversations start in only \(months.count) of 24 months")
    }

    @Test func weekdaysAreBusierThanWeekends() {
        var weekday = 0
        var weekend = 0
        DemoGenerator(options: .init(users: 50, conversations: 3_000)).forEachConversation { conversation in
            // 1970-01-01 was a Thursday; day 0 of a week is Sunday.
            let day = Int(conversation.createdAt!.timeIntervalSince1970 / 86_400)
            let dayOfWeek = (day + 4) % 7
            if dayOfWeek == 0 || dayOfWeek == 6 {
                weekend += 1
            } else {
                weekday += 1
            }
        }
        let weekdayRate = Double(weekday) / 5
        let weekendRate = Double(weekend) / 2
        #expect(weekdayRate > weekendRate * 1.3, "weekday \(weekdayRate) per day, weekend \(weekendRate)")
    }

    @Test func turnsInAThreadAreSecondsToMinutesApartMostly() {
        var gaps: [Double] = []
        for conversation in Self.defaultRun {
            let times = Dictionary(uniqueKeysWithValues: conversation.turns.map { ($0.sourceID, $0.createdAt!) })
            for turn in conversation.turns where turn.role == .user && turn.kind == .message {
                if let parent = turn.parentSourceID, let parentTime = times[parent] {
                    gaps.append(turn.createdAt!.timeIntervalSince(parentTime))
                }
            }
        }
        gaps.sort()
        let median = gaps[gaps.count / 2]
        #expect(median >= 5, "median gap \(median) s")
        #expect(median <= 600, "median gap \(median) s")
        #expect(gaps.last! >= 86_400, "no conversation resumes after a day or more")
    }
}
