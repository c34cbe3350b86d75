import Foundation
import Testing
@testable import ConfabCore

@Suite struct RetentionKeyFileTests {
    @Test func keyReadableByOthersRejected() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("retention.key")
        _ = try RetentionKeyFile.readOrCreate(at: path)
        #expect(try RetentionKeyFile.read(at: path) != nil, "a new key file is private")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: RetentionError.keyFileExposed(path: path, mode: 0o644)) {
            _ = try RetentionKeyFile.read(at: path)
        }
    }
}
