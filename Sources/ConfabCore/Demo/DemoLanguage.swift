/// A language other than English that demo conversations are written in.
enum DemoLanguage: String, Sendable, CaseIterable {
    case spanish = "es"
    case french = "fr"
    case german = "de"
    case portuguese = "pt"
    case chinese = "zh"
    case japanese = "ja"
    case korean = "ko"
    case arabic = "ar"
    case hebrew = "he"
    case russian = "ru"
    case ukrainian = "uk"
    case hindi = "hi"

    var englishName: String {
        switch self {
        case .spanish: "Spanish"
        case .french: "French"
        case .german: "German"
        case .portuguese: "Portuguese"
        case .chinese: "Mandarin"
        case .japanese: "Japanese"
        case .korean: "Korean"
        case .arabic: "Arabic"
        case .hebrew: "Hebrew"
        case .russian: "Russian"
        case .ukrainian: "Ukrainian"
        case .hindi: "Hindi"
        }
    }

    /// The language's name in its own script, as a table header.
    var nativeName: String {
        switch self {
        case .spanish: "Español"
        case .french: "Français"
        case .german: "Deutsch"
        case .portuguese: "Português"
        case .chinese: "中文"
        case .japanese: "日本語"
        case .korean: "한국어"
        case .arabic: "العربية"
        case .hebrew: "עברית"
        case .russian: "Русский"
        case .ukrainian: "Українська"
        case .hindi: "हिन्दी"
        }
    }

    var isRightToLeft: Bool {
        self == .arabic || self == .hebrew
    }

    /// Whether phrases in this language need a Latin transcription for learners.
    var needsRomanization: Bool {
        switch self {
        case .spanish, .french, .german, .portuguese: false
        case .chinese, .japanese, .korean, .arabic, .hebrew, .russian, .ukrainian, .hindi: true
        }
    }

    var writing: DemoLanguageWriting {
        switch self {
        case .spanish: .spanish
        case .french: .french
        case .german: .german
        case .portuguese: .portuguese
        case .chinese: .chinese
        case .japanese: .japanese
        case .korean: .korean
        case .arabic: .arabic
        case .hebrew: .hebrew
        case .russian: .russian
        case .ukrainian: .ukrainian
        case .hindi: .hindi
        }
    }
}

/// Sentences for conversations written in one language other than English.
///
/// Templates use only slots whose values read naturally inside any language: the focus (an
/// English technical term or an everyday topic in the language itself), places, numbers and emoji.
struct DemoLanguageWriting: Sendable {
    let titles: DemoPool<DemoTemplate>
    let requests: DemoPool<DemoTemplate>
    let followUps: DemoPool<DemoTemplate>
    let sentences: DemoPool<DemoTemplate>
    /// Short tips for bulleted and numbered lists.
    let listItems: DemoPool<DemoTemplate>
    let openers: DemoPool<DemoTemplate>
    let closers: DemoPool<DemoTemplate>
    let shortReplies: DemoPool<DemoTemplate>
    /// Subjects of cooking, travel and writing conversations, written in the language.
    let cookingTopics: DemoPool<String>
    let travelTopics: DemoPool<String>
    let writingTopics: DemoPool<String>

    init(
        titles: [DemoTemplate], requests: [DemoTemplate], followUps: [DemoTemplate], sentences: [DemoTemplate],
        listItems: [DemoTemplate], openers: [DemoTemplate], closers: [DemoTemplate], shortReplies: [DemoTemplate],
        cookingTopics: [String], travelTopics: [String], writingTopics: [String]
    ) {
        self.titles = DemoPool(zipf: titles)
        self.requests = DemoPool(zipf: requests)
        self.followUps = DemoPool(zipf: followUps)
        self.sentences = DemoPool(zipf: sentences)
        self.listItems = DemoPool(uniform: listItems)
        self.openers = DemoPool(zipf: openers)
        self.closers = DemoPool(zipf: closers)
        self.shortReplies = DemoPool(zipf: shortReplies)
        self.cookingTopics = DemoPool(uniform: cookingTopics)
        self.travelTopics = DemoPool(uniform: travelTopics)
        self.writingTopics = DemoPool(uniform: writingTopics)
    }

    /// Subjects written in the language for a domain, or nil for domains whose subjects are
    /// English terms even in other languages (code, data, maths) or not discussed in the language.
    func topics(for domain: DemoDomainID) -> DemoPool<String>? {
        switch domain {
        case .cooking: cookingTopics
        case .travel: travelTopics
        case .writing: writingTopics
        case .programming, .data, .devops, .maths, .languages: nil
        }
    }
}
