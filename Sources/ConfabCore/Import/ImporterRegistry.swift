/// The importers Confab ships, in the order detection tries them.
///
/// Each importer's `matches` checks structure only, and the structures do not overlap: SQLite
/// files go to llm or Open WebUI by their tables, JSON by the keys of the first value.
enum ImporterRegistry {
    static let all: [any ConversationImporter.Type] = [
        ChatGPTImporter.self,
        ClaudeImporter.self,
        ShareGPTImporter.self,
        OpenAIChatImporter.self,
        LLMImporter.self,
        OpenWebUIImporter.self,
    ]
}
