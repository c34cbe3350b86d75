import Foundation
import Testing
@testable import ConfabCore

/// Reading a logs.db that `llm` may be using: read-only, WAL files, writers holding locks, and
/// format detection.
@Suite struct LLMSourceAccessTests {
    private static let oneConversation = """
        INSERT INTO conversations VALUES ('c1', 'First', 'echo');
        INSERT INTO responses (id, model, prompt, response, conversation_id, datetime_utc)
        VALUES ('r1', 'echo', 'hello', 'hi', 'c1', '2026-01-02T03:04:05+00:00');
        """

    private static let secondConversation = """
        INSERT INTO conversations VALUES ('c2', 'Second', 'echo');
        INSERT INTO responses (id, model, prompt, response, conversation_id, datetime_utc)
        VALUES ('r2', 'echo', 'again', 'hi again', 'c2', '2026-01-02T03:05:05+00:00');
        """

    @Test func importLeavesFileUntouched() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)
        let before = try Data(contentsOf: file)
        let modifiedBefore = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date

        let sink = try LLMImporter().recordedSink(reading: file)

        #expect(sink.conversations.count == 1)
        #expect(try Data(contentsOf: file) == before)
        let modifiedAfter = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(modifiedAfter == modifiedBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["logs.db"])
    }

    @Test func walFileReadWhileWriterIsOpen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("logs.db")
        let writer = try Connection(path: path)
        try writer.execute("PRAGMA journal_mode = WAL")
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.writeTransaction {
            try writer.execute(LLMRealToolSQL.legacySchema)
            try writer.execute(Self.oneConversation)
        }
        try writer.writeTransaction { try writer.execute(Self.secondConversation) }
        let mainFileBefore = try Data(contentsOf: URL(fileURLWithPath: path))

        let sink = try LLMImporter().recordedSink(reading: URL(fileURLWithPath: path))

        #expect(sink.conversations.map(\.sourceID) == ["c1", "c2"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == mainFileBefore)
        #expect(try writer.scalarInt("SELECT count(*) FROM responses") == 2)
    }

    @Test func walFileReadAfterWriterClosed() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)
        do {
            try Connection(path: file.path).execute("PRAGMA journal_mode = WAL")
        }
        let before = try Data(contentsOf: file)
        #expect(before[18] == 2)

        let sink = try LLMImporter().recordedSink(reading: file)

        #expect(sink.conversations.map(\.sourceID) == ["c1"])
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func uncommittedWriteIsNotRead() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)
        let writer = try Connection(path: file.path)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute(Self.secondConversation)
        defer { writer.rollbackIgnoringErrors() }

        let sink = try LLMImporter().recordedSink(reading: file)

        #expect(sink.conversations.map(\.sourceID) == ["c1"])
    }

    @Test func exclusiveLockFailsAsUnreadable() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)
        let writer = try Connection(path: file.path)
        try writer.execute("BEGIN EXCLUSIVE")
        try writer.execute(Self.secondConversation)
        defer { writer.rollbackIgnoringErrors() }

        #expect {
            _ = try SQLiteSourceDatabase(file: file, busyTimeoutMilliseconds: 50)
        } throws: { error in
            guard case let .unreadable(path, detail)? = error as? ImportFailure else { return false }
            return path == file.path && detail.contains("locked")
        }
    }

    @Test func lockDuringReadFailsAsUnreadable() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)
        let database = try SQLiteSourceDatabase(file: file, busyTimeoutMilliseconds: 50)
        let writer = try Connection(path: file.path)
        try writer.execute("BEGIN EXCLUSIVE")
        defer { writer.rollbackIgnoringErrors() }

        #expect {
            try database.snapshot { try database.connection.scalarInt("SELECT count(*) FROM responses") }
        } throws: { error in
            guard case .unreadable? = error as? ImportFailure else { return false }
            return true
        }
        #expect(!database.connection.isInTransaction)
    }

    @Test func storeErrorKeepsItsType() throws {
        let directory = try TemporaryDirectory()
        let file = try LLMFixture.database([LLMRealToolSQL.legacySchema, Self.oneConversation], in: directory)

        #expect {
            try LLMImporter().read(file, into: StoreFailureSink())
        } throws: { error in
            (error as? SQLiteError)?.message == StoreFailureSink.message
        }
    }

    @Test(arguments: [
        (["_llm_migrations", "responses", "conversations"], true),
        (["_llm_migrations", "threads", "messages", "parts"], true),
        (["_llm_migrations"], false),
        (["responses", "conversations"], false),
        (["chat", "user", "alembic_version"], false),
        (["conversations", "turns", "users"], false),
    ])
    func detection(tables: [String], expected: Bool) {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/x.db"), shape: .sqlite(tables: Set(tables)))
        #expect(LLMImporter.matches(probe) == expected)
    }

    @Test func detectionIgnoresJSON() {
        let probe = FormatProbe(file: URL(fileURLWithPath: "/tmp/x.json"), shape: .jsonArray(first: nil))
        #expect(!LLMImporter.matches(probe))
    }

    @Test func missingFileIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        let missing = URL(fileURLWithPath: directory.path("absent.db"))
        #expect(throws: ImportFailure.self) {
            try LLMImporter().read(missing, into: RecordingSink())
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}

/// A sink whose store fails on the first conversation, as a full disk would.
private final class StoreFailureSink: ImportSink {
    static let message = "database or disk is full"

    func accept(_ conversation: ImportedConversation) throws {
        throw SQLiteError(extendedCode: 13, message: Self.message)
    }

    func skip(_ problem: ImportProblem) {}

    func progress(done: Int64, total: Int64) {}

    func countTextRepairs(invalidUTF8: Int, loneSurrogates: Int) {}
}
