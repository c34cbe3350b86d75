import Foundation

/// One turn cut from a Claude message: a run of text blocks, a thinking block, a tool call or a
/// tool result.
///
/// A message becomes a chain of segments in block order. Thinking gets a segment of its own with
/// kind `.reasoning`, so the answer turn shows only the answer (the message-level `text` field
/// glues the two together with no separator) and search can include or leave out reasoning on
/// purpose. A thinking block's `summaries` are not kept, because they restate the thinking in a
/// line or two. Tool blocks become `.toolCall` and `.toolResult` turns the same way.
struct ClaudeSegment: Equatable {
    /// Index of the segment's first block in `content`; nil for a segment built from `text`.
    var blockIndex: Int?
    var role: Role
    var kind: TurnKind
    /// The tool name for tool segments.
    var author: String?
    var text: String
    /// The first block's `start_timestamp`.
    var startedAt: Date?
    /// Blocks whose content the text does not fully show (citations, unknown block types, tool
    /// input), kept as raw JSON.
    var rawBlocks: [JSONValue] = []
}

extension ClaudeSegment {
    /// Cuts `blocks` into segments. Consecutive text blocks and unknown blocks share one
    /// segment. Text blocks are joined with no separator, because Claude splits one paragraph
    /// into several blocks where its citations start and end. Text segments that end up empty
    /// are dropped, so a message of empty blocks has no segments.
    static func segments(of blocks: [JSONValue], role: Role) -> [ClaudeSegment] {
        var segments: [ClaudeSegment] = []
        var pending: ClaudeSegment?
        var previousWasPlaceholder = false

        func flush() {
            if let segment = pending, !segment.text.isEmpty || !segment.rawBlocks.isEmpty {
                segments.append(segment)
            }
            pending = nil
        }

        for (index, block) in blocks.enumerated() {
            let type = block["type"]?.stringValue ?? ""
            let startedAt = block["start_timestamp"].flatMap { TimestampParser.parse($0) }
            let followsPlaceholder = previousWasPlaceholder
            previousWasPlaceholder = false

            switch type {
            case "thinking":
                flush()
                segments.append(ClaudeSegment(
                    blockIndex: index, role: .assistant, kind: .reasoning,
                    text: block["thinking"]?.stringValue ?? "", startedAt: startedAt))
            case "tool_use":
                flush()
                segments.append(ClaudeSegment(
                    blockIndex: index, role: .assistant, kind: .toolCall, author: block["name"]?.stringValue,
                    text: ClaudeToolBlock.inputText(block["input"]), startedAt: startedAt, rawBlocks: [block]))
            case "tool_result":
                flush()
                segments.append(ClaudeSegment(
                    blockIndex: index, role: .tool, kind: .toolResult, author: block["name"]?.stringValue,
                    text: ClaudeToolBlock.resultText(block["content"]), startedAt: startedAt, rawBlocks: [block]))
            case "text":
                var segment = pending ?? ClaudeSegment(blockIndex: index, role: role, kind: .message, text: "", startedAt: startedAt)
                let text = block["text"]?.stringValue ?? ""
                if followsPlaceholder && !text.isEmpty {
                    segment.text += "\n"
                }
                segment.text += text
                if let citations = block["citations"]?.arrayValue, !citations.isEmpty {
                    segment.rawBlocks.append(block)
                }
                pending = segment
            default:
                var segment = pending ?? ClaudeSegment(blockIndex: index, role: role, kind: .message, text: "", startedAt: startedAt)
                if !segment.text.isEmpty && !segment.text.hasSuffix("\n") {
                    segment.text += "\n"
                }
                segment.text += Placeholder.unsupported(type)
                segment.rawBlocks.append(block)
                pending = segment
                previousWasPlaceholder = true
            }
        }
        flush()
        return segments
    }
}
