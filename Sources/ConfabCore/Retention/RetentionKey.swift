import Foundation

/// The secret key behind pseudonyms and the erased-ids ledger, kept in a file outside the store.
///
/// Keyed hashes (HMAC-SHA256) rather than plain hashes, because a plain hash of an e-mail address or
/// an account id can be reversed by hashing candidate values. Whoever has the store but not the key
/// cannot tell which identity a pseudonym or a ledger entry stands for.
public struct RetentionKey: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Returns the keyed hash of `purpose` and `parts`, as 64 hex digits. The parts are separated
    /// by a NUL byte, so ("ab", "c") and ("a", "bc") hash differently.
    public func keyedHash(_ purpose: String, _ parts: String...) -> String {
        var message = Array(purpose.utf8)
        for part in parts {
            message.append(0)
            message += Array(part.utf8)
        }
        return HMACSHA256.authenticationCode(key: bytes, message: message).hexString
    }

    /// A value stored in the database to recognise the key later without revealing it.
    public var fingerprint: String {
        String(keyedHash("confab key fingerprint").prefix(16))
    }

    /// The pseudonym that replaces a user's name when the user is anonymised.
    public func pseudonym(forUserUID uid: String) -> String {
        "anon-" + keyedHash("user", uid).prefix(12)
    }
}

/// Finds, creates and reads the key file.
public enum RetentionKeyFile {
    /// Environment variable naming the key file explicitly.
    public static let pathVariable = "CONFAB_KEY_FILE"

    /// The key file for the store at `storePath`: `$CONFAB_KEY_FILE`, else
    /// `$XDG_CONFIG_HOME/confab/retention.key` (`~/.config` when unset), else beside the store.
    public static func defaultPath(storePath: String, environment: [String: String]) -> String {
        if let explicit = environment[pathVariable], !explicit.isEmpty {
            return explicit
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return config + "/confab/retention.key"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/confab/retention.key"
        }
        return storePath + ".key"
    }

    /// Reads the key at `path`, or returns nil when there is no file.
    public static func read(at path: String) throws -> RetentionKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        // Anyone who can read the key can reverse pseudonyms by guessing, so like ssh with a
        // private key, refuse a key that others can read or write.
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber,
           mode.intValue & 0o077 != 0 {
            throw RetentionError.keyFileExposed(path: path, mode: mode.intValue & 0o777)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count == 64, let bytes = decodeHex(text) else {
            throw RetentionError.invalidKeyFile(path: path)
        }
        return RetentionKey(bytes: bytes)
    }

    /// Reads the key at `path`, creating a new random key (mode 0600, folder 0700) when there is none.
    public static func readOrCreate(at path: String) throws -> RetentionKey {
        if let key = try read(at: path) {
            return key
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }

        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RetentionError.keyFileNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let text = Array((bytes.hexString + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.count else {
            throw RetentionError.keyFileNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        return RetentionKey(bytes: bytes)
    }

    private static func decodeHex(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in text.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}
