import Foundation

/// The change a retention rule makes to the conversations it selects.
public enum RetentionAction: String, Sendable, CaseIterable, Equatable {
    case delete
    /// Redacts personal data in the text and moves the conversation to its owner's pseudonym.
    case anonymise
    /// Copies the conversations to a separate SQLite file, verifies the copy, then deletes them.
    case archive
}

/// One rule: a selection in the search query language and the action applied to it.
public struct RetentionRule: Sendable, Equatable {
    public var name: String
    /// The query as written; parsed again whenever the rule runs, so `idle:` counts from then.
    public var match: String
    public var action: RetentionAction
    /// For `archive`: the SQLite file the conversations are copied to.
    public var archivePath: String?

    public init(name: String, match: String, action: RetentionAction, archivePath: String? = nil) {
        self.name = name
        self.match = match
        self.action = action
        self.archivePath = archivePath
    }

    /// Parses the selection with `idle:` ages counted back from `now`. Throws when the query has
    /// problems or no filter and no text, because a rule that deletes must not select by accident.
    public func query(at now: Date) throws -> SearchQuery {
        var query = SearchQuery.parse(match)
        if let problem = query.problems.first {
            throw RetentionError.invalidSelection("rule '\(name)': \(problem.message); fix the query '\(match)'")
        }
        guard !query.isEmpty else {
            throw RetentionError.invalidSelection("rule '\(name)' selects nothing: its query has no filter and no text")
        }
        for index in query.filters.indices where query.filters[index].kind == .idle {
            if let age = query.filters[index].ageSeconds {
                query.filters[index].date = now.addingTimeInterval(-age)
            }
        }
        return query
    }
}

/// An ordered list of rules. A conversation is handled by the first rule that selects it.
public struct RetentionPolicy: Sendable, Equatable {
    public var rules: [RetentionRule]
    /// The name the policy is stored under when it runs (a policy file's name); nil for an ad
    /// hoc selection, which is not stored.
    public var name: String?

    public init(rules: [RetentionRule], name: String? = nil) {
        self.rules = rules
        self.name = name
    }

    /// The text form that `RetentionPolicyParser` reads back, used to store a policy with a job.
    public var text: String {
        rules.map { rule in
            var lines = ["[rule \(rule.name)]", "match = \(rule.match)", "action = \(rule.action.rawValue)"]
            if let archivePath = rule.archivePath {
                lines.append("archive = \(archivePath)")
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}

/// A policy file that cannot be read, with the line at fault.
public struct RetentionPolicyError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads the policy file format documented in docs/retention.md.
///
/// ```
/// # Comments start with '#'.
/// [rule stale-demo]
/// match = source:demo idle:365d
/// action = delete
///
/// [rule old-support]
/// match = tag:support idle:2y
/// action = archive
/// archive = /var/lib/confab/support-archive.db
/// ```
public enum RetentionPolicyParser {
    public static func parse(_ text: String, file: String) throws -> RetentionPolicy {
        var rules: [RetentionRule] = []
        var current: (name: String, line: Int, fields: [String: String], fieldLines: [String: Int])?

        func finish() throws {
            guard let rule = current else { return }
            rules.append(try makeRule(rule.name, fields: rule.fields, line: rule.line, fieldLines: rule.fieldLines, file: file))
        }

        // Character.isNewline covers "\r\n", which Swift reads as one character.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") {
                continue
            }
            if line.hasPrefix("[") {
                try finish()
                guard line.hasSuffix("]") else {
                    throw RetentionPolicyError(file: file, line: lineNumber, message: "a section header must end with ']'")
                }
                let header = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let words = header.split(separator: " ", maxSplits: 1).map(String.init)
                guard words.count == 2, words[0] == "rule" else {
                    throw RetentionPolicyError(file: file, line: lineNumber, message: "expected '[rule NAME]', found '[\(header)]'")
                }
                let name = words[1].trimmingCharacters(in: .whitespaces)
                if rules.contains(where: { $0.name == name }) {
                    throw RetentionPolicyError(file: file, line: lineNumber, message: "rule '\(name)' is defined twice")
                }
                current = (name, lineNumber, [:], [:])
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw RetentionPolicyError(file: file, line: lineNumber, message: "expected 'key = value' or '[rule NAME]'")
            }
            guard current != nil else {
                throw RetentionPolicyError(file: file, line: lineNumber, message: "a setting must follow a '[rule NAME]' header")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard ["match", "action", "archive"].contains(key) else {
                throw RetentionPolicyError(file: file, line: lineNumber, message: "unknown setting '\(key)' (use match, action or archive)")
            }
            if current?.fields[key] != nil {
                throw RetentionPolicyError(file: file, line: lineNumber, message: "'\(key)' is set twice in rule '\(current!.name)'")
            }
            current?.fields[key] = value
            current?.fieldLines[key] = lineNumber
        }
        try finish()

        guard !rules.isEmpty else {
            throw RetentionPolicyError(file: file, line: 1, message: "the policy has no rules")
        }
        return RetentionPolicy(rules: rules)
    }

    /// Builds a rule; an error names the line of the setting at fault, or the header's `line`
    /// when a setting is missing.
    private static func makeRule(
        _ name: String, fields: [String: String], line: Int, fieldLines: [String: Int], file: String
    ) throws -> RetentionRule {
        guard let match = fields["match"], !match.isEmpty else {
            throw RetentionPolicyError(file: file, line: line, message: "rule '\(name)' has no 'match ='")
        }
        guard let actionText = fields["action"] else {
            throw RetentionPolicyError(file: file, line: line, message: "rule '\(name)' has no 'action ='")
        }
        guard let action = RetentionAction(rawValue: actionText.lowercased()) ?? (actionText.lowercased() == "anonymize" ? .anonymise : nil) else {
            throw RetentionPolicyError(
                file: file, line: fieldLines["action"] ?? line,
                message: "rule '\(name)': unknown action '\(actionText)' (use delete, anonymise or archive)")
        }
        let archivePath = fields["archive"]
        if action == .archive && (archivePath ?? "").isEmpty {
            throw RetentionPolicyError(file: file, line: line, message: "rule '\(name)' archives but has no 'archive = PATH'")
        }
        if action != .archive && archivePath != nil {
            throw RetentionPolicyError(
                file: file, line: fieldLines["archive"] ?? line, message: "rule '\(name)' sets 'archive' but its action is \(action.rawValue)")
        }
        let rule = RetentionRule(name: name, match: match, action: action, archivePath: archivePath)
        do {
            _ = try rule.query(at: Date())
        } catch let error as RetentionError {
            throw RetentionPolicyError(file: file, line: fieldLines["match"] ?? line, message: error.description)
        }
        return rule
    }
}
