import Foundation

/// Builds the conversation of one 0.36 message store thread.
///
/// Messages carry no time, model or usage, because they are shared between threads; those come
/// from the model calls (`turns` rows):
/// 1. the messages a call produced (from its tip up to its prompt) get the call's end time and
///    model, and the tip gets its token counts and duration;
/// 2. the prompt a call was sent, and the system or tool messages right before it, get the call's
///    start time;
/// 3. a thread that continues a legacy conversation (same id) also contains the history `llm`
///    copied from `responses`, which no call produced. Those messages are matched by role and text,
///    in chain order, to the legacy responses, which supply the missing values.
/// The thread's own calls come first, then those of the threads it was forked from, earliest
/// first; the first value found for a message wins.
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

        var provenance = provenanceFromModelCalls(content)
        if let legacy {
            fillFromLegacy(legacy.responses, chain: defaultChain, content: content, renderer: renderer,
                           provenance: &provenance)
        }

        var turns: [ImportedTurn] = []
        for hash in content.order {
            guard let message = content.messages[hash] else { continue }
            let parent = message.parentHash.flatMap { content.messages[$0] == nil ? nil : $0 }
            turns += renderer.turns(for: message, parent: parent, provenance: provenance[hash] ?? .init(),
                                    repairs: &repairs)
        }
        guard !turns.isEmpty else { return nil }

        let persona = defaultChain
            .first { LLMTurnText.role(content.messages[$0]?.role) == .system }
            .flatMap { content.messages[$0] }
            .map { ImportedPersona(kind: .systemPrompt, prompt: renderer.plainText(of: $0)) }

        // The thread row's time is when the thread was made, which for a continued legacy
        // conversation is long after its first message.
        let turnTimes = turns.compactMap(\.createdAt)
        let threadCreated = thread.datetime.flatMap(TimestampParser.parse)
        let createdAt = (turnTimes + [threadCreated].compactMap { $0 }).min()
        let firstOwnCall = content.modelCalls.first { $0.threadID == thread.id }
        let model = firstOwnCall?.model ?? legacy?.model ?? turns.first { $0.model != nil }?.model

        var metadata: String?
        if let forkedFrom = thread.forkedFrom {
            metadata = JSONValue.object(JSONObject([("forked_from", .string(forkedFrom))])).serialized()
        }

        return ImportedConversation(
            sourceID: thread.id,
            persona: persona,
            title: thread.name ?? legacy?.name,
            model: model,
            createdAt: createdAt,
            updatedAt: turnTimes.max() ?? threadCreated,
            metadataJSON: metadata,
            turns: turns,
            defaultLeafSourceID: thread.tipHash.flatMap { content.messages[$0] == nil ? nil : $0 },
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

    private static func fillFromLegacy(_ responses: [LLMLegacyResponse], chain: [String], content: LLMThreadContent,
                                       renderer: LLMMessageRenderer,
                                       provenance: inout [String: LLMMessageRenderer.Provenance]) {
        var next = 0
        func find(_ matches: (LLMLegacyResponse) -> Bool) -> Int? {
            guard next < responses.count else { return nil }
            return responses[next...].firstIndex(where: matches)
        }

        for hash in chain where provenance[hash] == nil {
            guard let message = content.messages[hash] else { continue }
            let text = renderer.plainText(of: message)
            switch LLMTurnText.role(message.role) {
            case .system?:
                if let index = find({ $0.systemText == text }) {
                    provenance[hash] = .init(time: responses[index].startedAt)
                }
            case .user?:
                if let index = find({ $0.promptText == text }) {
                    provenance[hash] = .init(time: responses[index].startedAt)
                    next = index
                }
            case .tool?:
                if let index = find({ !$0.toolResults.isEmpty }) {
                    provenance[hash] = .init(time: responses[index].startedAt)
                    next = index
                }
            case .assistant?:
                if let index = find({ $0.response == text }) {
                    let response = responses[index]
                    provenance[hash] = .init(time: response.finishedAt, model: response.answeringModel,
                                             inputTokens: response.inputTokens, outputTokens: response.outputTokens,
                                             generationSeconds: response.generationSeconds)
                    next = index + 1
                }
            case nil:
                break
            }
        }
    }
}
