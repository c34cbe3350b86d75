/// Makes deterministic, realistic demo data: users from many cultures and their conversations,
/// with branches, tool calls, hidden turns, reasoning, errors and text in a dozen scripts.
///
/// The same options give identical conversations on every run and machine. Every conversation is
/// made on its own from the seed and its index, one at a time, so memory stays flat however many
/// are generated and `conversation(at:)` can make any one directly.
public struct DemoGenerator: Sendable {
    public struct Options: Sendable, Equatable {
        /// Number of users; every user owns at least one conversation when there are enough.
        public var users: Int
        public var conversations: Int
        /// Seeds every random choice; the same seed gives the same data.
        public var seed: UInt64

        public init(users: Int = 12, conversations: Int = 400, seed: UInt64 = 1) {
            self.users = users
            self.conversations = conversations
            self.seed = seed
        }

        public static let maxUsers = 1_000_000
        public static let maxConversations = 100_000_000

        /// Throws `InvalidOptions` when the user count is not in 1...1,000,000 or the conversation
        /// count not in 0...100,000,000. Call it on options that come from a user before creating
        /// the generator.
        public func validate() throws {
            guard (1...Self.maxUsers).contains(users) else {
                throw InvalidOptions(description: "invalid user count \(users): must be between 1 and \(Self.maxUsers)")
            }
            guard (0...Self.maxConversations).contains(conversations) else {
                throw InvalidOptions(
                    description: "invalid conversation count \(conversations): must be between 0 and \(Self.maxConversations)")
            }
        }
    }

    /// Options outside the supported ranges.
    public struct InvalidOptions: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public let options: Options
    private let ownership: DemoOwnership

    /// Creates a generator; the options must pass `Options.validate()`, or this traps.
    public init(options: Options = Options()) {
        do {
            try options.validate()
        } catch {
            preconditionFailure("\(error)")
        }
        self.options = options
        self.ownership = DemoOwnership(userCount: options.users, seed: options.seed)
    }

    /// An estimate of the number of turns, for progress bars, computed in constant time. Runs of
    /// 400 to 40,000 conversations average 25 to 27 turns per conversation.
    public var estimatedTurnCount: Int {
        options.conversations * 26
    }

    /// Counts the turns `forEachConversation` produces, exactly. It plans every conversation
    /// without composing text, which takes less than a tenth of the time of generating them.
    public func countTurns() -> Int {
        var total = 0
        for index in 0..<options.conversations {
            total += DemoConversationPlan(index: index, seed: options.seed, ownership: ownership).turnCount
        }
        return total
    }

    /// Returns the account of user `index` (from 0), as conversations name their owner.
    public func user(at index: Int) -> ImportedUser {
        precondition((0..<options.users).contains(index), "user index \(index) out of range 0..<\(options.users)")
        return DemoUser(index: index, seed: options.seed).imported
    }

    /// Conversation `index` (from 0), the same value `forEachConversation` passes at that position.
    public func conversation(at index: Int) -> ImportedConversation {
        precondition((0..<options.conversations).contains(index),
                     "conversation index \(index) out of range 0..<\(options.conversations)")
        let plan = DemoConversationPlan(index: index, seed: options.seed, ownership: ownership)
        var builder = DemoConversationBuilder(plan: plan, seed: options.seed)
        let sourceID = DemoIdentifier.conversation(seed: options.seed, index: index).text
        return builder.build(sourceID: sourceID)
    }

    /// Calls `body` with each conversation in index order, making one at a time.
    public func forEachConversation(_ body: (ImportedConversation) throws -> Void) rethrows {
        for index in 0..<options.conversations {
            try body(conversation(at: index))
        }
    }

    /// Delivers every conversation to an import sink, reporting progress in conversations.
    public func write(into sink: any ImportSink) throws {
        let total = Int64(options.conversations)
        for index in 0..<options.conversations {
            try sink.accept(conversation(at: index))
            if (index + 1) % 100 == 0 || index + 1 == options.conversations {
                sink.progress(done: Int64(index + 1), total: total)
            }
        }
    }
}

extension DemoGenerator: Sequence {
    public struct Iterator: IteratorProtocol {
        private let generator: DemoGenerator
        private var nextIndex = 0

        init(generator: DemoGenerator) {
            self.generator = generator
        }

        public mutating func next() -> ImportedConversation? {
            guard nextIndex < generator.options.conversations else { return nil }
            defer { nextIndex += 1 }
            return generator.conversation(at: nextIndex)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(generator: self)
    }

    public var underestimatedCount: Int {
        options.conversations
    }
}
