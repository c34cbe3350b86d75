/// Builds a report from summary records and measured turns in one pass over each.
///
/// Backend-neutral: a store feeds it the records of the selection, and it does the grouping,
/// the distinct conversation counts, top N with the rest summed, percentiles, conversation
/// lengths and growth in memory. Memory grows with the number of conversations and groups,
/// not with turns, except for percentiles, which keep one value per measured turn.
public struct AnalyticsAccumulator {
    public let grouping: AnalyticsGrouping

    fileprivate struct Group {
        var figures = AnalyticsFigures()
        var conversationIDs = Set<Int64>()
        var branchedConversationIDs = Set<Int64>()
    }

    fileprivate struct MeasureValues {
        var inputTokens: [Double] = []
        var outputTokens: [Double] = []
        var generationSeconds: [Double] = []

        mutating func append(_ record: AnalyticsMeasureRecord) {
            if let tokens = record.inputTokens { inputTokens.append(Double(tokens)) }
            if let tokens = record.outputTokens { outputTokens.append(Double(tokens)) }
            if let seconds = record.generationSeconds { generationSeconds.append(seconds) }
        }
    }

    fileprivate struct Conversation {
        var turns = 0
        var characters = 0
        var firstDay: Int?
        var source = ""
    }

    fileprivate struct GrowthKey: Hashable {
        var period: AnalyticsPeriod?
        var source: String
    }

    private var groups: [AnalyticsRow.Key: Group] = [:]
    private var total = Group()
    private var conversations: [Int64: Conversation] = [:]
    private var growthTurns: [GrowthKey: (turns: Int, characters: Int)] = [:]
    private var measures: [AnalyticsRow.Key: MeasureValues] = [:]
    private var periodCache: [Int: AnalyticsPeriod] = [:]
    /// The grouping used for growth: the requested period, or months for other groupings.
    private var growthGrouping: AnalyticsGrouping { grouping.isPeriod ? grouping : .month }

    public init(grouping: AnalyticsGrouping) {
        self.grouping = grouping
    }

    // MARK: Adding

    public mutating func add(_ record: AnalyticsSummaryRecord) {
        let key = self.key(of: record.dimensions)
        groups[key, default: Group()].add(record)
        total.add(record)

        let id = record.dimensions.conversationID
        var conversation = conversations[id] ?? Conversation(source: record.dimensions.source)
        conversation.turns += record.turns
        conversation.characters += record.characters
        if let day = record.dimensions.day, conversation.firstDay.map({ day < $0 }) ?? true {
            conversation.firstDay = day
        }
        conversations[id] = conversation

        let growthKey = GrowthKey(period: record.dimensions.day.map { period(of: $0, grouping: growthGrouping) },
                                  source: record.dimensions.source)
        let current = growthTurns[growthKey] ?? (0, 0)
        growthTurns[growthKey] = (current.turns + record.turns, current.characters + record.characters)
    }

    public mutating func add(_ record: AnalyticsMeasureRecord) {
        let key = self.key(of: record.dimensions)
        // Appending through the subscript mutates the stored arrays in place; a copy taken out
        // of the dictionary would be copied again on every append.
        measures[key, default: MeasureValues()].append(record)
    }

    private mutating func period(of day: Int, grouping: AnalyticsGrouping) -> AnalyticsPeriod {
        if grouping == self.grouping, let cached = periodCache[day] {
            return cached
        }
        let period = AnalyticsPeriod.containing(day: day, grouping: grouping)!
        if grouping == self.grouping {
            periodCache[day] = period
        }
        return period
    }

    private mutating func key(of dimensions: AnalyticsDimensions) -> AnalyticsRow.Key {
        switch grouping {
        case .day, .week, .month:
            return dimensions.day.map { .period(period(of: $0, grouping: grouping)) } ?? .undated
        case .user:
            return .user(id: dimensions.userID)
        case .model:
            return .model(dimensions.model)
        case .source:
            return .source(dimensions.source)
        }
    }

    // MARK: The report

    /// Returns the report. `userNames` labels user groups; `withPercentiles` adds the
    /// percentiles of the measured turns added.
    public func report(top: Int?, userNames: [Int64: String], withPercentiles: Bool,
                       method: AnalyticsReport.Method, notes: [String]) -> AnalyticsReport {
        let ordered = orderedKeys()
        var kept = ordered
        var restKeys: [AnalyticsRow.Key] = []
        if let top, top >= 0 {
            if grouping.isPeriod {
                let dated = ordered.filter { $0 != .undated }
                let keepCount = min(top, dated.count)
                restKeys = Array(dated.prefix(dated.count - keepCount))
                kept = ordered.filter { !restKeys.contains($0) }
            } else if ordered.count > top {
                kept = Array(ordered.prefix(top))
                restKeys = Array(ordered.dropFirst(top))
            }
        }

        var rows = kept.map { key in
            AnalyticsRow(key: key, label: label(of: key, userNames: userNames), figures: groups[key]!.finished,
                         measures: withPercentiles ? AnalyticsAccumulator.percentiles(measures[key]) : nil)
        }
        if !restKeys.isEmpty {
            var rest = Group()
            var restValues = MeasureValues()
            for key in restKeys {
                rest.merge(groups[key]!)
                if let values = measures[key] {
                    restValues.inputTokens += values.inputTokens
                    restValues.outputTokens += values.outputTokens
                    restValues.generationSeconds += values.generationSeconds
                }
            }
            let restRow = AnalyticsRow(
                key: .rest(groups: restKeys.count), label: restLabel(count: restKeys.count), figures: rest.finished,
                measures: withPercentiles ? AnalyticsAccumulator.percentiles(restValues) : nil)
            // Earlier periods come first in time order; other groups put the rest last.
            if grouping.isPeriod {
                rows.insert(restRow, at: 0)
            } else {
                rows.append(restRow)
            }
        }

        var allValues = MeasureValues()
        if withPercentiles {
            for values in measures.values {
                allValues.inputTokens += values.inputTokens
                allValues.outputTokens += values.outputTokens
                allValues.generationSeconds += values.generationSeconds
            }
        }
        let totalRow = AnalyticsRow(key: .rest(groups: ordered.count), label: "total", figures: total.finished,
                                    measures: withPercentiles ? AnalyticsAccumulator.percentiles(allValues) : nil)

        return AnalyticsReport(
            grouping: grouping, rows: rows, total: totalRow,
            turnsPerConversation: .of(conversations.values.map(\.turns)),
            charactersPerConversation: .of(conversations.values.map(\.characters)),
            growth: growthRows(), method: method, notes: notes)
    }

    /// Periods in time order with undated last; other groups by turns, most first, then label.
    private func orderedKeys() -> [AnalyticsRow.Key] {
        let keys = Array(groups.keys)
        if grouping.isPeriod {
            return keys.sorted { lhs, rhs in
                switch (lhs, rhs) {
                case let (.period(a), .period(b)): a < b
                case (.period, _): true
                default: false
                }
            }
        }
        return keys.sorted { lhs, rhs in
            let a = groups[lhs]!.figures.turns
            let b = groups[rhs]!.figures.turns
            if a != b { return a > b }
            return AnalyticsAccumulator.sortText(lhs) < AnalyticsAccumulator.sortText(rhs)
        }
    }

    private static func sortText(_ key: AnalyticsRow.Key) -> String {
        switch key {
        case .user(let id): String(id)
        case .model(let name): name ?? ""
        case .source(let name): name
        default: ""
        }
    }

    private func label(of key: AnalyticsRow.Key, userNames: [Int64: String]) -> String? {
        switch key {
        case .period(let period): period.label(for: grouping)
        case .user(let id): userNames[id] ?? "user \(id)"
        case .model(let name): name
        case .source(let name): name
        case .undated: nil
        case .rest(let count): restLabel(count: count)
        }
    }

    private func restLabel(count: Int) -> String {
        switch grouping {
        case .day: "earlier \(count) days"
        case .week: "earlier \(count) weeks"
        case .month: "earlier \(count) months"
        case .user: "other \(count) users"
        case .model: "other \(count) models"
        case .source: "other \(count) sources"
        }
    }

    private static func percentiles(_ values: MeasureValues?) -> AnalyticsMeasures {
        var values = values ?? MeasureValues()
        return AnalyticsMeasures(
            inputTokens: .of(&values.inputTokens), outputTokens: .of(&values.outputTokens),
            generationSeconds: .of(&values.generationSeconds))
    }

    private func growthRows() -> [AnalyticsGrowthRow] {
        var newConversations: [GrowthKey: Int] = [:]
        for conversation in conversations.values {
            let period = conversation.firstDay.map { AnalyticsPeriod.containing(day: $0, grouping: growthGrouping)! }
            newConversations[GrowthKey(period: period, source: conversation.source), default: 0] += 1
        }
        let keys = Set(growthTurns.keys).union(newConversations.keys).sorted { lhs, rhs in
            if lhs.source != rhs.source { return lhs.source < rhs.source }
            switch (lhs.period, rhs.period) {
            case let (a?, b?): return a < b
            case (.some, nil): return true
            default: return false
            }
        }
        var rows: [AnalyticsGrowthRow] = []
        var running: [String: (conversations: Int, turns: Int)] = [:]
        for key in keys {
            let added = newConversations[key] ?? 0
            let turns = growthTurns[key] ?? (0, 0)
            let before = running[key.source] ?? (0, 0)
            let after = (before.conversations + added, before.turns + turns.turns)
            running[key.source] = after
            rows.append(AnalyticsGrowthRow(
                period: key.period, label: key.period?.label(for: growthGrouping), source: key.source,
                newConversations: added, turns: turns.turns, characters: turns.characters,
                cumulativeConversations: after.0, cumulativeTurns: after.1))
        }
        return rows
    }
}

extension AnalyticsAccumulator.Group {
    mutating func add(_ record: AnalyticsSummaryRecord) {
        let id = record.dimensions.conversationID
        conversationIDs.insert(id)

        figures.turns += record.turns
        figures.characters += record.characters
        switch record.dimensions.role {
        case .user?:
            figures.userTurns += record.turns
            figures.edits += record.branchedTurns
        case .assistant?:
            figures.assistantTurns += record.turns
            figures.regenerations += record.branchedTurns
        case .system?:
            figures.systemTurns += record.turns
        case .tool?:
            figures.toolRoleTurns += record.turns
        case nil:
            break
        }
        if record.branchedTurns > 0 && (record.dimensions.role == .user || record.dimensions.role == .assistant) {
            branchedConversationIDs.insert(id)
        }

        figures.messageTurns += record.messageTurns
        figures.hiddenTurns += record.hiddenTurns
        figures.toolTurns += record.toolCallTurns + record.toolResultTurns
        figures.reasoningTurns += record.reasoningTurns
        figures.errorTurns += record.errorTurns

        figures.inputTokens = AnalyticsAccumulator.sum(figures.inputTokens, record.inputTokens)
        figures.inputTokenTurns += record.inputTokenTurns
        figures.outputTokens = AnalyticsAccumulator.sum(figures.outputTokens, record.outputTokens)
        figures.outputTokenTurns += record.outputTokenTurns
        figures.generationSeconds = AnalyticsAccumulator.sum(figures.generationSeconds, record.generationSeconds)
        figures.generationTurns += record.generationTurns
    }

    mutating func merge(_ other: AnalyticsAccumulator.Group) {
        conversationIDs.formUnion(other.conversationIDs)
        branchedConversationIDs.formUnion(other.branchedConversationIDs)
        var merged = figures
        let added = other.figures
        merged.turns += added.turns
        merged.characters += added.characters
        merged.userTurns += added.userTurns
        merged.assistantTurns += added.assistantTurns
        merged.systemTurns += added.systemTurns
        merged.toolRoleTurns += added.toolRoleTurns
        merged.messageTurns += added.messageTurns
        merged.hiddenTurns += added.hiddenTurns
        merged.toolTurns += added.toolTurns
        merged.reasoningTurns += added.reasoningTurns
        merged.errorTurns += added.errorTurns
        merged.regenerations += added.regenerations
        merged.edits += added.edits
        merged.inputTokens = AnalyticsAccumulator.sum(merged.inputTokens, added.inputTokens)
        merged.inputTokenTurns += added.inputTokenTurns
        merged.outputTokens = AnalyticsAccumulator.sum(merged.outputTokens, added.outputTokens)
        merged.outputTokenTurns += added.outputTokenTurns
        merged.generationSeconds = AnalyticsAccumulator.sum(merged.generationSeconds, added.generationSeconds)
        merged.generationTurns += added.generationTurns
        figures = merged
    }

    /// The figures with the distinct conversation counts filled in.
    var finished: AnalyticsFigures {
        var result = figures
        result.conversations = conversationIDs.count
        result.branchedConversations = branchedConversationIDs.count
        return result
    }
}

extension AnalyticsAccumulator {
    /// Adds two sums of which either may be unknown; the result is unknown only when both are.
    static func sum<T: AdditiveArithmetic>(_ lhs: T?, _ rhs: T?) -> T? {
        switch (lhs, rhs) {
        case let (a?, b?): a + b
        case let (a?, nil): a
        case let (nil, b?): b
        case (nil, nil): nil
        }
    }
}
