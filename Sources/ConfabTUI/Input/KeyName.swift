import ConfabCore

/// The names of keys in key files and in the help overlay: `j`, `Ctrl-F`, `PgDn`, `F5`, `Space`.
public enum KeyName {
    private static let named: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Esc", .escape), ("Backspace", .backspace), ("Tab", .tab), ("BackTab", .backTab),
        ("Delete", .delete), ("Insert", .insert), ("Space", .space),
    ]

    /// Other spellings accepted in key files.
    private static let aliases: [String: Key] = [
        "pageup": .pageUp, "pagedown": .pageDown, "pgdown": .pageDown, "return": .enter, "escape": .escape,
        "del": .delete, "ins": .insert, "shift-tab": .backTab, "s-tab": .backTab, "bs": .backspace,
    ]

    /// Every name `parse` accepts apart from single characters, `Ctrl-`, `Alt-` and `F1`–`F24`.
    public static var specialNames: [String] { named.map(\.name) }

    /// Returns the name shown for `key`.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(" "):
            return "Space"
        case .character(let character):
            return String(character)
        case .control(let letter):
            return "Ctrl-" + letter.uppercased()
        case .alt(let character):
            return "Alt-" + String(character)
        case .function(let number):
            return "F\(number)"
        default:
            return named.first { $0.key == key }?.name ?? "?"
        }
    }

    /// The key for `name`, or nil. Single characters are case-sensitive (`g` and `G` differ);
    /// longer names are not (`pgdn`, `ctrl-f`).
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let character = name.first {
            return isPrintable(character) ? .character(character) : nil
        }

        let lowered = name.lowercased()
        if let match = named.first(where: { $0.name.lowercased() == lowered }) {
            return match.key
        }
        if let alias = aliases[lowered] {
            return alias
        }
        if let letter = suffix(of: name, after: ["ctrl-", "c-", "^"]) {
            return controlKey(letter)
        }
        if let character = suffix(of: name, after: ["alt-", "m-", "meta-"]) {
            return isPrintable(character) ? .alt(character) : nil
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number), !lowered.dropFirst().hasPrefix("0") {
            return .function(number)
        }
        return nil
    }

    /// Returns the key that Ctrl with `letter` produces, folding the ones terminals cannot tell
    /// apart.
    static func controlKey(_ letter: Character) -> Key? {
        guard let lowered = letter.lowercased().first, lowered.isASCII, lowered.isLetter else {
            return nil
        }
        switch lowered {
        case "h": return .backspace
        case "i": return .tab
        case "j", "m": return .enter
        default: return .control(lowered)
        }
    }

    /// Returns the one character after any of `prefixes` (compared without case), if that is
    /// all there is.
    private static func suffix(of name: String, after prefixes: [String]) -> Character? {
        let lowered = name.lowercased()
        for prefix in prefixes where lowered.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if rest.count == 1 {
                return rest.first
            }
        }
        return nil
    }

    /// Returns whether `character` can be typed as a key: it takes cells and contains no control
    /// or invisible format character.
    static func isPrintable(_ character: Character) -> Bool {
        let isSafe = character.unicodeScalars.allSatisfy { CellText.isSafe($0, charset: .unicode) }
        return isSafe && TerminalText.width(of: character) > 0
    }
}
