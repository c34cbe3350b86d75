/// A chat model that demo conversations can run on.
struct DemoModel: Sendable {
    let name: String
    /// Typical output speed, in tokens per second.
    let tokensPerSecond: Int
    /// Whether the model writes reasoning turns before it answers.
    let isReasoning: Bool
    /// The first day of the demo window on which the model may appear (0 for models released earlier).
    let firstDay: Int
    /// Relative popularity when users pick a model.
    let weight: UInt64

    /// Models with their public release dates, so a conversation never uses a model before it
    /// existed. Speeds are rough figures for hosted APIs and for local models on a laptop.
    static let catalog: [DemoModel] = [
        DemoModel(name: "gpt-4o", tokensPerSecond: 70, isReasoning: false, firstDay: 0, weight: 30),
        DemoModel(name: "gpt-4o-mini", tokensPerSecond: 110, isReasoning: false, firstDay: 0, weight: 12),
        DemoModel(name: "o1", tokensPerSecond: 45, isReasoning: true,
                  firstDay: DemoCalendar.dayIndex(year: 2024, month: 12, day: 5), weight: 4),
        DemoModel(name: "o3-mini", tokensPerSecond: 120, isReasoning: true,
                  firstDay: DemoCalendar.dayIndex(year: 2025, month: 1, day: 31), weight: 5),
        DemoModel(name: "gpt-4.1", tokensPerSecond: 80, isReasoning: false,
                  firstDay: DemoCalendar.dayIndex(year: 2025, month: 4, day: 14), weight: 6),
        DemoModel(name: "claude-3.5-sonnet", tokensPerSecond: 60, isReasoning: false, firstDay: 0, weight: 14),
        DemoModel(name: "claude-3.7-sonnet", tokensPerSecond: 60, isReasoning: true,
                  firstDay: DemoCalendar.dayIndex(year: 2025, month: 2, day: 24), weight: 8),
        DemoModel(name: "claude-3-opus", tokensPerSecond: 25, isReasoning: false, firstDay: 0, weight: 2),
        DemoModel(name: "llama3", tokensPerSecond: 40, isReasoning: false, firstDay: 0, weight: 6),
        DemoModel(name: "llama3.1:70b", tokensPerSecond: 12, isReasoning: false, firstDay: 0, weight: 2),
        DemoModel(name: "mistral", tokensPerSecond: 45, isReasoning: false, firstDay: 0, weight: 4),
        DemoModel(name: "mixtral:8x7b", tokensPerSecond: 30, isReasoning: false, firstDay: 0, weight: 2),
        DemoModel(name: "gemini-1.5-pro", tokensPerSecond: 65, isReasoning: false, firstDay: 0, weight: 4),
        DemoModel(name: "deepseek-r1", tokensPerSecond: 25, isReasoning: true,
                  firstDay: DemoCalendar.dayIndex(year: 2025, month: 1, day: 20), weight: 4),
    ]

    /// The catalog as a pool weighted by popularity; indices match `catalog`.
    static let weighted = DemoPool(catalog, weights: catalog.map(\.weight))

    /// The model used when the one drawn did not exist yet on the conversation's day.
    static let fallbackIndex = 0
}
