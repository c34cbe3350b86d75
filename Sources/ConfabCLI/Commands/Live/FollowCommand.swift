import ConfabCore
import Foundation

/// `confab follow SOURCE...`: keeps the store in step with live databases and JSONL folders.
enum FollowCommand {
    static let spec = CommandSpec(
        name: "follow",
        abstract: "Keep the store in step with live sources: an llm logs.db, an Open WebUI webui.db, a folder of JSONL files.",
        discussion: """
            Reads each source read-only and polls it every --interval milliseconds: databases through \
            PRAGMA data_version, folders through the size and time of their .jsonl and .json files. \
            On a change it imports the source again; only new and changed conversations are written. \
            The lag of each sync (at most the time from the source's commit to the store's) is shown \
            on the Health screen and by 'confab health'. Runs until Ctrl-C or --seconds.
            """,
        arguments: [ArgumentSpec("source", help: "Databases or folders to follow.", arity: .oneOrMore)],
        options: [
            OptionSpec("interval", valueName: "milliseconds", help: "Time between polls of each source.", defaultValue: "20",
                       kind: .integer(range: 1...60_000)),
            OptionSpec("seconds", valueName: "seconds", help: "Stop after this many seconds (default: run until Ctrl-C).",
                       kind: .integer(range: 1...31_536_000)),
        ],
        flags: [FlagSpec("json", help: "Print one JSON object per sync (JSON Lines).")])

    static func run(_ context: CommandContext) throws -> Int32 {
        let arguments = context.arguments
        let store = try context.openStore()
        // The same source named twice, even by another path, would run two followers of it.
        var seenPaths = Set<String>()
        let paths = arguments.strings("source").filter { path in
            seenPaths.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted
        }
        let followers = try paths.map { path in
            do {
                return try SourceFollower(url: URL(fileURLWithPath: path), store: store)
            } catch {
                throw CommandFailure("cannot follow \(context.safe(path)): \(context.safe("\(error)"))")
            }
        }
        for follower in followers where !arguments.flag("json") {
            context.stderr.write("Following \(context.safe(follower.url.path)) (\(follower.format)).\n")
        }

        let interval = UInt32(arguments.int("interval") ?? 20) * 1_000
        let deadline = arguments.int("seconds").map { ContinuousClock.now + .seconds($0) }
        // A problem in a source, such as a chat without messages, is reported once, not on every sync.
        var reportedProblems = Set<String>()
        while !context.isCancelled() {
            if let deadline, ContinuousClock.now >= deadline { break }
            for follower in followers {
                do {
                    if var sync = try follower.poll() {
                        sync.problems = sync.problems.filter { reportedProblems.insert(follower.url.path + "\u{0}" + $0).inserted }
                        report(sync, follower: follower, context: context)
                    }
                } catch {
                    context.stderr.write("Error: following \(context.safe(follower.url.path)) failed: \(context.safe("\(error)")); retrying\n")
                }
            }
            context.stdout.flush()
            usleep(interval)
        }
        return ExitStatus.success
    }

    private static func report(_ sync: SourceFollower.Sync, follower: SourceFollower, context: CommandContext) {
        if context.arguments.flag("json") {
            let object = JSONRecords.object([
                ("source", .string(follower.url.path)), ("format", .string(follower.format)),
                ("files", .array(sync.files.map(JSONValue.string))),
                ("new_conversations", JSONRecords.number(sync.newConversations)),
                ("updated_conversations", JSONRecords.number(sync.updatedConversations)),
                ("lag_ms", sync.isInitialImport ? .null : .number(sync.lagSeconds * 1000)),
                ("initial_import", .bool(sync.isInitialImport)),
                ("problems", .array(sync.problems.map(JSONValue.string))),
            ])
            context.stdout.write(object.serialized() + "\n")
            return
        }
        let name = context.safe(follower.url.path)
        let timing = String(format: sync.isInitialImport ? "initial import in %.0f ms" : "lag %.0f ms", sync.lagSeconds * 1000)
        context.stdout.write("\(name): \(sync.newConversations) new, \(sync.updatedConversations) updated conversations, \(timing)\n")
        for problem in sync.problems {
            context.stderr.write("Note: " + context.safe(problem) + "\n")
        }
    }
}
