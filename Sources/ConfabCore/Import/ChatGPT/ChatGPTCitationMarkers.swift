/// ChatGPT's inline citation markers: a private-use span such as
/// U+E200 `filecite` U+E202 `turn0file0` U+E201, which the ChatGPT web app draws as a source chip.
///
/// NOTE: the sources the markers point to (`metadata.content_references`, `metadata.citations`)
/// are not imported, so a stripped citation leaves no trace on the turn.
enum ChatGPTCitationMarkers {
    static let start: Unicode.Scalar = "\u{E200}"
    static let end: Unicode.Scalar = "\u{E201}"
    static let separator: Unicode.Scalar = "\u{E202}"

    /// Removes every marker span from `text`, payload included. A start without an end, or a
    /// lone end or separator, loses only the marker character itself.
    static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == start || $0 == end || $0 == separator }) else {
            return text
        }

        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == start, let close = scalars[(index + 1)...].firstIndex(of: end) {
                index = close + 1
                continue
            }
            if scalar != start && scalar != end && scalar != separator {
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }
}
