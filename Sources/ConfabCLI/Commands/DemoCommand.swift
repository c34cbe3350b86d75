import ConfabCore
import Foundation

/// `confab demo`: generated conversations in a database of their own.
enum DemoCommand {
    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let options = DemoGenerator.Options(
            users: arguments.int("users") ?? 12,
            conversations: arguments.int("conversations") ?? 400,
            seed: UInt64(max(0, arguments.int("seed") ?? 1)))
        do {
            try options.validate()
        } catch {
            throw UsageError(.invalid(message: "\(error)"), commandPath: ["confab", "demo"])
        }

        // The default demo database is Confab's own and is rebuilt on every run; an explicit --db
        // receives the data like any import.
        let path: String
        if let explicit = arguments.string("db") {
            path = explicit
        } else {
            path = StoreLocation.demo(environment: context.environment)
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        let store = try SQLiteStore(path: path)

        let generator = DemoGenerator(options: options)
        let progress = context.stderr.isTerminal && !arguments.flag("quiet")
            ? ProgressBar(width: context.stderr.terminalColumns ?? 80, unicode: context.charset == .unicode,
                          write: context.stderr.write)
            : nil
        let session = ImportSession(store: store, progress: progress, isCancelled: context.isCancelled)
        let label = "demo: \(options.users) users, \(options.conversations) conversations, seed \(options.seed)"
        let total = Int64(options.conversations)
        let report = try session.run(format: .demo, label: label) { sink in
            var done: Int64 = 0
            try generator.forEachConversation { conversation in
                try sink.accept(conversation)
                done += 1
                if done % 64 == 0 {
                    sink.progress(done: done, total: total)
                }
            }
        }

        let statistics = try store.statistics()
        if context.stdout.isTerminal && !arguments.flag("no-tui") {
            return try ConsoleCommand.run(context, storePath: path)
        }
        context.stdout.write("""
            Demo database \(context.safe(path)): \(ProgressBar.grouped(statistics.users)) users, \
            \(ProgressBar.grouped(statistics.conversations)) conversations, \(ProgressBar.grouped(statistics.turns)) turns \
            (\(String(format: "%.1f", report.seconds)) s).
            Explore it with: confab --db \(context.safe(path)) conversations

            """)
        return ExitStatus.success
    }
}
