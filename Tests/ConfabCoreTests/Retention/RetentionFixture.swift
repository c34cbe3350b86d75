import Foundation
@testable import ConfabCore

/// A store in a fresh folder with its own key file, and ways to fill it.
final class RetentionFixture {
    let directory: TemporaryDirectory
    let storePath: String
    let keyPath: String
    let context: RetentionContext

    init() throws {
        directory = try TemporaryDirectory()
        storePath = directory.path("store.db")
        keyPath = directory.path("retention.key")
        let key = try RetentionKeyFile.readOrCreate(at: keyPath)
        context = RetentionContext(key: key, keyPath: keyPath, actor: "tester")
    }

    func openStore() throws -> SQLiteStore {
        let store = try SQLiteStore(path: storePath)
        store.retentionKeyPath = keyPath
        return store
    }

    /// Writes a ShareGPT export: each conversation alternates human and gpt turns.
    func writeShareGPT(_ conversations: [(id: String, turns: [String])], to name: String) throws -> URL {
        let records: [JSONValue] = conversations.map { conversation in
            let turns: [JSONValue] = conversation.turns.enumerated().map { index, text in
                .object(JSONObject([(key: "from", value: .string(index % 2 == 0 ? "human" : "gpt")), (key: "value", value: .string(text))]))
            }
            return .object(JSONObject([(key: "id", value: .string(conversation.id)), (key: "conversations", value: .array(turns))]))
        }
        let url = directory.url.appendingPathComponent(name)
        try JSONValue.array(records).serialized().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @discardableResult
    func importFile(_ url: URL, user: String, into store: SQLiteStore) throws -> ImportSummary {
        try ImportSession(store: store, options: .init(userName: user)).run(url).summary
    }

    @discardableResult
    func importDemo(users: Int, conversations: Int, seed: Int = 1, into store: SQLiteStore) throws -> ImportSummary {
        let generator = DemoGenerator(options: .init(users: users, conversations: conversations, seed: UInt64(seed)))
        return try ImportSession(store: store).run(format: .demo, label: "demo") { try generator.write(into: $0) }.summary
    }

    func runJob(_ policy: RetentionPolicy, store: SQLiteStore, maxTurns: Int? = nil, isCancelled: () -> Bool = { false }) throws -> RetentionJobStatus {
        let plan = try store.retentionPlan(policy, now: Date())
        return try RetentionJobRunner(store: store, context: context)
            .run(policy, plannedConversations: plan.conversations, maxTurnsPerBatch: maxTurns, isCancelled: isCancelled)
    }

    /// Size of the database file and its WAL together.
    func fileBytes() -> Int64 {
        let manager = FileManager.default
        return [storePath, storePath + "-wal"].reduce(Int64(0)) { total, path in
            total + ((try? manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }

    /// Every byte of the database file and its WAL.
    func rawBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for path in [storePath, storePath + "-wal"] where FileManager.default.fileExists(atPath: path) {
            bytes += [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in the bytes, ignoring ASCII letter case.
    func containsIgnoringCase(_ needle: String) -> Bool {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, count >= pattern.count else { return false }
        let lowered = map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var index = 0
        while index <= lowered.count - pattern.count {
            if lowered[index] == pattern[0] && Array(lowered[index..<(index + pattern.count)]) == pattern {
                return true
            }
            index += 1
        }
        return false
    }
}
