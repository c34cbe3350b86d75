import ConfabCore
import Foundation

/// Parts the retention commands share: the key, the selection options and figure formatting.
enum RetentionSupport {
    static let policyOption = OptionSpec(
        "policy", valueName: "file", help: "A policy file of [rule NAME] sections (see docs/retention.md).")
    static let matchOption = OptionSpec(
        "match", valueName: "query", help: "An ad hoc selection in the search query language, such as 'source:demo idle:365d'.")

    /// Returns the key and actor for an operation, creating the key file on first use.
    static func context(_ context: CommandContext) throws -> RetentionContext {
        let keyPath = context.retentionKeyPath
        let key = try RetentionKeyFile.readOrCreate(at: keyPath)
        return RetentionContext(key: key, keyPath: keyPath, actor: RetentionContext.currentActor(environment: context.environment))
    }

    /// Returns the policy from `--policy FILE`, or from `--match QUERY` as one rule named `match`
    /// with `action`.
    static func policy(_ context: CommandContext, action: RetentionAction, archivePath: String? = nil) throws -> RetentionPolicy {
        let arguments = context.arguments
        switch (arguments.string("policy"), arguments.string("match")) {
        case (nil, nil):
            throw CommandFailure("give the selection with --policy FILE or --match QUERY")
        case (.some, .some):
            throw CommandFailure("--policy and --match cannot be combined; put the query in a rule of the policy file")
        case let (path?, nil):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure("cannot read the policy file \(path)")
            }
            var policy = try RetentionPolicyParser.parse(text, file: path)
            policy.name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if action == .anonymise {
                for index in policy.rules.indices where policy.rules[index].action != .anonymise {
                    policy.rules[index].action = .anonymise
                    policy.rules[index].archivePath = nil
                }
            }
            return policy
        case let (nil, match?):
            if action == .archive && (archivePath ?? "").isEmpty {
                throw CommandFailure("--action archive needs --archive PATH")
            }
            let rule = RetentionRule(name: "match", match: match, action: action, archivePath: action == .archive ? archivePath : nil)
            _ = try rule.query(at: Date())
            return RetentionPolicy(rules: [rule])
        }
    }

    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(count)
        var unit = 0
        while abs(value) >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    static func planTable(_ plan: RetentionPlan, context: CommandContext) -> String {
        var table = TextTable(columns: [
            .init(title: "RULE", maxWidth: 24), .init(title: "ACTION"), .init(title: "CONVERSATIONS", alignRight: true),
            .init(title: "TURNS", alignRight: true), .init(title: "BYTES", alignRight: true), .init(title: "HELD", alignRight: true),
            .init(title: "SELECTION", maxWidth: 48),
        ], charset: context.charset)
        for rule in plan.rules {
            table.append([
                rule.rule.name, rule.rule.action.rawValue, ProgressBar.grouped(rule.conversations), ProgressBar.grouped(rule.turns),
                bytes(rule.bytes), ProgressBar.grouped(rule.held), rule.rule.match,
            ])
        }
        return table.render()
    }

    static func planJSON(_ plan: RetentionPlan) -> JSONValue {
        JSONRecords.object([
            ("conversations", JSONRecords.number(plan.conversations)),
            ("turns", JSONRecords.number(plan.turns)),
            ("bytes", JSONRecords.number(plan.bytes)),
            ("rules", .array(plan.rules.map { rule in
                JSONRecords.object([
                    ("name", .string(rule.rule.name)),
                    ("action", .string(rule.rule.action.rawValue)),
                    ("match", .string(rule.rule.match)),
                    ("archive", JSONRecords.string(rule.rule.archivePath)),
                    ("conversations", JSONRecords.number(rule.conversations)),
                    ("turns", JSONRecords.number(rule.turns)),
                    ("bytes", JSONRecords.number(rule.bytes)),
                    ("held", JSONRecords.number(rule.held)),
                    ("sample_conversation_ids", .array(rule.sampleIDs.map { JSONRecords.number($0) })),
                ])
            })),
        ])
    }

    /// Asks on the terminal for `expected` to be typed. Returns false when standard input is not
    /// a terminal, so scripts must pass --yes.
    static func confirm(_ prompt: String, expected: String, context: CommandContext) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return false }
        context.stderr.write(prompt)
        context.stderr.flush()
        return readLine()?.trimmingCharacters(in: .whitespaces) == expected
    }
}
