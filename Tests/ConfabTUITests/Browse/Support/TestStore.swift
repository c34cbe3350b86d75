import Foundation
@testable import ConfabCore

/// A store in a temporary folder, written through the import writer as `confab import` writes,
/// each time on a connection of its own, as another process would.
final class TestStore {
    let directory: TemporaryDirectory
    let path: String

    /// 2026-01-01T00:00:00Z: the first turn of conversations made by `conversation`.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path + "/store.db"
        _ = try SQLiteStore(path: path)
    }

    /// Stores `conversations` under the user called `owner`, in one import.
    func add(_ conversations: [ImportedConversation], owner: String) throws {
        let store = try SQLiteStore(path: path)
        let writer = try store.beginImport(format: .demo, filePath: "test", fileBytes: nil)
        for conversation in conversations {
            _ = try writer.write(conversation, owner: .named(owner))
        }
        try writer.commit(ImportSummary())
    }

    /// Fills the store with `confab demo` data.
    static func demo(users: Int, conversations: Int, seed: UInt64 = 1) throws -> TestStore {
        let testStore = try TestStore()
        let store = try SQLiteStore(path: testStore.path)
        let generator = DemoGenerator(options: .init(users: users, conversations: conversations, seed: seed))
        _ = try ImportSession(store: store).run(format: .demo, label: "demo") { sink in
            try generator.write(into: sink)
        }
        return testStore
    }

    /// Adds `count` one-line conversations titled `Bulk conversation 00001` … for the user `owner`,
    /// one minute apart, the highest number the newest. SQL rather than the import writer, so
    /// that tens of thousands take a moment.
    func addBulkConversations(count: Int, owner: String) throws {
        let store = try SQLiteStore(path: path)
        try store.connection.writeTransaction {
            try store.connection.run("INSERT INTO users (uid, name, created_at) VALUES (?, ?, 0)", "bulk-user-" + owner, owner)
            let userID = store.connection.lastInsertRowID
            try store.connection.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO conversations (uid, user_id, source, source_id, title, model, created_at, updated_at, turn_count, content_hash)
                SELECT printf('bulk-%s-%05d', ?, i), ?, 'demo', printf('bulk-%s-%05d', ?, i), printf('Bulk conversation %05d', i),
                       'gpt-4o', ? + i * 60, ? + i * 60, 1, i
                FROM n
                """, count, owner, userID, owner, TestStore.start.timeIntervalSince1970, TestStore.start.timeIntervalSince1970)
        }
    }

    /// Returns a conversation whose turns follow each other, one minute apart from `start`.
    static func conversation(
        _ sourceID: String,
        title: String?,
        turns: [(role: Role, text: String)],
        kinds: [Int: TurnKind] = [:],
        start: Date = TestStore.start
    ) -> ImportedConversation {
        let imported = turns.enumerated().map { index, turn in
            ImportedTurn(
                sourceID: "\(sourceID)-\(index)",
                parentSourceID: index == 0 ? nil : "\(sourceID)-\(index - 1)",
                role: turn.role,
                kind: kinds[index] ?? .message,
                author: turn.role == .assistant ? "gpt-4o" : nil,
                text: turn.text,
                createdAt: start.addingTimeInterval(Double(index) * 60)
            )
        }
        return ImportedConversation(sourceID: sourceID, title: title, model: "gpt-4o", turns: imported)
    }

    /// Makes a store with one conversation titled "Branches" for the user alice, with turns whose text is
    /// `text of ID`:
    ///
    ///     root → a → b (default thread, older) → b2
    ///              ↘ c (newer) → c2 → c3
    static func branched() throws -> TestStore {
        let store = try TestStore()
        let turn = { (id: String, parent: String?, role: Role, minutes: Double) in
            ImportedTurn(sourceID: id, parentSourceID: parent, role: role, text: "text of \(id)", createdAt: TestStore.start.addingTimeInterval(minutes * 60))
        }
        try store.add([
            ImportedConversation(sourceID: "tree", title: "Branches", turns: [
                turn("root", nil, .user, 0), turn("a", "root", .assistant, 1), turn("b", "a", .user, 2), turn("b2", "b", .assistant, 3),
                turn("c", "a", .user, 10), turn("c2", "c", .assistant, 11), turn("c3", "c2", .user, 12),
            ], defaultLeafSourceID: "b2"),
        ], owner: "alice")
        return store
    }
}
