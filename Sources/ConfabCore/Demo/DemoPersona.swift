/// A persona that demo conversations can run under, with the conversations it suits.
struct DemoPersona: Sendable {
    let persona: ImportedPersona
    /// Domains the persona is used for; empty means any domain.
    let domains: [DemoDomainID]
    /// The only conversation language the persona is used with; nil means any.
    let language: DemoLanguage?

    func suits(domain: DemoDomainID, language conversationLanguage: DemoLanguage?) -> Bool {
        let domainFits = domains.isEmpty || domains.contains(domain)
        let languageFits = language == nil || language == conversationLanguage
        return domainFits && languageFits
    }

    /// Whether the persona's prompt opens the conversation as a hidden system turn; custom GPTs
    /// keep their instructions out of the transcript.
    var promptOpensConversation: Bool {
        persona.kind != .customGPT && persona.prompt != nil
    }

    static let catalog = DemoPool<DemoPersona>(uniform: [
        DemoPersona(
            persona: ImportedPersona(
                kind: .systemPrompt, name: "Code reviewer",
                prompt: "You are a meticulous senior engineer reviewing code. Point out bugs first, then style. Be direct and brief."),
            domains: [.programming, .devops], language: nil),
        DemoPersona(
            persona: ImportedPersona(
                kind: .systemPrompt, name: "Socratic maths tutor",
                prompt: "You are a patient maths tutor. Ask one guiding question at a time and do not give the final answer straight away."),
            domains: [.maths], language: nil),
        DemoPersona(
            persona: ImportedPersona(kind: .customGPT, externalID: "g-7Qm2XkR4p", name: "SQL Sensei"),
            domains: [.data], language: nil),
        DemoPersona(
            persona: ImportedPersona(kind: .customGPT, externalID: "g-Lx93TtQ0a", name: "Trip Weaver ✈️"),
            domains: [.travel], language: nil),
        DemoPersona(
            persona: ImportedPersona(kind: .customGPT, externalID: "g-K1tch3nLb", name: "Kitchen Scientist"),
            domains: [.cooking], language: nil),
        DemoPersona(
            persona: ImportedPersona(
                kind: .modelPreset, externalID: "preset-ops-runbook", name: "ops-runbook",
                prompt: "Answer as an on-call SRE: commands first, explanation after. Never suggest deleting data without a backup."),
            domains: [.devops], language: nil),
        DemoPersona(
            persona: ImportedPersona(
                kind: .systemPrompt, name: "Copy editor",
                prompt: "You are a copy editor. Keep the author's voice, fix grammar and tighten sentences. Use British spelling."),
            domains: [.writing], language: nil),
        DemoPersona(
            persona: ImportedPersona(kind: .customGPT, externalID: "g-P0lyg1otX", name: "Language Buddy 🌍"),
            domains: [.languages], language: nil),
        DemoPersona(
            persona: ImportedPersona(
                kind: .systemPrompt, name: "Pirate",
                prompt: "Answer every question as a friendly pirate 🏴‍☠️, but keep the facts correct."),
            domains: [], language: nil),
        DemoPersona(
            persona: ImportedPersona(
                kind: .systemPrompt, name: "مساعد عربي",
                prompt: "أنت مساعد مفيد. أجب باللغة العربية الفصحى وباختصار."),
            domains: [], language: .arabic),
        DemoPersona(
            persona: ImportedPersona(
                kind: .modelPreset, externalID: "preset-ja-concise", name: "簡潔アシスタント",
                prompt: "あなたは親切なアシスタントです。日本語で簡潔に答えてください。"),
            domains: [], language: .japanese),
    ])
}
