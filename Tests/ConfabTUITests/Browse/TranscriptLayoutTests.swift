@testable import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Transcript layout")
struct TranscriptLayoutTests {
    @Test(arguments: [
        ("hello world foo", 11, ["hello world", "foo"]),
        ("漢字かな交じり文です", 10, ["漢字かな交", "じり文です"]),
        ("😀😀😀 abc", 5, ["😀😀", "😀", "abc"]),
        ("مرحبا بالعالم العربي", 8, ["مرحبا", "بالعالم", "العربي"]),
        ("e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", 3, ["e\u{301}e\u{301}e\u{301}", "e\u{301}e\u{301}"]),
        ("supercalifragilistic", 8, ["supercal", "ifragili", "stic"]),
        ("abc 漢字漢字漢字", 7, ["abc 漢", "字漢字", "漢字"]),
        ("fits", 10, ["fits"]),
        ("", 5, [""]),
    ])
    func wrapsByDisplayCells(text: String, width: Int, expected: [String]) {
        let lines = TextWrapper.wrap(text, width: width)
        #expect(lines == expected)
        for line in lines {
            #expect(TerminalText.width(of: line) <= width, "'\(line)' is wider than \(width)")
        }
    }

    @Test func wrapKeepsEveryCharacterInOrder() {
        let samples = [
            "The quick brown fox jumps over the lazy dog, then 雨が降っても走り続けた 🦊🐶 and שלום עולם again.",
            "Ünïcödé wörds with çombining marks: a\u{308}o\u{308}u\u{308} and ZWJ 👩‍💻 sequences.",
            String(repeating: "x", count: 95),
        ]
        for sample in samples {
            for width in [3, 7, 12, 40] {
                let lines = TextWrapper.wrap(sample, width: width)
                let rejoined = lines.joined().filter { $0 != " " }
                #expect(rejoined == sample.filter { $0 != " " }, "width \(width) lost characters")
                for line in lines {
                    #expect(TerminalText.width(of: line) <= max(width, 4), "'\(line)' is wider than \(width)")
                }
            }
        }
    }

    @Test func continuationLinesHang() {
        let lines = TextWrapper.wrap("- first item has several words", width: 12, continuationIndent: 2)
        #expect(lines == ["- first item", "  has", "  several", "  words"])
        #expect(TurnLayout.hangingIndent(of: "   12. twelfth") == 7)
        #expect(TurnLayout.hangingIndent(of: "  plain") == 2)
        #expect(TurnLayout.hangingIndent(of: "-dash") == 0)
    }

    @Test func fencedBlocksSplitFromProse() {
        let text = "Intro\n  ```swift extra\n  let x = 1\n      nested()\n  ```\nAfter\n~~~~\nunclosed"
        #expect(MessageBlock.split(text) == [
            .prose(["Intro"]),
            .code(language: "swift", lines: ["let x = 1", "    nested()"]),
            .prose(["After"]),
            .code(language: "", lines: ["unclosed"]),
        ])
        #expect(MessageBlock.split("inline ``` is prose") == [.prose(["inline ``` is prose"])])
        #expect(MessageBlock.split("``` a`b\ncode") == [.prose(["``` a`b", "code"])])
    }

    @Test func longCodeLineBreaksAtSpaceAndKeepsIndent() {
        let turn = TurnRecord.sample(text: "```python\ndef f():\n    return compute(alpha, beta, gamma, delta)\n```")
        let layout = TurnLayout(turn: turn, width: 30, isExpanded: false, charset: .unicode)
        #expect(layout.lines == [
            .header,
            .codeStart(language: "python"),
            .code("def f():", isContinuation: false),
            .code("    return compute(alpha,", isContinuation: false),
            .code("      beta, gamma, delta)", isContinuation: true),
            .blank,
        ])
    }

    @Test func longTurnFoldsAfterTwentyLines() {
        let text = (1...60).map { "line \($0)" }.joined(separator: "\n")
        let turn = TurnRecord.sample(text: text)
        let folded = TurnLayout(turn: turn, width: 40, isExpanded: false, charset: .unicode)
        #expect(folded.lines.count == 1 + 20 + 1 + 1)
        #expect(folded.lines[21] == .fold(hiddenLines: 40))
        #expect(folded.isFoldable)

        let expanded = TurnLayout(turn: turn, width: 40, isExpanded: true, charset: .unicode)
        #expect(expanded.lines.count == 1 + 60 + 1 + 1)
        #expect(expanded.lines[61] == .unfold)

        let short = TurnLayout(turn: TurnRecord.sample(text: (1...24).map { "l\($0)" }.joined(separator: "\n")), width: 40, isExpanded: false, charset: .unicode)
        #expect(!short.isFoldable)
        #expect(short.lines.count == 1 + 24 + 1)
    }

    @Test func hostileTextLeavesNoControlInLines() {
        let text = "a\u{1B}]52;c;cXVpdA==\u{07}b\r\u{8}c\u{202E}d\u{9B}6n\u{1B}[2J\te"
        let layout = TurnLayout(turn: TurnRecord.sample(text: text), width: 40, isExpanded: false, charset: .unicode)
        for line in layout.lines {
            guard case .text(let content, _) = line else { continue }
            #expect(!content.unicodeScalars.contains(where: isControlOrInvisible), "control in '\(content)'")
            #expect(content.contains("␛]52;c;cXVpdA==␇"), "the OSC 52 sequence is shown, not run: '\(content)'")
        }
    }
}

extension TurnRecord {
    static func sample(text: String, role: Role = .assistant, kind: TurnKind = .message) -> TurnRecord {
        TurnRecord(
            id: 1, uid: "u1", conversationID: 1, parentID: nil, sourceID: "s1", position: 0, branchIndex: 0,
            siblingCount: 1, onDefaultThread: true, role: role, kind: kind, author: nil, model: nil, text: text,
            createdAt: nil, rawPayloadJSON: nil, inputTokens: nil, outputTokens: nil, generationSeconds: nil, attachments: [])
    }
}
