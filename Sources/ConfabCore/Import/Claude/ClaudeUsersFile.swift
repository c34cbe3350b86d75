import Foundation

/// The `users.json` that a Claude export keeps beside `conversations.json`:
/// `[{uuid, full_name, email_address, verified_phone_number}]`.
enum ClaudeUsersFile {
    /// Files larger than this are not a list of account records and are not read.
    static let maximumBytes = 4 << 20

    /// Reads each account's `full_name` by its `uuid` from `users.json` in the folder of
    /// `conversationsFile`. E-mail addresses and phone numbers are never read. Empty when the file
    /// is absent, too large or not a JSON array.
    static func names(besides conversationsFile: URL) -> [String: String] {
        let file = conversationsFile.deletingLastPathComponent().appendingPathComponent("users.json")
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber,
              size.intValue <= maximumBytes,
              let data = FileManager.default.contents(atPath: file.path),
              case let .array(accounts)? = try? JSONValue.parse(data)
        else { return [:] }

        var names: [String: String] = [:]
        for account in accounts {
            guard let uuid = account["uuid"]?.stringValue, let name = account["full_name"]?.stringValue,
                  !name.isEmpty, names[uuid] == nil
            else { continue }
            names[uuid] = name
        }
        return names
    }
}
