/// Reads the theme file format described in docs/themes.md.
///
/// ```
/// # comment
/// description = Dark background
/// background = dark
/// header = bold white on #303446
/// ```
///
/// A style is a foreground colour, `on` and a background colour, and attributes, each part
/// optional and in any order. Every problem in the file is reported with its line; a file with
/// any problem yields no theme.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, file: String) throws(ConfigFileError) -> Theme {
        let (lines, lineProblems) = ConfigLine.parse(text, file: file)
        var problems = lineProblems
        var theme = Theme(name: name, styles: [:], path: file)
        var definedOn: [String: Int] = [:]

        for line in lines {
            if let earlier = definedOn[line.key] {
                problems.append(ConfigProblem(file: file, line: line.number, message: "'\(line.key)' is already set on line \(earlier)"))
                continue
            }
            definedOn[line.key] = line.number

            do {
                try apply(line, to: &theme)
            } catch {
                problems.append(ConfigProblem(file: file, line: line.number, message: error.message))
            }
        }

        guard problems.isEmpty else {
            throw ConfigFileError(problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return theme
    }

    struct LineError: Error {
        var message: String
    }

    private static func apply(_ line: ConfigLine, to theme: inout Theme) throws(LineError) {
        switch line.key {
        case "description":
            theme.description = line.words.joined(separator: " ")

        case "background":
            guard line.words.count == 1, let background = Theme.Background(rawValue: line.words[0]) else {
                throw LineError(message: "background must be 'dark' or 'light', not '\(ConfigLine.shown(line.words.joined(separator: " ")))'")
            }
            theme.background = background

        default:
            guard let element = ThemeElement(rawValue: line.key) else {
                let known = ThemeElement.allCases.map(\.rawValue) + ["description", "background"]
                throw LineError(message: "unknown element '\(ConfigLine.shown(line.key))'" + SpellingSuggestion.hint(for: line.key, among: known))
            }
            theme.styles[element] = try parseStyle(line.words, element: element)
        }
    }

    /// Parses the words after `=` of an element line.
    static func parseStyle(_ words: [String], element: ThemeElement) throws(LineError) -> Theme.ElementStyle {
        guard !words.isEmpty else {
            throw LineError(message: "missing style for '\(element.rawValue)': give colours, attributes or 'default'")
        }

        var style = Theme.ElementStyle()
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1

            if word == "on" {
                guard index < words.count else {
                    throw LineError(message: "'on' must be followed by a background colour")
                }
                guard style.background == nil else {
                    throw LineError(message: "two background colours in one style")
                }
                style.background = try parseColor(words[index])
                index += 1
            } else if let attribute = TextAttributes.named.first(where: { $0.name == word })?.attributes {
                style.attributes.insert(attribute)
            } else if looksLikeColor(word) {
                guard style.foreground == nil else {
                    throw LineError(message: "two foreground colours in one style; write 'on' before a background colour")
                }
                style.foreground = try parseColor(word)
            } else {
                let known = TextAttributes.named.map(\.name) + ThemeColor.names + ["default", "on"]
                throw LineError(message: "unknown colour or attribute '\(ConfigLine.shown(word))'" + SpellingSuggestion.hint(for: word, among: known))
            }
        }
        return style
    }

    private static func looksLikeColor(_ word: String) -> Bool {
        word.hasPrefix("#") || word.allSatisfy(\.isASCIIDigit) || word == "default"
            || ThemeColor.names.contains(word) || ThemeColor.aliases[word] != nil
    }

    /// Parses a colour word: a name, a palette index 0–255, `#rrggbb`, or `default`.
    static func parseColor(_ word: String) throws(LineError) -> ThemeColor {
        if word == "default" {
            return .terminalDefault
        }
        if let index = ThemeColor.names.firstIndex(of: word) {
            return .indexed(UInt8(index))
        }
        if let index = ThemeColor.aliases[word] {
            return .indexed(index)
        }
        if word.hasPrefix("#") {
            return try parseHexColor(word)
        }
        if !word.isEmpty, word.allSatisfy(\.isASCIIDigit) {
            guard word.count <= 3, let index = Int(word), index <= 255 else {
                throw LineError(message: "colour index \(ConfigLine.shown(word)) is out of range: use 0 to 255")
            }
            return .indexed(UInt8(index))
        }
        let known = ThemeColor.names + ["default"]
        throw LineError(message: "unknown colour '\(ConfigLine.shown(word))'" + SpellingSuggestion.hint(for: word, among: known))
    }

    private static func parseHexColor(_ word: String) throws(LineError) -> ThemeColor {
        let digits = word.dropFirst()
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            throw LineError(message: "'\(ConfigLine.shown(word))' is not a colour: write #rrggbb with six hexadecimal digits")
        }
        return .rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
