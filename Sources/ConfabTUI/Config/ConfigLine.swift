/// One `key = value` line of a theme or key file.
///
/// Both formats share the line syntax: blank lines and lines whose first non-blank character
/// is `#` are ignored, everything else is a key, an `=`, and a value of words separated by
/// blanks. A `#` elsewhere on a line is an ordinary character, so that `#` can be a key and
/// `#rrggbb` a colour.
struct ConfigLine: Equatable {
    var number: Int
    var key: String
    var words: [String]

    /// Splits `text` into its setting lines, with a problem for each line that lacks an `=` or
    /// a name.
    static func parse(_ text: String, file: String) -> (lines: [ConfigLine], problems: [ConfigProblem]) {
        var lines: [ConfigLine] = []
        var problems: [ConfigProblem] = []
        var number = 0

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") {
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(ConfigProblem(file: file, line: number, message: "expected 'name = value', found '\(ConfigLine.shown(line))'"))
                continue
            }
            let key = line[..<equals].trimmingBlanks()
            guard !key.isEmpty else {
                problems.append(ConfigProblem(file: file, line: number, message: "missing name before '='"))
                continue
            }
            let words = line[line.index(after: equals)...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            lines.append(ConfigLine(number: number, key: String(key), words: words))
        }
        return (lines, problems)
    }

    /// `text` cut to a length that fits in a message, with control characters made visible.
    static func shown(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "?"
            } else {
                result.unicodeScalars.append(scalar)
            }
            if result.count >= 40 {
                return result + "…"
            }
        }
        return result
    }
}

extension StringProtocol {
    func trimmingBlanks() -> SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
