@testable import ConfabTUI
import Testing

@Suite("Input decoding")
struct InputDecoderTests {
    private func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decoder.decode(text.unicodeScalars.map(RawInput.scalar))
    }

    private func keys(_ text: String) -> [Key] {
        decode(text).compactMap { event in
            if case .key(let key) = event { return key }
            return nil
        }
    }

    @Test func printableCharactersAreKeys() {
        #expect(keys("jé中") == [.character("j"), .character("é"), .character("中")])
    }

    @Test func controlCharactersAreNamedKeys() {
        #expect(keys("\u{6}\u{2}\u{3}\u{1A}") == [.control("f"), .control("b"), .control("c"), .control("z")])
        #expect(keys("\r\n\t\u{8}\u{7F}") == [.enter, .enter, .tab, .backspace, .backspace])
        #expect(keys("\u{0}\u{1C}\u{1F}") == [])
    }

    @Test func loneEscapeIsEscapeKey() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
    }

    @Test func escapeBeforeCharacterIsAlt() {
        #expect(keys("\u{1B}x") == [.alt("x")])
        #expect(keys("\u{1B}\u{3}") == [.escape, .control("c")])
    }

    static let droppedSequences: [String] = [
        "\u{1B}[?1;2c",
        "\u{1B}[6n",
        "\u{1B}[1;5P",
        "\u{1B}[200~",
        "\u{1B}[<64;300;10M",
        "\u{1B}[I",
        "\u{1B}OP",
        "\u{1B}]52;c;cXVpdA==\u{7}",
        "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\",
        "\u{1B}P1$r0m\u{1B}\\",
        "\u{1B}_apc q\u{1B}\\",
        "\u{9B}2q",
        "\u{9D}0;quit\u{9C}",
        "\u{8F}q",
    ]

    @Test("escape sequence is dropped whole", arguments: droppedSequences)
    func sequenceDropped(sequence: String) {
        #expect(decode(sequence) == [])
        #expect(keys("a" + sequence + "b") == [.character("a"), .character("b")])
    }

    @Test func sequenceSplitAcrossReadsIsStillDropped() {
        var decoder = InputDecoder()
        #expect(decoder.decode("\u{1B}[20".unicodeScalars.map(RawInput.scalar)) == [])
        #expect(decoder.decode("0~q".unicodeScalars.map(RawInput.scalar)) == [.key(.character("q"))])
    }

    @Test func longSequences() {
        let long = "\u{1B}[" + String(repeating: "1;", count: 400) + "q"
        #expect(keys(long + "j") == [.character("j")])
        let string = "\u{1B}]" + String(repeating: "x", count: InputDecoder.maximumControlStringLength + 5)
        #expect(keys(string).count == 5)
    }

    @Test func decodedKeysPassThrough() {
        var decoder = InputDecoder()
        let mouse = MouseEvent(kind: .wheelDown, position: Point(column: 3, row: 4))
        let events = decoder.decode([.key(.up), .mouse(mouse), .resize, .scalar("\u{1B}"), .key(.down)])
        #expect(events == [.key(.up), .mouse(mouse), .resize, .key(.escape), .key(.down)])
    }

    @Test func invisibleCharactersAreNotTyped() {
        #expect(keys("a\u{202E}\u{200B}b") == [.character("a"), .character("b")])
    }
}
