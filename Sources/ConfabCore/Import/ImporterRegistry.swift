/// The importers Confab ships, in the order detection tries them.
enum ImporterRegistry {
    // TODO: fill in as importers land.
    static let all: [any ConversationImporter.Type] = []
}
