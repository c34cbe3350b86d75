import Glibc
import Testing
@testable import ConfabCLI

@Suite struct TerminalWidthTests {
    @Test(arguments: [
        ("100", nil, 100),
        ("100", 120, 100),
        (" 72 ", 120, 72),
        (nil, 120, 120),
        ("", 120, 120),
        ("abc", 120, 120),
        ("0", 120, 120),
        ("-5", nil, 80),
        (nil, nil, 80),
        (nil, 0, 80),
        ("10", nil, 20),
        (nil, 12, 20),
    ] as [(String?, Int?, Int)])
    func resolvesWidth(columnsVariable: String?, terminalColumns: Int?, expected: Int) {
        #expect(TerminalWidth.resolve(columnsVariable: columnsVariable, terminalColumns: terminalColumns) == expected)
    }

    @Test func memorySinkReportsConfiguredTerminal() {
        let sink = OutputSink(memoryWithTerminal: true, terminalColumns: 132)

        #expect(sink.isTerminal)
        #expect(TerminalWidth.resolve(environment: [:], sink: sink) == 132)
        #expect(TerminalWidth.resolve(environment: ["COLUMNS": "90"], sink: sink) == 90)
    }
}

@Suite struct TextWrapperTests {
    @Test(arguments: [
        ("one two three four", 9, ["one two", "three", "four"]),
        ("one two three four", 18, ["one two three four"]),
        ("one  two   three", 7, ["one two", "three"]),
        ("first\n\nsecond line", 6, ["first", "", "second", "line"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("~/.local/share/confab/confab.db", 16, ["~/.local/share/", "confab/confab.db"]),
        ("~/.local/share/confab/confab.db", 12, ["~/.local/", "share/", "confab/", "confab.db"]),
        ("see https://example.com/a/very-long-path", 20, ["see", "https://example.com/", "a/very-long-path"]),
        ("/abcdefghij", 4, ["/abc", "defg", "hij"]),
        ("a abcdefghij b", 4, ["a", "abcd", "efgh", "ij b"]),
        ("漢字 漢字漢字", 5, ["漢字", "漢字", "漢字"]),
        ("", 10, [""]),
    ])
    func wrapsAtSpaces(text: String, width: Int, expected: [String]) {
        #expect(TextWrapper.wrap(text, width: width) == expected)
    }
}

@Suite struct OutputSinkTests {
    @Test func memorySinkCollectsText() {
        let sink = OutputSink(memoryWithTerminal: false)
        sink.write("a")
        sink.writeLine("b")
        var stream = sink
        print("c", 1, to: &stream)

        #expect(sink.text == "ab\nc 1\n")
        #expect(sink.isTerminal == false)
        #expect(sink.terminalColumns == nil)
    }

    /// A temporary file open for writing, which, unlike a pipe, never blocks a large write.
    private final class TemporaryFile {
        let descriptor: Int32
        private let path: String

        init() throws {
            var template = Array("/tmp/confab-output-XXXXXX".utf8CString)
            descriptor = mkstemp(&template)
            path = String(cString: template)
            try #require(descriptor >= 0)
        }

        deinit {
            close(descriptor)
            unlink(path)
        }

        var contents: String {
            var bytes = [UInt8](repeating: 0, count: 1 << 20)
            let count = pread(descriptor, &bytes, bytes.count, 0)
            return count > 0 ? String(decoding: bytes[..<count], as: UTF8.self) : ""
        }
    }

    @Test func fileSinkBuffersUntilFlush() throws {
        let file = try TemporaryFile()
        let sink = OutputSink(fileDescriptor: file.descriptor)

        sink.write("buffered line\n")
        let beforeFlush = file.contents
        sink.flush()
        let afterFlush = file.contents

        #expect(sink.isTerminal == false)
        #expect(beforeFlush == "")
        #expect(afterFlush == "buffered line\n")
        #expect(sink.text == "")
    }

    @Test func unbufferedSinkWritesAtOnce() throws {
        let file = try TemporaryFile()
        let sink = OutputSink(fileDescriptor: file.descriptor, isBuffered: false)

        sink.write("at once\n")

        #expect(file.contents == "at once\n")
    }

    @Test func fullBufferIsWrittenBeforeFlush() throws {
        let file = try TemporaryFile()
        let sink = OutputSink(fileDescriptor: file.descriptor)
        let line = String(repeating: "x", count: 99) + "\n"

        for _ in 0..<700 {
            sink.write(line)
        }
        let beforeFlush = file.contents.count
        sink.flush()
        let afterFlush = file.contents.count

        #expect(beforeFlush > 64 * 1024)
        #expect(beforeFlush < 70_000)
        #expect(afterFlush == 70_000)
    }
}
