import ConfabCore

/// `confab anonymise`: a retention job whose every rule anonymises.
enum AnonymiseCommand {
    static let spec = CommandSpec(
        name: "anonymise",
        abstract: "Redact personal data in turns and replace user identities with keyed pseudonyms.",
        discussion: """
            Redacts e-mail addresses, phone numbers, Luhn-valid card numbers, IP addresses and API keys or \
            tokens in turn text and titles, drops raw payloads, authors and conversation metadata, and moves each \
            conversation to its owner's pseudonym (an HMAC of the user under the key in $CONFAB_KEY_FILE or \
            $XDG_CONFIG_HOME/confab/retention.key), so analytics by pseudonym still work. Runs in resumable \
            batches like 'confab retention run'. See docs/retention.md for what is and is not detected.
            """,
        options: [
            RetentionSupport.policyOption, RetentionSupport.matchOption,
            OptionSpec("batch-turns", valueName: "count", help: "Touch at most this many turns per batch.",
                       kind: .integer(range: 1...100_000)),
        ],
        flags: [
            FlagSpec("json", help: "Print the outcome as one JSON object."),
            FlagSpec("abandon", help: "Give up an unfinished job of another policy instead of refusing to start."),
            FlagSpec("quiet", short: "q", help: "Show no progress bar."),
        ])

    static func run(_ context: CommandContext) throws -> Int32 {
        try RetentionCommand.apply(context, action: .anonymise, archivePath: nil)
    }
}
