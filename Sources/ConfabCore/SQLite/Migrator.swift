import Foundation

/// One named step of a database's schema history.
public struct Migration: Sendable {
    public let name: String
    public let apply: @Sendable (Connection) throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (Connection) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

/// The database was written by a newer program, or is not this program's database at all.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case newerSchema(path: String, unknownSteps: [String])
    case foreignDatabase(path: String, applicationID: Int32)

    public var description: String {
        switch self {
        case let .newerSchema(path, steps):
            return "\(path) was written by a newer Confab (unknown schema steps: \(steps.joined(separator: ", "))); upgrade Confab to open it"
        case let .foreignDatabase(path, applicationID):
            let hex = String(UInt32(bitPattern: applicationID), radix: 16)
            return "\(path) is a SQLite database of another application (application_id 0x\(hex)), not a Confab store; choose another --db path"
        }
    }
}

/// Applies ordered, named migrations, each in its own immediate transaction.
///
/// Applied steps are recorded by name in `confab_migrations`. A database that lists a step this
/// build does not know was written by a newer Confab and is rejected before anything changes.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Applies the steps not yet recorded and returns their names.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [String] {
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS confab_migrations (
                name TEXT PRIMARY KEY NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)

        let applied = Set(try connection.query("SELECT name FROM confab_migrations") { $0.string(0) })
        let known = Set(migrations.map(\.name))
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else {
            throw MigrationError.newerSchema(path: connection.path, unknownSteps: unknown)
        }

        var newlyApplied: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try connection.writeTransaction {
                // Another process may have applied this step while we waited for the write lock.
                let alreadyDone = try connection.scalarInt(
                    "SELECT count(*) FROM confab_migrations WHERE name = ?", [migration.name]) ?? 0
                guard alreadyDone == 0 else { return }

                try migration.apply(connection)
                try connection.run(
                    "INSERT INTO confab_migrations (name, applied_at) VALUES (?, ?)",
                    migration.name, ISO8601DateFormatter().string(from: Date()))
                newlyApplied.append(migration.name)
            }
        }
        return newlyApplied
    }
}
