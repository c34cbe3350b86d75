/// Decoding of the HTML character references that Python's `html.escape` writes (`&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, `&#x27;`) plus `&apos;`, `&nbsp;` and every numeric reference.
enum HTMLEntities {
    private static let named: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    ]

    /// Returns `text` with character references replaced; anything that is not a complete,
    /// known reference stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }

        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&",
                  let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
                  let decoded = reference(text[text.index(after: index)..<semicolon]) else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            output.append(decoded)
            index = text.index(after: semicolon)
        }
        return output
    }

    private static func reference(_ name: Substring) -> Character? {
        if let character = named[name] {
            return character
        }
        guard name.hasPrefix("#") else { return nil }

        let digits = name.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }
}
