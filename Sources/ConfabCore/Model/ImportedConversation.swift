import Foundation

/// A conversation as an importer read it, before it reaches the store.
///
/// Importers build these values from each format's own shape; the import session assigns the
/// owning user, writes them in one transaction each and decides whether they are new, updated or
/// unchanged. Identity is `(source, sourceID)` for conversations and `(conversation, sourceID)` for
/// turns, so importing the same file twice changes nothing.
public struct ImportedConversation: Sendable, Equatable {
    /// The conversation id in the source (a UUID, a ShareGPT id, or a synthesised `file:line`).
    public var sourceID: String
    /// The account the export names; nil when the format carries no user.
    public var user: ImportedUser?
    public var persona: ImportedPersona?
    public var title: String?
    /// The conversation's default model, when the export names one.
    public var model: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Tags the export attaches to the conversation (Open WebUI's, for example).
    public var tags: [String]
    /// Format-specific fields worth keeping, as a JSON object text; nil when there are none.
    public var metadataJSON: String?
    /// Every turn of every branch, in any order; `parentSourceID` links them into a tree.
    public var turns: [ImportedTurn]
    /// The leaf of the thread the user last saw (ChatGPT `current_node`, Open WebUI `currentId`).
    /// Nil, or an id that names no turn, means the newest leaf.
    public var defaultLeafSourceID: String?
    /// Things the importer noticed but could repair, such as missing ShareGPT parts.
    public var warnings: [String]

    public init(
        sourceID: String,
        user: ImportedUser? = nil,
        persona: ImportedPersona? = nil,
        title: String? = nil,
        model: String? = nil,
        createdAt: Date? = nil,
        updatedAt: Date? = nil,
        tags: [String] = [],
        metadataJSON: String? = nil,
        turns: [ImportedTurn] = [],
        defaultLeafSourceID: String? = nil,
        warnings: [String] = []
    ) {
        self.sourceID = sourceID
        self.user = user
        self.persona = persona
        self.title = title
        self.model = model
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.tags = tags
        self.metadataJSON = metadataJSON
        self.turns = turns
        self.defaultLeafSourceID = defaultLeafSourceID
        self.warnings = warnings
    }
}

/// One message of an imported conversation.
public struct ImportedTurn: Sendable, Equatable {
    /// The message id in the source; linear formats use the turn's index as a string.
    public var sourceID: String
    /// The parent message id; nil for a root turn. An id that names no turn makes this a root.
    public var parentSourceID: String?
    public var role: Role
    public var kind: TurnKind
    /// Who produced the turn beyond its role: the model for assistant turns, the tool name for
    /// tool turns, a participant name where the format has one.
    public var author: String?
    /// The model that generated the turn, when the export names it.
    public var model: String?
    /// Display text: the rendered content with a bracketed placeholder for each part Confab does
    /// not render (images, audio, files).
    public var text: String
    public var createdAt: Date?
    /// Content Confab does not render, kept verbatim as JSON text so nothing is lost.
    public var rawPayloadJSON: String?
    public var attachments: [ImportedAttachment]
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Time the model took to generate the turn, in seconds.
    public var generationSeconds: Double?

    public init(
        sourceID: String,
        parentSourceID: String? = nil,
        role: Role,
        kind: TurnKind = .message,
        author: String? = nil,
        model: String? = nil,
        text: String,
        createdAt: Date? = nil,
        rawPayloadJSON: String? = nil,
        attachments: [ImportedAttachment] = [],
        inputTokens: Int? = nil,
        outputTokens: Int? = nil,
        generationSeconds: Double? = nil
    ) {
        self.sourceID = sourceID
        self.parentSourceID = parentSourceID
        self.role = role
        self.kind = kind
        self.author = author
        self.model = model
        self.text = text
        self.createdAt = createdAt
        self.rawPayloadJSON = rawPayloadJSON
        self.attachments = attachments
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.generationSeconds = generationSeconds
    }
}

/// The account an export names as the owner of a conversation.
public struct ImportedUser: Sendable, Equatable, Hashable {
    /// The account id in the source (Claude `account.uuid`, Open WebUI `user.id`).
    public var externalID: String
    public var name: String?

    public init(externalID: String, name: String? = nil) {
        self.externalID = externalID
        self.name = name
    }
}

/// The system prompt, custom GPT or model preset a conversation runs under.
public struct ImportedPersona: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case systemPrompt = "system_prompt"
        case customGPT = "custom_gpt"
        case modelPreset = "model_preset"
    }

    public var kind: Kind
    /// A stable id for the persona in the source (a gizmo id, a preset id); nil to key on the text.
    public var externalID: String?
    public var name: String?
    /// The system prompt text, when the persona is one.
    public var prompt: String?

    public init(kind: Kind, externalID: String? = nil, name: String? = nil, prompt: String? = nil) {
        self.kind = kind
        self.externalID = externalID
        self.name = name
        self.prompt = prompt
    }
}

/// A file that belonged to a turn. Confab stores a placeholder, never the file's bytes.
public struct ImportedAttachment: Sendable, Equatable, Hashable {
    public var name: String?
    public var mimeType: String?
    public var sizeBytes: Int?
    /// The file's id or location in the source (asset pointer, sha256, path or URL).
    public var reference: String?

    public init(name: String? = nil, mimeType: String? = nil, sizeBytes: Int? = nil, reference: String? = nil) {
        self.name = name
        self.mimeType = mimeType
        self.sizeBytes = sizeBytes
        self.reference = reference
    }
}
