import Testing
@testable import ConfabCore

/// SHA-256 against the NIST FIPS 180-4 examples and HMAC-SHA256 against RFC 4231.
@Suite struct SHA256Tests {
    private func digest(_ text: String) -> String {
        SHA256.hash(Array(text.utf8)).hexString
    }

    @Test func emptyMessage() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func oneBlockMessage() {
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage() {
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func fourBlockMessage() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(digest(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func millionLetters() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        for _ in 0..<1_000 {
            hasher.update(chunk)
        }
        #expect(hasher.finalize().hexString == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaryLengths() {
        // 55 bytes fit the length in the same block, 56 need a second one.
        #expect(digest(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(digest(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(digest(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func hmacShortKey() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        let code = HMACSHA256.authenticationCode(key: key, message: Array("Hi There".utf8))
        #expect(code.hexString == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacTextKey() {
        let code = HMACSHA256.authenticationCode(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(code.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacKeyLongerThanBlock() {
        let key = [UInt8](repeating: 0xaa, count: 131)
        let code = HMACSHA256.authenticationCode(
            key: key, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(code.hexString == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func keyedHashSeparatesParts() {
        let key = RetentionKey(bytes: [UInt8](repeating: 7, count: 32))
        #expect(key.keyedHash("conversation", "ab", "c") != key.keyedHash("conversation", "a", "bc"))
        #expect(key.keyedHash("conversation", "ab", "c") == key.keyedHash("conversation", "ab", "c"))
        #expect(key.pseudonym(forUserUID: "u1").hasPrefix("anon-"))
        #expect(key.pseudonym(forUserUID: "u1") != RetentionKey(bytes: [UInt8](repeating: 8, count: 32)).pseudonym(forUserUID: "u1"))
    }
}
