/// Converts one conversation object of a ChatGPT export into an `ImportedConversation`.
enum ChatGPTConversation {
    /// Conversation fields kept in `metadataJSON` when present and not null.
    static let keptMetadataKeys = [
        "is_archived", "is_starred", "gizmo_type", "conversation_origin", "conversation_template_id",
        "is_do_not_remember", "is_study_mode", "memory_scope", "async_status", "voice",
    ]

    /// Reads `value`. `fallbackID` becomes the conversation id when the object has none of
    /// `conversation_id`, `id` or `_id`. Throws when `value` is not an object, `mapping` is missing
    /// or not an object, or a node or message has the wrong shape.
    static func read(_ value: JSONValue, fallbackID: String) throws(RecordFieldError) -> ImportedConversation {
        guard case let .object(object) = value else {
            throw RecordFieldError(field: nil, reason: "expected a conversation object, found \(RecordFieldError.describe(value))")
        }

        let id = sourceID(of: object)
        do {
            return try read(object, id: id, fallbackID: fallbackID)
        } catch {
            var failure = error
            failure.conversationID = id
            throw failure
        }
    }

    private static func read(_ object: JSONObject, id: String?, fallbackID: String) throws(RecordFieldError) -> ImportedConversation {
        guard let mappingValue = object["mapping"] else {
            throw .missing("mapping")
        }
        guard case let .object(mapping) = mappingValue else {
            throw .wrongType("mapping", expected: "an object", found: mappingValue)
        }

        let tree = try ChatGPTMappingTree(mapping: mapping)
        var turns: [ImportedTurn] = []
        turns.reserveCapacity(tree.entries.count)
        for entry in tree.entries {
            turns.append(try ChatGPTMessage.turn(for: entry))
        }

        var conversation = ImportedConversation(
            sourceID: id ?? fallbackID,
            persona: persona(of: object),
            title: nonEmpty(object["title"]?.stringValue),
            model: nonEmpty(object["default_model_slug"]?.stringValue) ?? mostCommonModel(turns),
            createdAt: object["create_time"].flatMap { TimestampParser.parse($0) },
            updatedAt: object["update_time"].flatMap { TimestampParser.parse($0) },
            metadataJSON: metadataJSON(of: object),
            turns: turns,
            defaultLeafSourceID: object["current_node"]?.stringValue.flatMap { tree.messageNodeID(for: $0) }
        )
        if id == nil {
            conversation.warnings.append("the conversation has no conversation_id, id or _id; its id is \(fallbackID)")
        }
        return conversation
    }

    /// `conversation_id`, else `id`, else `_id`: the first that is a non-empty string.
    static func sourceID(of object: JSONObject) -> String? {
        for key in ["conversation_id", "id", "_id"] {
            if let id = nonEmpty(object[key]?.stringValue) {
                return id
            }
        }
        return nil
    }

    private static func persona(of object: JSONObject) -> ImportedPersona? {
        guard let gizmoID = nonEmpty(object["gizmo_id"]?.stringValue) else { return nil }
        return ImportedPersona(kind: .customGPT, externalID: gizmoID)
    }

    /// Returns the model slug that most turns name. A tie goes to the slug that appears first.
    private static func mostCommonModel(_ turns: [ImportedTurn]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for case let model? in turns.map(\.model) {
            if counts[model] == nil {
                order.append(model)
            }
            counts[model, default: 0] += 1
        }

        var best: (model: String, count: Int)?
        for model in order {
            let count = counts[model, default: 0]
            if count > best?.count ?? 0 {
                best = (model, count)
            }
        }
        return best?.model
    }

    private static func metadataJSON(of object: JSONObject) -> String? {
        let kept = keptMetadataKeys.compactMap { key -> (key: String, value: JSONValue)? in
            guard let value = object[key], !value.isNull else { return nil }
            return (key, value)
        }
        return kept.isEmpty ? nil : JSONValue.object(JSONObject(kept)).serialized()
    }

    private static func nonEmpty(_ string: String?) -> String? {
        guard let string, !string.isEmpty else { return nil }
        return string
    }
}
