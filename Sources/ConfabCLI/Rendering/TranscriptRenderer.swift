import ConfabCore
import Foundation

/// Renders a conversation as plain text or Markdown for `confab show`.
struct TranscriptRenderer {
    enum Style {
        case text
        case markdown
    }

    var style: Style
    /// Sanitising options for text that comes from data, or nil to write it unchanged (output
    /// that goes to a file or a pipe rather than a terminal).
    var sanitizer: TerminalSanitizer.Options?
    var includeHidden: Bool

    func render(_ conversation: ConversationSummary, turns: [TurnRecord], scope: ThreadScope) -> String {
        var output = header(conversation, turnCount: turns.count, scope: scope)
        var previousID: Int64?
        for turn in ordered(turns, scope: scope) where includeHidden || turn.kind != .hidden {
            // In all-branches output a turn that does not follow the one printed above it starts
            // another branch, so its heading names the turn it replies to.
            let repliesTo = scope == .allBranches && turn.parentID != nil && turn.parentID != previousID ? turn.parentID : nil
            output += "\n" + heading(for: turn, scope: scope, repliesTo: repliesTo) + "\n\n"
            previousID = turn.id
            let text = turn.text.isEmpty ? "(empty)" : clean(turn.text, singleLine: false)
            output += text.hasSuffix("\n") ? text : text + "\n"
        }
        return output
    }

    private func clean(_ text: String, singleLine: Bool) -> String {
        guard var options = sanitizer else { return text }
        options.layout = singleLine ? .singleLine : .multiLine
        return TerminalSanitizer.sanitize(text, options: options)
    }

    private func header(_ conversation: ConversationSummary, turnCount: Int, scope: ThreadScope) -> String {
        let title = clean(conversation.title?.isEmpty == false ? conversation.title! : "(untitled)", singleLine: true)
        var facts = ["conversation \(conversation.id)", clean(conversation.userName, singleLine: true), conversation.source]
        if let model = conversation.model {
            facts.append(clean(model, singleLine: true))
        }
        facts.append(scope == .defaultThread ? "\(turnCount) turns on the default thread" : "\(turnCount) turns in all branches")
        if let updated = conversation.updatedAt {
            facts.append("updated " + ISO8601.format(updated))
        }
        let separator = sanitizer?.charset == .ascii ? " | " : " · "
        switch style {
        case .text:
            return title + "\n" + facts.joined(separator: separator) + "\n"
        case .markdown:
            return "# " + title + "\n\n" + facts.joined(separator: separator) + "\n"
        }
    }

    private func heading(for turn: TurnRecord, scope: ThreadScope, repliesTo: Int64?) -> String {
        var label = turn.role.rawValue
        if turn.kind != .message {
            label += " [\(turn.kind.rawValue.replacingOccurrences(of: "_", with: " "))]"
        }
        if let author = turn.author ?? turn.model, !author.isEmpty {
            label += " (" + clean(author, singleLine: true) + ")"
        }
        var facts = [label]
        if let created = turn.createdAt {
            facts.append(ISO8601.format(created))
        }
        if turn.siblingCount > 1 {
            facts.append("branch \(turn.branchIndex + 1)/\(turn.siblingCount)")
        }
        if scope == .allBranches {
            facts.append("turn \(turn.id)")
            if let repliesTo {
                facts.append("replies to turn \(repliesTo)")
            }
            if !turn.onDefaultThread {
                facts.append("off the default thread")
            }
        }
        let separator = sanitizer?.charset == .ascii ? " | " : " · "
        switch style {
        case .text:
            return "--- " + facts.joined(separator: separator) + " ---"
        case .markdown:
            return "## " + facts.joined(separator: separator)
        }
    }

    /// Orders all-branches output depth first: each turn is followed by its subtree and siblings
    /// come in branch order, so every branch reads top to bottom. The default thread is returned
    /// as it is, already in order.
    private func ordered(_ turns: [TurnRecord], scope: ThreadScope) -> [TurnRecord] {
        guard scope == .allBranches else { return turns }
        var children: [Int64: [TurnRecord]] = [:]
        var roots: [TurnRecord] = []
        let ids = Set(turns.map(\.id))
        for turn in turns {
            if let parent = turn.parentID, ids.contains(parent) {
                children[parent, default: []].append(turn)
            } else {
                roots.append(turn)
            }
        }

        var result: [TurnRecord] = []
        result.reserveCapacity(turns.count)
        var stack = roots.sorted { ($0.branchIndex, $0.id) > ($1.branchIndex, $1.id) }
        while let turn = stack.popLast() {
            result.append(turn)
            let next = (children[turn.id] ?? []).sorted { ($0.branchIndex, $0.id) > ($1.branchIndex, $1.id) }
            stack.append(contentsOf: next)
        }
        return result
    }
}
