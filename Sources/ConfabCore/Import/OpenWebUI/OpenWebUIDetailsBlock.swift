import Foundation

/// A `<details type="…">` block that Open WebUI 0.5 and later write into an assistant message's
/// `content`: the model's reasoning in front of the answer, and one block per tool call.
///
/// Reasoning looks like
/// `<details type="reasoning" done="true" duration="7">\n<summary>Thought for 7 seconds</summary>\n> line\n</details>`,
/// with every body line quoted with `> ` and, in some versions, HTML-escaped. A tool call carries
/// everything in attributes: `id`, `name`, `arguments` and `result`, each HTML-escaped JSON.
struct OpenWebUIDetailsBlock: Equatable {
    /// The `type` attribute.
    var type: String
    /// Attribute values with HTML entities decoded.
    var attributes: [String: String]
    /// The text between the opening and closing tags, `<summary>` element included.
    var body: String

    /// The block types lifted out of the answer into turns of their own. Blocks of other types,
    /// and `<details>` without a type, stay in the answer text as written.
    static let liftedTypes: Set<String> = ["reasoning", "tool_calls"]

    /// Splits `content` into the answer text and the lifted blocks, in document order.
    ///
    /// The answer is trimmed of the blank lines the blocks leave behind only when a block was
    /// lifted. A block whose closing tag is missing (a generation cut off mid-stream) runs to the
    /// end of the content.
    static func split(_ content: String) -> (answer: String, blocks: [OpenWebUIDetailsBlock]) {
        guard content.contains("<details") else { return (content, []) }

        var answer = ""
        var blocks: [OpenWebUIDetailsBlock] = []
        var rest = content[...]
        while let open = rest.range(of: "<details") {
            let afterName = open.upperBound
            guard afterName == rest.endIndex || rest[afterName] == ">" || rest[afterName].isWhitespace,
                  let tagEnd = endOfTag(in: rest, from: afterName) else {
                answer += rest[..<afterName]
                rest = rest[afterName...]
                continue
            }

            let attributes = parseAttributes(rest[afterName..<tagEnd])
            let bodyStart = rest.index(after: tagEnd)
            let (bodyEnd, blockEnd) = matchingClose(in: rest, from: bodyStart)
            guard let type = attributes["type"], liftedTypes.contains(type) else {
                answer += rest[..<blockEnd]
                rest = rest[blockEnd...]
                continue
            }

            answer += rest[..<open.lowerBound]
            blocks.append(OpenWebUIDetailsBlock(type: type, attributes: attributes, body: String(rest[bodyStart..<bodyEnd])))
            rest = rest[blockEnd...]
        }
        answer += rest

        if blocks.isEmpty {
            return (answer, [])
        }
        return (answer.trimmingCharacters(in: .whitespacesAndNewlines), blocks)
    }

    // MARK: Reading a block

    /// The body without its `<summary>` element, entities decoded and the `> ` quoting removed.
    var plainBody: String {
        var text = body
        if let summaryStart = text.range(of: "<summary>"),
           let summaryEnd = text.range(of: "</summary>", range: summaryStart.upperBound..<text.endIndex) {
            text.removeSubrange(summaryStart.lowerBound..<summaryEnd.upperBound)
        }
        let lines = HTMLEntities.decode(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("> ") { return line.dropFirst(2) }
            if line.hasPrefix(">") { return line.dropFirst() }
            return line
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Scanning

    /// Finds the `>` that ends the opening tag, skipping `>` inside quoted attribute values.
    private static func endOfTag(in text: Substring, from start: Substring.Index) -> Substring.Index? {
        var quote: Character?
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Finds where the body ends and where the block ends (after `</details>`), counting nested blocks.
    private static func matchingClose(in text: Substring,
                                      from start: Substring.Index) -> (Substring.Index, Substring.Index) {
        var depth = 1
        var cursor = start
        while let close = text.range(of: "</details>", range: cursor..<text.endIndex) {
            if let nested = text.range(of: "<details", range: cursor..<close.lowerBound) {
                depth += 1
                cursor = nested.upperBound
                continue
            }
            depth -= 1
            if depth == 0 {
                return (close.lowerBound, close.upperBound)
            }
            cursor = close.upperBound
        }
        return (text.endIndex, text.endIndex)
    }

    /// Attributes as `name="value"` or `name='value'` pairs; a name without a value maps to "".
    private static func parseAttributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var index = text.startIndex
        func skipWhitespace() {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        }

        while true {
            skipWhitespace()
            let nameStart = index
            while index < text.endIndex, !text[index].isWhitespace, text[index] != "=", text[index] != "/" {
                index = text.index(after: index)
            }
            guard nameStart < index else { break }
            let name = text[nameStart..<index].lowercased()
            skipWhitespace()

            guard index < text.endIndex, text[index] == "=" else {
                attributes[name] = ""
                continue
            }
            index = text.index(after: index)
            skipWhitespace()

            var value: Substring
            if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                let quote = text[index]
                let valueStart = text.index(after: index)
                let valueEnd = text[valueStart...].firstIndex(of: quote) ?? text.endIndex
                value = text[valueStart..<valueEnd]
                index = valueEnd < text.endIndex ? text.index(after: valueEnd) : valueEnd
            } else {
                let valueStart = index
                while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
                value = text[valueStart..<index]
            }
            attributes[name] = HTMLEntities.decode(String(value))
        }
        return attributes
    }
}
