import ConfabCore
@testable import ConfabTUI
import Testing

@Suite("Screen drawing")
struct ScreenDrawingTests {
    private func screen(_ width: Int, _ height: Int = 1, charset: TerminalSanitizer.Options.Charset = .unicode) -> Screen {
        Screen(size: Size(width: width, height: height), charset: charset)
    }

    @Test func asciiTextFillsOneCellPerCharacter() {
        let screen = screen(10)
        let end = screen.region.write("hello", column: 2, row: 0)
        #expect(end == 7)
        expectScreen(screen, ["  hello"])
        expectConsistentWidths(screen)
    }

    @Test func cjkTakesTwoCellsEach() {
        let screen = screen(8)
        let end = screen.region.write("中文字", column: 0, row: 0)
        #expect(end == 6)
        #expect(screen[0, 0].content == "中")
        #expect(screen[0, 0].width == 2)
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0].content == "文")
        expectScreen(screen, ["中文字"])
        expectConsistentWidths(screen)
    }

    @Test func wideCharacterAtRightEdgeBecomesBlank() {
        let screen = screen(5)
        let end = screen.region.write("abcd中", column: 0, row: 0)
        #expect(end == 5)
        expectScreen(screen, ["abcd"])
        #expect(screen[4, 0].content == " ")
        #expect(screen[4, 0].width == 1)
        expectConsistentWidths(screen)
    }

    @Test func subregionClipsWideCharacterWithoutSpilling() {
        let screen = screen(10)
        screen.region.write("xxxxxxxxxx", column: 0, row: 0)
        let field = screen.region.subregion(Rect(column: 2, row: 0, width: 4, height: 1))
        field.write("a中中", column: 0, row: 0)
        expectScreen(screen, ["xxa中 xxxx"])
        expectConsistentWidths(screen)
    }

    @Test func maximumWidthLimitsTheWrite() {
        let screen = screen(10)
        let end = screen.region.write("中中中", column: 0, row: 0, maximumWidth: 3)
        #expect(end == 3)
        expectScreen(screen, ["中"])
        expectConsistentWidths(screen)
    }

    @Test func combiningMarkStaysWithItsBase() {
        let screen = screen(6)
        screen.region.write("e\u{301}a\u{308}", column: 0, row: 0)
        #expect(screen[0, 0].content == "e\u{301}")
        #expect(screen[0, 0].width == 1)
        #expect(screen[1, 0].content == "a\u{308}")
        #expect(screen[2, 0].content == " ")
        expectConsistentWidths(screen)
    }

    @Test func leadingCombiningMarkIsDropped() {
        let screen = screen(4)
        let end = screen.region.write("\u{301}x", column: 0, row: 0)
        #expect(end == 1)
        #expect(screen[0, 0].content == "x")
    }

    @Test func stackedMarksAreCappedPerCell() {
        let screen = screen(3)
        let zalgo = "a" + String(repeating: "\u{301}\u{316}", count: 50)
        screen.region.write(zalgo + "b", column: 0, row: 0)
        #expect(screen[0, 0].content.unicodeScalars.count == CellText.maximumScalarsPerCell)
        #expect(screen[1, 0].content == "b")
    }

    @Test func emojiSequencesSplitLikeNcurses() {
        let screen = screen(10)
        let end = screen.region.write("😀👩\u{200D}💻", column: 0, row: 0)
        #expect(end == 6)
        #expect(screen[0, 0].content == "😀")
        #expect(screen[2, 0].content == "👩\u{200D}")
        #expect(screen[4, 0].content == "💻")
        expectConsistentWidths(screen)
    }

    @Test func layoutStopsPastTheWidthNeeded() {
        let huge = String(repeating: "中", count: 1_000_000)
        #expect(CellText.units(of: huge, charset: .unicode, maximumWidth: 10).count == 6)
        let screen = screen(10)
        screen.region.writeTruncated(huge, column: 0, row: 0, width: 10)
        expectScreen(screen, ["中中中中…"])
    }

    @Test func overwritingRightHalfBlanksLeftHalf() {
        let screen = screen(4)
        screen.region.write("中", column: 0, row: 0)
        screen.region.write("x", column: 1, row: 0)
        expectScreen(screen, [" x"])
        expectConsistentWidths(screen)
    }

    @Test func overwritingLeftHalfBlanksRightHalf() {
        let screen = screen(4)
        screen.region.write("中", column: 0, row: 0)
        screen.region.write("y", column: 0, row: 0)
        expectScreen(screen, ["y"])
        #expect(screen[1, 0].content == " ")
        expectConsistentWidths(screen)
    }

    @Test func wideCharacterOverStraddlingWideCharacters() {
        let screen = screen(6)
        screen.region.write("中文字", column: 0, row: 0)
        screen.region.write("日", column: 1, row: 0)
        expectScreen(screen, [" 日 字"])
        expectConsistentWidths(screen)
    }

    @Test func textStartingLeftOfRegionIsClipped() {
        let screen = screen(5)
        screen.region.write("中ab", column: -1, row: 0)
        expectScreen(screen, [" ab"])
        screen.clear()
        screen.region.write("xyz", column: -2, row: 0)
        expectScreen(screen, ["z"])
        expectConsistentWidths(screen)
    }

    @Test func rowsOutsideRegionAreIgnored() {
        let screen = screen(4, 3)
        let middle = screen.region.subregion(Rect(column: 0, row: 1, width: 4, height: 1))
        middle.write("top", column: 0, row: -1)
        middle.write("low", column: 0, row: 1)
        middle.write("mid", column: 0, row: 0)
        expectScreen(screen, ["", "mid", ""])
    }

    @Test func truncationEndsWithEllipsis() {
        let screen = screen(12, 3)
        screen.region.writeTruncated("Refactor the parser", column: 0, row: 0, width: 10)
        screen.region.writeTruncated("中文中文中文", column: 0, row: 1, width: 5)
        screen.region.writeTruncated("short", column: 0, row: 2, width: 10)
        expectScreen(screen, ["Refactor …", "中文…", "short"])
        expectConsistentWidths(screen)
    }

    @Test func rightAlignedTextEndsAtEdge() {
        let screen = screen(10)
        let start = screen.region.writeRightAligned("中ab", row: 0)
        #expect(start == 6)
        expectScreen(screen, ["      中ab"])
    }

    @Test func restyleKeepsText() {
        let screen = screen(6)
        screen.region.write("abcdef", column: 0, row: 0)
        screen.region.restyle(row: 0, column: 2, count: 2, style: Style(.match))
        #expect(screen.elements(row: 0) == [.text, .text, .match, .match, .text, .text])
        expectScreen(screen, ["abcdef"])
    }

    @Test func boxDrawsFrameAndTitle() {
        let screen = screen(12, 4)
        let inside = screen.region.drawBox(style: Style(.border), title: "Users")
        #expect(inside.bounds == Rect(column: 1, row: 1, width: 10, height: 2))
        inside.write("中文", column: 0, row: 0)
        expectScreen(screen, [
            "┌─ Users ──┐",
            "│中文      │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func boxInTinyRegionsDoesNotCrash() {
        for (width, height) in [(0, 0), (1, 1), (2, 1), (1, 2), (2, 2), (3, 3)] {
            let screen = screen(max(width, 1), max(height, 1))
            screen.region.subregion(Rect(column: 0, row: 0, width: width, height: height)).drawBox(style: Style(.border), title: "Title")
            expectConsistentWidths(screen)
        }
        let screen = screen(2, 2)
        screen.region.drawBox(style: Style(.border))
        expectScreen(screen, ["┌┐", "└┘"])
    }

    @Test func asciiCharsetReplacesNonASCII() {
        let screen = screen(10, 3, charset: .ascii)
        screen.region.write("héllo 中", column: 0, row: 0)
        screen.region.subregion(Rect(column: 0, row: 1, width: 4, height: 2)).drawBox(style: Style(.border))
        expectScreen(screen, ["h?llo ?", "+--+", "+--+"])
        for scalar in allScalars(of: screen) {
            #expect(scalar.isASCII, "non-ASCII scalar U+\(String(scalar.value, radix: 16)) in ASCII mode")
        }
    }

    @Test func resizeBlanksEveryCell() {
        let screen = screen(4, 2)
        screen.region.write("abcd", column: 0, row: 0)
        screen.resize(to: Size(width: 3, height: 3))
        #expect(screen.size == Size(width: 3, height: 3))
        expectScreen(screen, ["", "", ""])
    }

    @Test func rectangleArithmetic() {
        let rect = Rect(column: 2, row: 3, width: 10, height: 4)
        #expect(rect.intersection(Rect(column: 0, row: 0, width: 5, height: 5)) == Rect(column: 2, row: 3, width: 3, height: 2))
        #expect(rect.intersection(Rect(column: 20, row: 20, width: 5, height: 5)).isEmpty)
        #expect(rect.inset(by: 1) == Rect(column: 3, row: 4, width: 8, height: 2))
        #expect(rect.inset(by: 3).isEmpty)
        #expect(rect.divided(atRow: 1).top == Rect(column: 2, row: 3, width: 10, height: 1))
        #expect(rect.divided(atRow: 1).bottom == Rect(column: 2, row: 4, width: 10, height: 3))
        #expect(rect.divided(atColumn: 20).right.isEmpty)
        #expect(Rect(column: 0, row: 0, width: -3, height: 2).width == 0)
    }
}
