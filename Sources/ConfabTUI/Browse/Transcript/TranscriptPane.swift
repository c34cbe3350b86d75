import ConfabCore
import Foundation

extension BrowseScreen {
    func drawTranscript(into region: Region, context: any ScreenContext) {
        let title = transcript.conversation.map { clean(BrowseScreen.title(of: $0)) } ?? "Transcript"
        let inside = drawFrame(into: region, pane: .transcript, title: title, position: transcriptPosition())
        guard !inside.isEmpty else { return }
        transcript.setViewport(inside.size)

        guard transcript.conversation != nil else {
            drawNote("Select a conversation to read it here.", into: inside, element: .note)
            return
        }
        if let problem = paneProblems[.transcript], transcript.turns.isEmpty {
            drawNote(problem, into: inside, element: .error)
            return
        }
        guard transcript.isLoaded else {
            drawNote("Loading" + region.glyphs.ellipsis, into: inside, element: .note)
            return
        }
        let slices = transcript.visibleSlices()
        if slices.isEmpty {
            let key = context.keymap.primaryKeyName(for: .toggleHiddenTurns)
            let note = transcript.turns.isEmpty
                ? "This conversation has no turns."
                : "Every turn here is hidden" + (key.map { "; press \($0) to show hidden and tool turns." } ?? ".")
            drawNote(note, into: inside, element: .note)
            return
        }

        var row = 0
        let selectedID = transcript.selectedTurnID
        let highlight = searchTrail.flatMap { $0.conversationID == transcript.conversation?.id ? $0.highlight : nil }
        for slice in slices {
            let turn = transcript.turns[slice.turn]
            let lines = transcript.layout(at: slice.turn).lines
            for index in slice.lines {
                drawLine(lines[index], of: turn, isSelected: turn.id == selectedID, into: inside, row: row, context: context)
                if let highlight {
                    highlightMatches(of: lines[index], with: highlight, into: inside, row: row)
                }
                row += 1
            }
        }
    }

    /// Restyles the cells of a text or code line that the search matches.
    private func highlightMatches(of line: TranscriptLine, with highlight: TranscriptHighlight, into region: Region, row: Int) {
        let text: String
        let start: Int
        switch line {
        case .text(let lineText, _):
            text = lineText
            start = 0
        case .code(let lineText, _):
            text = lineText
            start = TurnLayout.codeIndent
        default:
            return
        }
        for range in highlight.ranges(in: text) {
            let column = start + TerminalText.width(of: text[..<range.lowerBound])
            region.restyle(row: row, column: column, count: TerminalText.width(of: text[range]), style: Style(.match))
        }
    }

    private func transcriptPosition() -> String? {
        guard let turn = transcript.selectedTurn, let length = transcript.threadLength, length > 0 else { return nil }
        var text = "turn \(ListTable.formatCount(turn.position + 1)) of \(ListTable.formatCount(length))"
        if transcript.isAtEnd && !isPaused {
            text += BrowseSymbols(charset: context?.charset ?? .unicode).separator + "end"
        }
        return text
    }

    private func drawLine(_ line: TranscriptLine, of turn: TurnRecord, isSelected: Bool, into region: Region, row: Int, context: any ScreenContext) {
        let glyphs = region.glyphs
        let symbols = BrowseSymbols(charset: region.charset)
        switch line {
        case .header:
            drawHeader(of: turn, isSelected: isSelected, into: region, row: row)

        case .text(let text, let element):
            region.write(text, column: 0, row: row, style: Style(element))

        case .codeStart(let language):
            region.fillRow(row, from: TurnLayout.textIndent, style: Style(.code))
            region.write(glyphs.topLeft, column: TurnLayout.textIndent, row: row, style: Style(.code, emphasis: .dim))
            if !language.isEmpty {
                region.write(clean(language), column: TurnLayout.codeIndent, row: row, style: Style(.code, emphasis: [.dim, .italic]))
            }

        case .code(let text, let isContinuation):
            region.fillRow(row, from: TurnLayout.textIndent, style: Style(.code))
            let gutter = isContinuation ? symbols.codeContinuation : glyphs.vertical
            region.write(gutter, column: TurnLayout.textIndent, row: row, style: Style(.code, emphasis: .dim))
            region.write(text, column: TurnLayout.codeIndent, row: row, style: Style(.code))

        case .fold(let hiddenLines):
            let arrow = symbols.folded
            let key = context.keymap.primaryKeyName(for: .toggleFold).map { " (\($0) unfolds)" } ?? ""
            let noun = hiddenLines == 1 ? "line" : "lines"
            region.write("\(arrow) \(ListTable.formatCount(hiddenLines)) more \(noun)\(key)", column: TurnLayout.textIndent, row: row, style: Style(.fold))

        case .unfold:
            let arrow = symbols.unfolded
            let key = context.keymap.primaryKeyName(for: .toggleFold).map { " (\($0) folds)" } ?? ""
            region.write("\(arrow) end of turn\(key)", column: TurnLayout.textIndent, row: row, style: Style(.fold))

        case .blank:
            break
        }
    }

    /// Draws ` Assistant · reasoning · gpt-4o       2026-11-16 06:47 ‹2/3›`: role, kind and
    /// author on the left, time and branch marker on the right. The right side gives way first
    /// (the time, then the marker) when the pane is narrow. The selected turn's header is
    /// highlighted.
    private func drawHeader(of turn: TurnRecord, isSelected: Bool, into region: Region, row: Int) {
        let symbols = BrowseSymbols(charset: region.charset)
        let separator = symbols.separator
        var selection: Style?
        if isSelected {
            let highlight = Style(focus == .transcript ? .selection : .selectionInactive)
            region.fillRow(row, style: highlight)
            selection = highlight
        }

        var label = BrowseScreen.roleLabel(turn.role)
        if turn.kind != .message {
            label += separator + BrowseScreen.kindLabel(turn.kind)
        }
        var details: [String] = []
        if let author = turn.author.map(clean), !author.isEmpty {
            details.append(author)
        }
        if let model = turn.model.map(clean), !model.isEmpty, !details.contains(model) {
            details.append(model)
        }

        // The right side, from the right edge: branch marker, then time, each only if the
        // label still fits beside it.
        let labelWidth = TerminalText.width(of: label) + 2
        var rightParts: [(text: String, element: ThemeElement)] = []
        var rightWidth = 0
        if turn.siblingCount > 1 {
            let marker = symbols.branchMarker(index: turn.branchIndex, count: turn.siblingCount)
            if labelWidth + TerminalText.width(of: marker) + 2 <= region.width {
                rightParts.append((marker, .branch))
                rightWidth += TerminalText.width(of: marker) + 1
            }
        }
        if let created = turn.createdAt {
            let time = timeFormat.format(created)
            if labelWidth + rightWidth + TerminalText.width(of: time) + 2 <= region.width {
                rightParts.append((time, .dim))
                rightWidth += TerminalText.width(of: time) + 1
            }
        }

        let leftLimit = region.width - rightWidth - 1
        var column = region.write(label, column: 1, row: row, style: selection ?? Style(BrowseScreen.roleElement(turn)), maximumWidth: max(0, leftLimit - 1))
        if !details.isEmpty, column + 4 < leftLimit {
            column = region.writeTruncated(separator + details.joined(separator: separator), column: column, row: row, width: leftLimit - column, style: selection ?? Style(.dim), padding: false)
        }

        var end = region.width - 1
        for part in rightParts {
            let start = end - TerminalText.width(of: part.text)
            region.write(part.text, column: start, row: row, style: selection ?? Style(part.element))
            end = start - 1
        }
    }

    static func roleLabel(_ role: Role) -> String {
        switch role {
        case .user: "User"
        case .assistant: "Assistant"
        case .system: "System"
        case .tool: "Tool"
        }
    }

    static func kindLabel(_ kind: TurnKind) -> String {
        switch kind {
        case .message: "message"
        case .hidden: "hidden"
        case .toolCall: "tool call"
        case .toolResult: "tool result"
        case .reasoning: "reasoning"
        case .error: "error"
        }
    }

    static func roleElement(_ turn: TurnRecord) -> ThemeElement {
        if turn.kind == .error {
            return .error
        }
        switch turn.role {
        case .user: return .roleUser
        case .assistant: return .roleAssistant
        case .system: return .roleSystem
        case .tool: return .roleTool
        }
    }
}
