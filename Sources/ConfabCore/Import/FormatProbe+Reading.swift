import Foundation

extension FormatProbe {
    /// Reads just enough of `file` to tell its structure: the table names of a SQLite database, or
    /// the first value of a JSON or JSON Lines file.
    public static func read(_ file: URL) throws -> FormatProbe {
        let header = try readHeader(of: file, count: 16)
        if header == Array("SQLite format 3\0".utf8) {
            return FormatProbe(file: file, shape: .sqlite(tables: try tableNames(of: file)))
        }
        return FormatProbe(file: file, shape: jsonShape(of: file))
    }

    private static func readHeader(of file: URL, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw ImportFailure.unreadable(file: file.path, detail: "no such file, or permission denied")
        }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: count)) ?? Data())
    }

    private static func tableNames(of file: URL) throws -> Set<String> {
        do {
            let connection = try Connection(path: file.path, mode: .readOnly)
            return Set(try connection.query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')") { $0.string(0) })
        } catch {
            throw ImportFailure.unreadable(file: file.path, detail: "\(error)")
        }
    }

    private struct FirstValueRead: Error {}

    private static func jsonShape(of file: URL) -> Shape {
        let reader: JSONStreamReader
        do {
            reader = try JSONStreamReader(url: file)
        } catch {
            return .other(reason: error.description)
        }

        var first: JSONValue?
        do {
            try reader.forEachElement { value, _ in
                first = value
                throw FirstValueRead()
            }
        } catch is FirstValueRead {
            // Reading stopped on purpose after the first element.
        } catch let error as JSONReadError {
            if first == nil && reader.layout != .array {
                return .other(reason: error.description)
            }
        } catch {
            return .other(reason: "\(error)")
        }

        switch (reader.layout, first) {
        case (.array?, _):
            return .jsonArray(first: first)
        case let (.lines?, value?):
            return .jsonLines(first: value)
        case let (_, value?):
            return .jsonValue(value)
        default:
            return .other(reason: "no JSON value could be read")
        }
    }
}
