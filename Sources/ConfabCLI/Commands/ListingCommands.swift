import ConfabCore
import Foundation

/// `confab stats`, `confab users` and `confab conversations`.
enum ListingCommands {
    static let pageSize = 500

    static func stats(_ context: CommandContext) throws -> Int32 {
        let store = try context.openExistingStore()
        let statistics = try store.statistics()
        if context.arguments.flag("json") {
            context.stdout.write(JSONRecords.statistics(statistics, path: store.path).serialized() + "\n")
            return ExitStatus.success
        }

        var table = TextTable(columns: [.init(title: "figure"), .init(title: "value")], charset: context.charset)
        table.append(["database", store.path])
        table.append(["users", ProgressBar.grouped(statistics.users)])
        table.append(["conversations", ProgressBar.grouped(statistics.conversations)])
        table.append(["turns", ProgressBar.grouped(statistics.turns)])
        for (kind, count) in statistics.turnsByKind.sorted(by: { $0.key < $1.key }) where kind != "message" {
            table.append(["  \(kind) turns", ProgressBar.grouped(count)])
        }
        for (source, count) in statistics.conversationsBySource.sorted(by: { $0.key < $1.key }) {
            table.append(["  from \(source)", ProgressBar.grouped(count)])
        }
        table.append(["database size", ByteCount.format(statistics.databaseBytes)])
        table.append(["  of which WAL", ByteCount.format(statistics.walBytes)])
        table.append(["pages", "\(ProgressBar.grouped(statistics.pageCount)) of \(ByteCount.format(Int64(statistics.pageSize))), \(ProgressBar.grouped(statistics.freelistCount)) free"])
        table.append(["imports", ProgressBar.grouped(statistics.imports)])
        if let oldest = statistics.oldestTurnAt, let newest = statistics.newestTurnAt {
            table.append(["turn times", ISO8601.format(oldest) + " to " + ISO8601.format(newest)])
        }
        context.stdout.write(table.render())
        return ExitStatus.success
    }

    static func users(_ context: CommandContext) throws -> Int32 {
        let store = try context.openExistingStore()
        let limit = context.arguments.int("limit") ?? Int.max
        let asJSON = context.arguments.flag("json")

        var users: [UserSummary] = []
        var cursor: UserCursor?
        while users.count < limit {
            let page = try store.users(after: cursor, limit: min(pageSize, limit - users.count))
            guard let last = page.last else { break }
            users += page
            cursor = UserCursor(name: last.name, id: last.id)
        }

        if asJSON {
            context.stdout.write(JSONRecords.array(users.map(JSONRecords.user)))
            return ExitStatus.success
        }
        var table = TextTable(columns: [
            .init(title: "id", alignRight: true), .init(title: "name", maxWidth: 32),
            .init(title: "conversations", alignRight: true), .init(title: "last activity"),
            .init(title: "accounts", maxWidth: 60),
        ], charset: context.charset)
        for user in users {
            let accounts = user.externalIDs.map { "\($0.source):\($0.externalID)" }.joined(separator: " ")
            table.append(["\(user.id)", user.name, ProgressBar.grouped(user.conversationCount),
                          user.lastActivityAt.map(ISO8601.format) ?? "-", accounts])
        }
        context.stdout.write(table.render())
        return ExitStatus.success
    }

    static func conversations(_ context: CommandContext) throws -> Int32 {
        let store = try context.openExistingStore()
        let limit = context.arguments.int("limit") ?? Int.max
        var userID: Int64?
        if let reference = context.arguments.string("user") {
            userID = try resolveUser(reference, in: store, context: context).id
        }

        if context.arguments.flag("json") {
            // Written page by page, so a listing of a million conversations never sits in memory.
            var written = 0
            var cursor: ConversationCursor?
            context.stdout.write("[")
            while written < limit {
                let page = try store.conversations(userID: userID, after: cursor, limit: min(pageSize, limit - written))
                guard let last = page.last else { break }
                for conversation in page {
                    context.stdout.write((written == 0 ? "\n  " : ",\n  ") + JSONRecords.conversation(conversation).serialized())
                    written += 1
                }
                cursor = ConversationCursor(updatedAt: last.updatedAt, id: last.id)
            }
            context.stdout.write(written == 0 ? "]\n" : "\n]\n")
            return ExitStatus.success
        }

        var table = TextTable(columns: [
            .init(title: "id", alignRight: true), .init(title: "user", maxWidth: 20), .init(title: "updated"),
            .init(title: "turns", alignRight: true), .init(title: "model", maxWidth: 24), .init(title: "title", maxWidth: 60),
        ], charset: context.charset)
        var cursor: ConversationCursor?
        var listed = 0
        while listed < limit {
            let page = try store.conversations(userID: userID, after: cursor, limit: min(pageSize, limit - listed))
            guard let last = page.last else { break }
            for conversation in page {
                table.append(["\(conversation.id)", conversation.userName,
                              conversation.updatedAt.map(ISO8601.format) ?? "-", "\(conversation.turnCount)",
                              conversation.model ?? "-", conversation.title ?? "(untitled)"])
            }
            listed += page.count
            cursor = ConversationCursor(updatedAt: last.updatedAt, id: last.id)
        }
        context.stdout.write(table.render())
        return ExitStatus.success
    }

    /// Finds the one user that `reference` names: an id, a unique name or an external account id.
    static func resolveUser(_ reference: String, in store: any ConversationStore, context: CommandContext) throws -> UserSummary {
        let matches = try store.findUsers(matching: reference)
        switch matches.count {
        case 0:
            throw CommandFailure("no user matches '\(context.safe(reference))'; list users with: confab users")
        case 1:
            return matches[0]
        default:
            let ids = matches.map { "\($0.id)" }.joined(separator: ", ")
            throw CommandFailure("'\(context.safe(reference))' matches several users (ids \(ids)); pass the id instead")
        }
    }
}

/// Human-readable byte counts in binary units.
enum ByteCount {
    static func format(_ bytes: Int64) -> String {
        NumberText.binaryBytes(bytes)
    }
}
