import Foundation

/// The `user.json` that a ChatGPT export keeps beside `conversations.json`:
/// `{id, email, phone_number, chatgpt_plus_user, …}`.
enum ChatGPTAccountFile {
    /// Files larger than this are not an account record and are not read.
    static let maximumBytes = 1 << 20

    /// Reads the account named by `user.json` in the folder of `conversationsFile`: its `id`, named by
    /// its `name` field, else its `email`. Never the phone number or the plan.
    /// Nil when the file is absent, too large, not JSON or has no string `id`.
    static func user(besides conversationsFile: URL) -> ImportedUser? {
        let file = conversationsFile.deletingLastPathComponent().appendingPathComponent("user.json")
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber,
              size.intValue <= maximumBytes,
              let data = FileManager.default.contents(atPath: file.path),
              let account = try? JSONValue.parse(data),
              let id = account["id"]?.stringValue, !id.isEmpty
        else { return nil }

        let name = [account["name"]?.stringValue, account["email"]?.stringValue]
            .compactMap { $0 }
            .first { !$0.isEmpty }
        return ImportedUser(externalID: id, name: name)
    }
}
