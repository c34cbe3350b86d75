import Foundation

/// Notices new commits in a live source: a SQLite database another program writes, or a folder
/// of JSONL files that grow.
///
/// A SQLite source is watched through `PRAGMA data_version` on a read-only connection that runs
/// no statement between polls, so it keeps no snapshot open and cannot pin the source's WAL. A
/// folder is watched through the size and modification time of its `.jsonl` and `.json` files.
final class SourceChangeDetector {
    enum Kind {
        case database(Connection)
        case folder([String: FileStamp])
    }

    struct FileStamp: Equatable {
        var size: Int64
        var modified: Double
    }

    let url: URL
    private var kind: Kind
    private var lastVersion: Int64?

    init(url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportFailure.unreadable(file: url.path, detail: "it does not exist")
        }
        if isDirectory.boolValue {
            kind = .folder([:])
        } else {
            kind = .database(try Connection(path: url.path, mode: .readOnly))
        }
    }

    var isFolder: Bool {
        if case .folder = kind { return true }
        return false
    }

    /// Returns the files to import again: the database itself when another connection committed
    /// since the last call, or the folder's new and grown files. The first call returns everything.
    func changedFiles() throws -> [URL] {
        switch kind {
        case .database(let connection):
            let version = try connection.scalarInt("PRAGMA data_version") ?? 0
            defer { lastVersion = version }
            return lastVersion == version ? [] : [url]
        case .folder(let previous):
            let current = try SourceChangeDetector.stamps(in: url)
            kind = .folder(current)
            return current.filter { previous[$0.key] != $0.value }.keys.sorted().map { URL(fileURLWithPath: $0) }
        }
    }

    private static func stamps(in folder: URL) throws -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".jsonl") || name.hasSuffix(".json") {
            let path = folder.appendingPathComponent(name).path
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
            stamps[path] = FileStamp(size: Int64(status.st_size), modified: modified)
        }
        return stamps
    }
}
