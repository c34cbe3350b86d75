import Foundation

/// Builds the conversation of one 0.36 message store thread.
///
/// Messages carry no time, model or usage, because they are shared between threads; those come
/// from the model calls (`turns` rows):
/// 1. the messages a call produced (from its tip up to its prompt) get the call's end time and
///    model, and the tip gets its token counts and duration;
/// 2. the prompt a call was sent, and the system or tool messages right before it, get the call's
///    start time.
/// The thread's own calls come first, then those of the threads it was forked from, earliest
/// first; the first value found for a message wins.
///
/// A thread that continues a legacy conversation (same id) also contains the history `llm` copied
/// from `responses`, which no call produced. That history is delivered as the legacy import builds
/// it, with the same turn ids, title and model, and the copied messages are left out (see
/// `LLMLegacyHistoryMatch`). So importing the file after the legacy import adds only the
/// continuation, and importing it alone gives the same conversation.
enum LLMThreadConversationBuilder {
    /// The legacy conversation a thread continues.
    struct LegacyHistory {
        var name: String?
        var model: String?
        var responses: [LLMLegacyResponse]
    }

    static func conversation(_ content: LLMThreadContent, legacy: LegacyHistory?,
                             repairs: inout TextRepairs) -> ImportedConversation? {
        let renderer = LLMMessageRenderer(fragments: content.fragments, attachments: content.attachments)
        let thread = content.thread
        let defaultChain = chain(endingAt: thread.tipHash, in: content.messages)
        let provenance = provenanceFromModelCalls(content)

        var legacyConversation: ImportedConversation?
        var legacyTurnIDs: [String: String] = [:]
        if let legacy {
            let built = LLMLegacyConversationBuilder.conversation(
                sourceID: thread.id, title: legacy.name, model: legacy.model, responses: legacy.responses,
                repairs: &repairs)
            legacyTurnIDs = LLMLegacyHistoryMatch(
                responses: legacy.responses, legacyTurnIDs: Set(built.turns.map(\.sourceID)), chain: defaultChain,
                content: content, renderer: renderer, newMessages: Set(provenance.keys)).turnIDs
            legacyConversation = built
        }

        // Turn source id of a message: its legacy turn when it copies a legacy response, else its hash.
        func turnID(ofMessage hash: String?) -> String? {
            guard let hash else { return nil }
            if let legacyID = legacyTurnIDs[hash] {
                return legacyID
            }
            return content.messages[hash] == nil ? nil : hash
        }

        var turns = legacyConversation?.turns ?? []
        for hash in content.order where legacyTurnIDs[hash] == nil {
            guard let message = content.messages[hash] else { continue }
            turns += renderer.turns(for: message, parent: turnID(ofMessage: message.parentHash),
                                    provenance: provenance[hash] ?? .init(), repairs: &repairs)
        }
        guard !turns.isEmpty else { return nil }

        let persona = legacyConversation?.persona ?? defaultChain
            .first { LLMTurnText.role(content.messages[$0]?.role) == .system }
            .flatMap { content.messages[$0] }
            .map { ImportedPersona(kind: .systemPrompt, prompt: renderer.plainText(of: $0)) }

        // The thread row's time is when the thread was made, which for a continued legacy
        // conversation is long after its first message.
        let turnTimes = turns.compactMap(\.createdAt)
        let threadCreated = thread.datetime.flatMap(TimestampParser.parse)
        let createdAt = (turnTimes + [threadCreated].compactMap { $0 }).min()
        let firstOwnCall = content.modelCalls.first { $0.threadID == thread.id }
        let model = legacyConversation?.model ?? firstOwnCall?.model ?? turns.first { $0.model != nil }?.model

        var metadata: String?
        if let forkedFrom = thread.forkedFrom {
            metadata = JSONValue.object(JSONObject([("forked_from", .string(forkedFrom))])).serialized()
        }

        // `llm` 0.36 renames a continued conversation's thread after the newest prompt, but
        // `conversations.name` keeps the first prompt, which the legacy import used.
        return ImportedConversation(
            sourceID: thread.id,
            persona: persona,
            title: legacy?.name ?? thread.name,
            model: model,
            createdAt: createdAt,
            updatedAt: turnTimes.max() ?? threadCreated,
            metadataJSON: metadata,
            turns: turns,
            defaultLeafSourceID: turnID(ofMessage: thread.tipHash),
            warnings: content.warnings)
    }

    /// Message hashes from the root down to `tip`.
    private static func chain(endingAt tip: String?, in messages: [String: LLMMessage]) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = []
        var cursor = tip
        while let hash = cursor, let message = messages[hash], seen.insert(hash).inserted {
            chain.append(hash)
            cursor = message.parentHash
        }
        return chain.reversed()
    }

    private static func provenanceFromModelCalls(_ content: LLMThreadContent) -> [String: LLMMessageRenderer.Provenance] {
        var provenance: [String: LLMMessageRenderer.Provenance] = [:]
        let messages = content.messages

        for call in content.modelCalls {
            var seen: Set<String> = []
            var cursor = call.tipHash
            while let hash = cursor, hash != call.parentHash, let message = messages[hash], seen.insert(hash).inserted {
                if provenance[hash] == nil {
                    let isAssistant = LLMTurnText.role(message.role) == .assistant
                    var entry = LLMMessageRenderer.Provenance(time: call.finishedAt,
                                                              model: isAssistant ? call.answeringModel : nil)
                    if hash == call.tipHash {
                        entry.inputTokens = call.inputTokens
                        entry.outputTokens = call.outputTokens
                        entry.generationSeconds = call.generationSeconds
                    }
                    provenance[hash] = entry
                }
                cursor = message.parentHash
            }

            // The prompt and the system or tool messages sent with it; an assistant message
            // before them belongs to an earlier call.
            cursor = call.parentHash
            while let hash = cursor, let message = messages[hash], provenance[hash] == nil,
                  LLMTurnText.role(message.role) != .assistant, seen.insert(hash).inserted {
                provenance[hash] = LLMMessageRenderer.Provenance(time: call.startedAt)
                cursor = message.parentHash
            }
        }
        return provenance
    }
}
