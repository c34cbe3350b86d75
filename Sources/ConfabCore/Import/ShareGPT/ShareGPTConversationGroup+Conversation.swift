extension ShareGPTConversationGroup {
    /// Builds one conversation from the group's parts in numeric order, with a hidden system turn
    /// at every gap in the part numbers. Returns nil when no part has a turn.
    ///
    /// Turn source ids are `<part>:<index>` for split conversations and `<index>` for a standalone
    /// record (`system` in place of the index for a record-level system prompt), so they stay the
    /// same on every import of the file. A gap's turn is `missing:<first>-<last>`, and an
    /// unreadable part's is `unreadable:<part>`.
    func makeConversation() -> ImportedConversation? {
        var chain = ShareGPTTurnChain()
        var nextExpectedPart = 0
        var presentParts: [Int] = []
        var missingParts: [ClosedRange<Int>] = []
        var unreadableParts: [Int] = []
        var model: String?
        var otherFields: [(key: String, value: JSONValue)] = []

        for part in parts.sorted(by: { $0.number < $1.number }) {
            if isSplit, part.number > nextExpectedPart {
                let missing = nextExpectedPart...(part.number - 1)
                missingParts.append(missing)
                chain.appendNotice(ShareGPTConversationGroup.missingPartsNotice(missing), sourceID: "missing:\(missing.lowerBound)-\(missing.upperBound)")
            }
            // Part Int.max has no successor, and no part can follow it anyway.
            nextExpectedPart = part.number == Int.max ? part.number : part.number + 1

            switch part.content {
            case .unreadable:
                unreadableParts.append(part.number)
                chain.appendNotice("part \(part.number) of this conversation could not be read", sourceID: "unreadable:\(part.number)")
            case let .read(record):
                presentParts.append(part.number)
                model = model ?? record.model
                for field in record.otherFields where !otherFields.contains(where: { $0.key == field.key }) {
                    otherFields.append(field)
                }
                chain.appendMessages(of: record, idPrefix: isSplit ? "\(part.number):" : "")
            }
        }

        guard chain.messageCount > 0 else { return nil }

        var metadata: [(key: String, value: JSONValue)] = []
        if isSplit {
            metadata += ShareGPTConversationGroup.partMetadata(present: presentParts, missing: missingParts, unreadable: unreadableParts)
        }
        if !otherFields.isEmpty {
            metadata.append(("fields", .object(JSONObject(otherFields))))
        }

        return ImportedConversation(
            sourceID: conversationID,
            persona: chain.systemPrompt.map { ImportedPersona(kind: .systemPrompt, prompt: $0) },
            model: model,
            metadataJSON: metadata.isEmpty ? nil : JSONValue.object(JSONObject(metadata)).serialized(),
            turns: chain.turns,
            warnings: chain.warnings)
    }

    /// Returns the metadata members that list a split conversation's parts: `parts` (those read),
    /// `missingParts` (as `[first, last]` ranges) and `unreadableParts`, leaving out empty lists.
    private static func partMetadata(present: [Int], missing: [ClosedRange<Int>], unreadable: [Int]) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [("parts", numbers(present))]
        if !missing.isEmpty {
            members.append(("missingParts", .array(missing.map { numbers([$0.lowerBound, $0.upperBound]) })))
        }
        if !unreadable.isEmpty {
            members.append(("unreadableParts", numbers(unreadable)))
        }
        return members
    }

    private static func numbers(_ values: [Int]) -> JSONValue {
        .array(values.map { .number(Double($0)) })
    }

    /// Returns the sentence for a run of missing parts: "parts 25–29 of this conversation are
    /// missing from the export", or "part 25 … is …" for one.
    static func missingPartsNotice(_ missing: ClosedRange<Int>) -> String {
        if missing.lowerBound == missing.upperBound {
            return "part \(missing.lowerBound) of this conversation is missing from the export"
        }
        return "parts \(missing.lowerBound)–\(missing.upperBound) of this conversation are missing from the export"
    }
}
