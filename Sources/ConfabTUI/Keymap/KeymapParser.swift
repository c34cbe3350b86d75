/// Reads a key file, described in docs/tui.md:
///
/// ```
/// # action = keys, replacing the action's default keys
/// move-down = j Down Ctrl-N
/// suspend =
/// ```
///
/// An action given no keys (or `none`) is unbound. A key given to an action is taken away from
/// the actions that had it by default, and may appear only once in the file. Every problem is
/// reported with its line, and a file with any problem changes nothing.
public enum KeymapParser {
    public static func apply(_ text: String, file: String, to keymap: Keymap) throws(ConfigFileError) -> Keymap {
        let (lines, lineProblems) = ConfigLine.parse(text, file: file)
        var problems = lineProblems
        var result = keymap
        var actionLines: [Action: Int] = [:]
        var keyOwners: [Key: (action: Action, line: Int)] = [:]

        for line in lines {
            guard let definition = keymap.definitions.first(where: { $0.action.name == line.key }) else {
                let names = keymap.definitions.map(\.action.name)
                problems.append(ConfigProblem(file: file, line: line.number, message: "unknown action '\(ConfigLine.shown(line.key))'" + SpellingSuggestion.hint(for: line.key, among: names)))
                continue
            }
            if let earlier = actionLines[definition.action] {
                problems.append(ConfigProblem(file: file, line: line.number, message: "'\(line.key)' is already set on line \(earlier)"))
                continue
            }
            actionLines[definition.action] = line.number

            let words = line.words == ["none"] ? [] : line.words
            var keys: [Key] = []
            for word in words {
                guard let key = KeyName.parse(word) else {
                    let names = KeyName.specialNames
                    problems.append(ConfigProblem(file: file, line: line.number, message: "unknown key '\(ConfigLine.shown(word))'" + SpellingSuggestion.hint(for: word, among: names)))
                    continue
                }
                if let owner = keyOwners[key], owner.action != definition.action {
                    problems.append(ConfigProblem(file: file, line: line.number, message: "key '\(KeyName.name(of: key))' is already bound to '\(owner.action.name)' on line \(owner.line)"))
                    continue
                }
                keyOwners[key] = (definition.action, line.number)
                if !keys.contains(key) {
                    keys.append(key)
                }
            }
            result.rebind(definition.action, to: keys)
        }

        guard problems.isEmpty else {
            throw ConfigFileError(problems: problems)
        }
        return result
    }
}
