/// The display text of one ChatGPT message `content` object, with the files it refers to.
struct ChatGPTContent: Equatable {
    var text: String
    var attachments: [ImportedAttachment] = []
    /// Whether the display text drops part of the content, so the turn keeps the content raw.
    var isLossy = false
}

extension ChatGPTContent {
    /// Renders `content` by its `content_type`. `metadata` is the message's metadata, where code
    /// interpreter output keeps its images.
    ///
    /// Types Confab does not render become `Placeholder.unsupported` and are marked lossy.
    static func render(_ content: JSONObject, metadata: JSONObject?) -> ChatGPTContent {
        let contentType = content["content_type"]?.stringValue ?? ""
        switch contentType {
        case "text", "multimodal_text":
            return renderParts(content)
        case "code":
            return ChatGPTContent(text: string(content["text"]))
        case "execution_output":
            return renderExecutionOutput(content, metadata: metadata)
        case "tether_browsing_display":
            let result = string(content["result"])
            return ChatGPTContent(text: result.isEmpty ? string(content["summary"]) : result, isLossy: true)
        case "tether_quote":
            return ChatGPTContent(text: lines(content, ["title", "url", "text"]))
        case "sonic_webpage":
            // NOTE: no real export was at hand to verify these field names, so the content is
            // also kept raw and nothing depends on the guess.
            return ChatGPTContent(text: lines(content, ["title", "url", "text", "snippet"]), isLossy: true)
        case "system_error":
            return ChatGPTContent(text: lines(content, ["name", "text"], separator: ": "))
        case "thoughts":
            return renderThoughts(content)
        case "reasoning_recap":
            return ChatGPTContent(text: string(content["content"]))
        case "user_editable_context":
            return ChatGPTContent(text: lines(content, ["user_profile", "user_instructions"], separator: "\n\n"))
        case "model_editable_context":
            return ChatGPTContent(text: lines(content, ["model_set_context", "repository", "repo_summary"], separator: "\n\n"))
        default:
            return ChatGPTContent(text: Placeholder.unsupported(contentType), isLossy: true)
        }
    }

    /// Joins `parts` (strings, asset pointers, transcriptions) one per line. Tools that write
    /// `text` in place of `parts` are read too.
    private static func renderParts(_ content: JSONObject) -> ChatGPTContent {
        guard case let .array(parts)? = content["parts"] else {
            return ChatGPTContent(text: string(content["text"]))
        }

        var result = ChatGPTContent(text: "")
        var pieces: [String] = []
        for part in parts {
            switch part {
            case let .string(text):
                pieces.append(text)
            case .null:
                continue
            case .bool, .number:
                pieces.append(part.serialized())
            case let .object(object):
                let rendered = ChatGPTAssetPart.render(object)
                pieces.append(rendered.text)
                result.attachments += rendered.attachments
                result.isLossy = result.isLossy || rendered.isLossy
            case .array:
                pieces.append(Placeholder.unsupported("array"))
                result.isLossy = true
            }
        }
        result.text = pieces.filter { !$0.isEmpty }.joined(separator: "\n")
        return result
    }

    /// Code interpreter output. Each `<<ImageDisplayed>>` marker becomes an image placeholder for
    /// the next image of `metadata.aggregate_result.messages`; images beyond the markers go on
    /// lines of their own.
    private static func renderExecutionOutput(_ content: JSONObject, metadata: JSONObject?) -> ChatGPTContent {
        let imageURLs = (metadata?["aggregate_result"]?["messages"]?.arrayValue ?? []).compactMap { message -> String? in
            guard message["message_type"]?.stringValue == "image" else { return nil }
            return message["image_url"]?.stringValue
        }

        var text = string(content["text"])
        let marker = "<<ImageDisplayed>>"
        var placed = 0
        while placed < imageURLs.count, let range = text.range(of: marker) {
            text.replaceSubrange(range, with: Placeholder.image())
            placed += 1
        }
        if placed < imageURLs.count {
            let extra = Array(repeating: Placeholder.image(), count: imageURLs.count - placed)
            text = ([text] + extra).filter { !$0.isEmpty }.joined(separator: "\n")
        }

        return ChatGPTContent(text: text, attachments: imageURLs.map { ImportedAttachment(reference: $0) })
    }

    /// Reasoning summaries: each thought's summary and content, separated by blank lines.
    private static func renderThoughts(_ content: JSONObject) -> ChatGPTContent {
        let thoughts = content["thoughts"]?.arrayValue ?? []
        let text = thoughts.compactMap { thought -> String? in
            guard case let .object(object) = thought else { return nil }
            let block = lines(object, ["summary", "content"])
            return block.isEmpty ? nil : block
        }
        return ChatGPTContent(text: text.joined(separator: "\n\n"), isLossy: true)
    }

    /// Joins the non-empty string fields named by `keys`, in that order.
    private static func lines(_ object: JSONObject, _ keys: [String], separator: String = "\n") -> String {
        keys.map { string(object[$0]) }.filter { !$0.isEmpty }.joined(separator: separator)
    }

    private static func string(_ value: JSONValue?) -> String {
        value?.stringValue ?? ""
    }
}
