/// A sentence, code snippet or title with named slots that the composer fills in.
///
/// Slots are written `«name»`. Guillemets never occur in the code snippets, so braces and
/// brackets in code stay literal. The text is split into segments once, when the template is
/// created, so filling it in is a single pass of appends. A value that starts the template is
/// capitalised, because most templates are sentences or titles; templates for identifiers opt out.
struct DemoTemplate: Sendable, ExpressibleByStringLiteral {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case slot(DemoSlot)
    }

    let segments: [Segment]
    let capitalizesLeadingSlot: Bool

    init(_ text: String, capitalizesLeadingSlot: Bool = true) {
        self.capitalizesLeadingSlot = capitalizesLeadingSlot
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "«") {
            if open > rest.startIndex {
                segments.append(.literal(String(rest[..<open])))
            }
            let nameStart = rest.index(after: open)
            guard let close = rest[nameStart...].firstIndex(of: "»") else {
                preconditionFailure("unclosed slot in demo template: \(text)")
            }
            let name = String(rest[nameStart..<close])
            guard let slot = DemoSlot(rawValue: name) else {
                preconditionFailure("unknown slot «\(name)» in demo template: \(text)")
            }
            segments.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty {
            segments.append(.literal(String(rest)))
        }
        self.segments = segments
    }

    init(stringLiteral value: String) {
        self.init(value)
    }
}

/// The values a template slot can take.
enum DemoSlot: String, Sendable, CaseIterable {
    /// The conversation's subject, the same in every turn.
    case focus
    /// A word from the conversation's topic, drawn with Zipf weights.
    case term
    /// A made-up program identifier such as `parseInvoiceBatch`: the rare tail of the vocabulary.
    case identifier = "id"
    /// A file name built from an identifier.
    case file
    /// A small count, 2 to 12.
    case small
    /// A larger number, 10 to 9,999.
    case number
    /// The conversation's place: a trip's destination, where a story is set.
    case place
    /// The flag of the conversation's place.
    case flag
    /// Any city, drawn afresh each time.
    case city
    case food
    /// A first name from one of the user cultures.
    case person
    /// An uncommon English word.
    case rare
    case emoji
    /// A programming language name.
    case language
    case year
}
