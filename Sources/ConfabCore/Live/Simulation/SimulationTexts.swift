/// Realistic turn texts and titles for simulated writers, taken from the demo generator.
public struct SimulationTexts: Sendable {
    public struct Exchange: Sendable {
        public var role: Role
        public var text: String
        public var model: String?
    }

    public let exchanges: [Exchange]
    public let titles: [String]
    public let userNames: [String]

    /// Builds the pool from `conversations` demo conversations of `seed`: their user and assistant
    /// messages in order, their titles and their users' names.
    public init(seed: UInt64, conversations: Int = 48) {
        let generator = DemoGenerator(options: DemoGenerator.Options(users: 6, conversations: conversations, seed: seed))
        var exchanges: [Exchange] = []
        var titles: [String] = []
        for conversation in generator {
            if let title = conversation.title, !title.isEmpty {
                titles.append(title)
            }
            for turn in conversation.turns where turn.kind == .message && (turn.role == .user || turn.role == .assistant) {
                exchanges.append(Exchange(role: turn.role, text: turn.text, model: turn.model))
            }
        }
        self.exchanges = exchanges.isEmpty ? [Exchange(role: .user, text: "hello", model: nil)] : exchanges
        self.titles = titles.isEmpty ? ["Simulated conversation"] : titles
        userNames = (0..<6).map { generator.user(at: $0).name ?? "simulated user \($0 + 1)" }
    }

    /// Builds the pool from the user and assistant messages already in `store`, such as an
    /// imported corpus: the default threads of its `conversations` most recent conversations.
    /// Returns nil when the store has no such message.
    public init?(store: any ConversationStore, conversations: Int = 48) throws {
        var exchanges: [Exchange] = []
        var titles: [String] = []
        var userNames: [String] = []
        for conversation in try store.conversations(userID: nil, after: nil, limit: conversations) {
            if let title = conversation.title, !title.isEmpty {
                titles.append(title)
            }
            if !userNames.contains(conversation.userName) {
                userNames.append(conversation.userName)
            }
            let turns = try store.turns(conversationID: conversation.id, scope: .defaultThread, after: nil, limit: 200)
            for turn in turns where turn.kind == .message && (turn.role == .user || turn.role == .assistant) && !turn.text.isEmpty {
                exchanges.append(Exchange(role: turn.role, text: turn.text, model: turn.model))
            }
        }
        guard !exchanges.isEmpty else { return nil }
        self.exchanges = exchanges
        self.titles = titles.isEmpty ? ["Simulated conversation"] : titles
        self.userNames = userNames
    }
}
