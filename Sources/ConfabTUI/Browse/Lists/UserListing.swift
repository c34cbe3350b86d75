import ConfabCore
import Foundation

/// A row of the users list: every user's conversations together, then each user by name.
enum UserRow: Sendable, Equatable {
    /// The first row, which lists the conversations of all users.
    case everyone(conversationCount: Int, lastActivityAt: Date?)
    case user(UserSummary)

    /// The user whose conversations the row opens; nil for everyone's.
    var userID: Int64? {
        if case .user(let user) = self {
            return user.id
        }
        return nil
    }
}

/// The start of a users-list page: before every user (the `everyone` row), or at a user.
enum UserRowCursor: Sendable {
    case everyone
    case user(UserCursor)
}

/// The users list: the `everyone` row, then users by name as `users(after:limit:)` orders them.
struct UserListing: BrowseListing {
    static func id(of item: UserRow) -> ListItemID {
        switch item {
        case .everyone: .everyone
        case .user(let user): .user(user.id)
        }
    }

    static func cursor(of item: UserRow) -> UserRowCursor {
        switch item {
        case .everyone: .everyone
        case .user(let user): .user(UserCursor(name: user.name, id: user.id))
        }
    }

    func items(after cursor: UserRowCursor?, limit: Int, in store: any ConversationStore) throws -> [UserRow] {
        guard limit > 0 else { return [] }
        switch cursor {
        case nil:
            let users = try store.users(after: nil, limit: limit - 1)
            return [try everyoneRow(in: store)] + users.map(UserRow.user)
        case .everyone:
            return try store.users(after: nil, limit: limit).map(UserRow.user)
        case .user(let userCursor):
            return try store.users(after: userCursor, limit: limit).map(UserRow.user)
        }
    }

    func items(before cursor: UserRowCursor?, limit: Int, in store: any ConversationStore) throws -> [UserRow] {
        guard limit > 0 else { return [] }
        let users: [UserSummary]
        switch cursor {
        case .everyone:
            return []
        case nil:
            users = try store.users(before: nil, limit: limit)
        case .user(let userCursor):
            users = try store.users(before: userCursor, limit: limit)
        }
        let rows = users.map(UserRow.user)
        return rows.count < limit ? [try everyoneRow(in: store)] + rows : rows
    }

    func count(in store: any ConversationStore) throws -> Int {
        try store.userCount() + 1
    }

    func index(of cursor: UserRowCursor, in store: any ConversationStore) throws -> Int {
        switch cursor {
        case .everyone: 0
        case .user(let userCursor): try store.userIndex(of: userCursor) + 1
        }
    }

    private func everyoneRow(in store: any ConversationStore) throws -> UserRow {
        let newest = try store.conversations(userID: nil, after: nil, limit: 1).first
        return .everyone(conversationCount: try store.conversationCount(userID: nil), lastActivityAt: newest?.updatedAt)
    }
}

/// A row of the conversations list: the summary, and for an untitled conversation the start of
/// its first prompt, which the list shows in place of a title.
struct ConversationRow: Sendable, Equatable {
    var summary: ConversationSummary
    var firstPrompt: String?

    var id: Int64 { summary.id }
}

/// The conversations of one user, or of everyone, by last activity as
/// `conversations(userID:after:limit:)` orders them.
struct ConversationListing: BrowseListing {
    /// The owner; nil for every user's conversations.
    let userID: Int64?

    static func id(of item: ConversationRow) -> ListItemID {
        .conversation(item.id)
    }

    static func cursor(of item: ConversationRow) -> ConversationCursor {
        ConversationCursor(updatedAt: item.summary.updatedAt, id: item.id)
    }

    func items(after cursor: ConversationCursor?, limit: Int, in store: any ConversationStore) throws -> [ConversationRow] {
        try rows(try store.conversations(userID: userID, after: cursor, limit: limit), in: store)
    }

    func items(before cursor: ConversationCursor?, limit: Int, in store: any ConversationStore) throws -> [ConversationRow] {
        try rows(try store.conversations(userID: userID, before: cursor, limit: limit), in: store)
    }

    /// Adds the first prompt of the untitled conversations, with one query for the page.
    private func rows(_ summaries: [ConversationSummary], in store: any ConversationStore) throws -> [ConversationRow] {
        let untitled = summaries.filter { $0.title?.isEmpty ?? true }.map(\.id)
        let prompts = try store.firstPrompts(conversationIDs: untitled)
        return summaries.map { ConversationRow(summary: $0, firstPrompt: prompts[$0.id]) }
    }

    func count(in store: any ConversationStore) throws -> Int {
        try store.conversationCount(userID: userID)
    }

    func index(of cursor: ConversationCursor, in store: any ConversationStore) throws -> Int {
        try store.conversationIndex(userID: userID, of: cursor)
    }
}
