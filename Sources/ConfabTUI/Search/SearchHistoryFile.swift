import Foundation

/// The `/` line's history on disk: one query per line, oldest first, at most `maximumEntries`.
///
/// It lives in the XDG state directory (`$XDG_STATE_HOME/confab/search-history`, else
/// `~/.local/state/confab/search-history`), because history is state that a program keeps,
/// not configuration that a user writes.
struct SearchHistoryFile {
    let path: String

    static let maximumEntries = 100

    /// Returns the history's path for `environment`, or nil when neither `XDG_STATE_HOME` nor
    /// `HOME` is an absolute path.
    static func defaultPath(environment: [String: String]) -> String? {
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return stateHome + "/confab/search-history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/confab/search-history"
        }
        return nil
    }

    /// Returns the stored queries, oldest first; empty when the file does not exist yet.
    func load() throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw SearchHistoryError.notUTF8(path: path)
        }
        let entries = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return Array(entries.suffix(SearchHistoryFile.maximumEntries))
    }

    /// Replaces the file with the last `maximumEntries` of `entries`, creating its directory.
    /// Entries with a line break cannot be stored one per line and are left out.
    func save(_ entries: [String]) throws {
        let kept = entries.filter { !$0.contains(where: \.isNewline) }.suffix(SearchHistoryFile.maximumEntries)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = kept.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

enum SearchHistoryError: Error, CustomStringConvertible {
    case notUTF8(path: String)

    var description: String {
        switch self {
        case .notUTF8(let path):
            "\(path) is not UTF-8 text; delete it to start a new history"
        }
    }
}
