@testable import ConfabTUI
import Testing

@Suite("Line editor")
struct LineEditorTests {
    private func edit(_ keys: [Key], history: [String] = []) -> (LineEditor, LineEditor.Outcome) {
        var editor = LineEditor(mode: .command, history: history)
        var outcome = LineEditor.Outcome.editing
        for key in keys {
            outcome = editor.handle(key)
        }
        return (editor, outcome)
    }

    private func typed(_ text: String) -> [Key] {
        text.map { .character($0) }
    }

    @Test func typingAndSubmitting() {
        let (_, outcome) = edit(typed("theme light") + [.enter])
        #expect(outcome == .submitted("theme light"))
    }

    @Test func cursorMovementAndInsertion() {
        let (editor, _) = edit(typed("hllo") + [.home, .right] + typed("e") + [.end] + typed("!"))
        #expect(editor.text == "hello!")
    }

    @Test func deletionKeys() {
        #expect(edit(typed("abc") + [.backspace]).0.text == "ab")
        #expect(edit(typed("abc") + [.home, .delete]).0.text == "bc")
        #expect(edit(typed("one two three") + [.control("w")]).0.text == "one two ")
        #expect(edit(typed("one two  ") + [.control("w")]).0.text == "one ")
        #expect(edit(typed("abcdef") + [.left, .left, .control("u")]).0.text == "ef")
        #expect(edit(typed("abcdef") + [.left, .left, .control("k")]).0.text == "abcd")
    }

    @Test func cancelling() {
        #expect(edit(typed("abc") + [.escape]).1 == .cancelled)
        #expect(edit(typed("abc") + [.control("c")]).1 == .cancelled)
        #expect(edit([.backspace]).1 == .cancelled, "Backspace on an empty line closes it")
    }

    @Test func historyWalksBackAndForth() {
        let history = ["first", "second"]
        #expect(edit(typed("draft") + [.up], history: history).0.text == "second")
        #expect(edit(typed("draft") + [.up, .up, .up], history: history).0.text == "first")
        #expect(edit(typed("draft") + [.up, .down], history: history).0.text == "draft")
    }

    @Test func lengthIsLimited() {
        let (editor, _) = edit(Array(repeating: .character("x"), count: LineEditor.maximumLength + 10))
        #expect(editor.text.count == LineEditor.maximumLength)
    }

    @Test func longLineScrollsToCursor() {
        let screen = Screen(size: Size(width: 10, height: 1))
        let (editor, _) = edit(typed("abcdefghijklmnop"))
        editor.draw(into: screen.region, row: 0)
        expectScreen(screen, [":ijklmnop"])
        #expect(screen[9, 0].style.element == .cursor)

        let (atStart, _) = edit(typed("abcdefghijklmnop") + [.home])
        atStart.draw(into: screen.region, row: 0)
        expectScreen(screen, [":abcdefghi"])
        #expect(screen[1, 0].style.element == .cursor)
    }

    @Test func wideCharactersScrollWhole() {
        let screen = Screen(size: Size(width: 8, height: 1))
        let (editor, _) = edit(typed("中文中文中文"))
        editor.draw(into: screen.region, row: 0)
        expectScreen(screen, [":文中文"])
        #expect(screen[7, 0].style.element == .cursor)
        expectConsistentWidths(screen)
    }
}
