import Foundation
@testable import ConfabCore

/// A demo store in a temporary folder.
struct AnalyticsFixture {
    let directory: TemporaryDirectory
    let store: SQLiteStore
    var path: String { store.path }

    static func demo(users: Int = 10, conversations: Int = 160, seed: Int = 7) throws -> AnalyticsFixture {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("analytics.db"))
        let generator = DemoGenerator(options: .init(users: users, conversations: conversations, seed: UInt64(seed)))
        _ = try ImportSession(store: store).run(format: .demo, label: "analytics test") { try generator.write(into: $0) }
        return AnalyticsFixture(directory: directory, store: store)
    }

    /// The user with the most conversations.
    func someUser() throws -> (id: Int64, name: String) {
        let connection = try Connection(path: path, mode: .readOnly)
        return try connection.queryFirst("""
            SELECT u.id, u.name FROM users u JOIN conversations c ON c.user_id = u.id GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1
            """) { ($0.int64(0), $0.string(1)) }!
    }
}
