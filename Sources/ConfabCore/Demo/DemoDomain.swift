/// A subject area that demo conversations are about, with the words and sentence templates that
/// make its turns read like real chat.
///
/// Pools marked Zipf put their most typical entries first: those turn up in most conversations of
/// the domain, the later ones rarely.
struct DemoDomain: Sendable {
    let id: DemoDomainID
    /// Subject words, Zipf-weighted; the conversation's focus is drawn from these.
    let terms: DemoPool<String>
    let titles: DemoPool<DemoTemplate>
    /// Questions that open a conversation.
    let requests: DemoPool<DemoTemplate>
    /// Requests for a very long answer (several thousand words).
    let longRequests: DemoPool<DemoTemplate>
    let followUps: DemoPool<DemoTemplate>
    /// Answer sentences, Zipf-weighted.
    let sentences: DemoPool<DemoTemplate>
    let listItems: DemoPool<DemoTemplate>
    /// Section headings for detailed and long answers.
    let headings: DemoPool<String>
    let table: DemoTable?
    /// Languages of the code blocks in this domain's turns; empty when the domain has no code.
    let codeLanguages: [DemoCodeLanguage]
    /// Tools the assistant may call; empty when it calls none.
    let tools: [DemoTool]
    /// Long text a user may paste, such as a stack trace or a draft.
    let paste: DemoPaste?
    let attachments: [DemoAttachmentKind]
    let tags: [String]
}

enum DemoDomainID: Int, Sendable, CaseIterable {
    case programming, data, devops, maths, cooking, travel, writing, languages

    var domain: DemoDomain {
        switch self {
        case .programming: .programming
        case .data: .data
        case .devops: .devops
        case .maths: .maths
        case .cooking: .cooking
        case .travel: .travel
        case .writing: .writing
        case .languages: .languages
        }
    }

    /// How often conversations are about each domain.
    static let weighted = DemoPool<DemoDomainID>(weighted: [
        (.programming, 28), (.data, 12), (.devops, 10), (.maths, 8),
        (.cooking, 11), (.travel, 11), (.writing, 12), (.languages, 8),
    ])
}

/// A markdown table: a header and rows whose cells are separated by `|`.
struct DemoTable: Sendable {
    let header: [String]
    let rows: [DemoTemplate]
    /// Rows that must keep their order (a day-by-day plan) are taken from the first one.
    let isOrdered: Bool
}

/// Something a user attaches to a message; the turn keeps a placeholder and the file's metadata.
struct DemoAttachmentKind: Sendable {
    enum Placeholder: Sendable {
        case image
        case file
    }

    let names: [String]
    let mimeType: String
    let placeholder: Placeholder
    /// Typical size range, in bytes.
    let sizes: ClosedRange<Int>
}

/// Long text that users paste into a message.
enum DemoPaste: Sendable {
    case stackTrace
    case serverLog
    case csvRows
    case draft
}
