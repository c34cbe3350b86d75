/// A retention command that cannot go ahead, with what to do about it.
public enum RetentionError: Error, Equatable, CustomStringConvertible {
    case invalidKeyFile(path: String)
    case keyFileNotWritable(path: String, reason: String)
    /// The key file is readable or writable by users other than its owner.
    case keyFileExposed(path: String, mode: Int)
    /// The ledger was written with another key, so erased conversations would not be recognised.
    case keyMismatch(path: String)
    case userNotFound(String)
    case ambiguousUser(String, candidates: [String])
    case conversationNotFound(String)
    case underLegalHold(String)
    case invalidSelection(String)
    case archiveVerificationFailed(conversationUID: String)
    case otherJobRunning(jobID: Int64)
    case backupVerificationFailed(path: String, problem: String)

    public var description: String {
        switch self {
        case let .invalidKeyFile(path):
            return "\(path) is not a Confab key file (expected 64 hex digits); restore the original key file"
        case let .keyFileNotWritable(path, reason):
            return "cannot create the key file \(path): \(reason); set CONFAB_KEY_FILE to a writable path"
        case let .keyFileExposed(path, mode):
            return "the key file \(path) has mode \(String(mode, radix: 8)), so other users can read or change it; run 'chmod 600 \(path)'"
        case let .keyMismatch(path):
            return "the key in \(path) is not the key this store's pseudonyms and erased-ids ledger were made with; restore the original key file or point CONFAB_KEY_FILE at it"
        case let .userNotFound(reference):
            return "no user has the id, name or account id '\(reference)'; list users with 'confab users'"
        case let .ambiguousUser(reference, candidates):
            return "'\(reference)' names several users (ids \(candidates.joined(separator: ", "))); pass the user id instead"
        case let .conversationNotFound(reference):
            return "no conversation has the id, uid or source id '\(reference)'"
        case let .underLegalHold(what):
            return "\(what) is under legal hold; release it first with 'confab release'"
        case let .invalidSelection(message):
            return message
        case let .archiveVerificationFailed(uid):
            return "the archived copy of conversation \(uid) does not match the original, so it was not deleted"
        case let .otherJobRunning(jobID):
            return "retention job \(jobID) is still unfinished with another policy (its rules, queries or archive paths differ); resume it with the same policy or query, or abandon it with 'confab retention run --abandon'"
        case let .backupVerificationFailed(path, problem):
            return "\(path) failed verification: \(problem)"
        }
    }
}
