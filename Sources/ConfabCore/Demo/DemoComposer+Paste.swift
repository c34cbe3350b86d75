/// Long texts that users paste: stack traces, server logs, CSV rows and drafts. They make the
/// long user turns, from a few dozen lines to a few hundred.
extension DemoComposer {
    mutating func appendPaste(to text: inout String) {
        switch domain.paste {
        case .stackTrace: appendStackTrace(to: &text)
        case .serverLog: appendServerLog(to: &text)
        case .csvRows: appendCSVRows(to: &text)
        case .draft: appendDraft(to: &text)
        case nil: appendDraft(to: &text)
        }
    }

    /// Appends a crash report in the format of the runtime of the conversation's programming language.
    private mutating func appendStackTrace(to text: inout String) {
        text += "```\n"
        let frameCount = random.int(in: 8...60)
        switch codeLanguage {
        case .python:
            text += "Traceback (most recent call last):\n"
            for _ in 0..<frameCount {
                text += "  File \"/app/"
                appendFileOrIdentifier(file: true, to: &text)
                text += "\", line " + String(random.int(in: 1...900)) + ", in "
                appendFileOrIdentifier(file: false, to: &text)
                text += "\n"
            }
            text += "KeyError: 'customer_id'\n"
        case .javascript, .typescript:
            text += "TypeError: Cannot read properties of undefined (reading 'id')\n"
            for _ in 0..<frameCount {
                text += "    at "
                appendFileOrIdentifier(file: false, to: &text)
                text += " (/app/src/"
                appendFileOrIdentifier(file: true, to: &text)
                text += ":" + String(random.int(in: 1...900)) + ":" + String(random.int(in: 1...80)) + ")\n"
            }
        case .go:
            text += "panic: runtime error: index out of range [5] with length 5\n\ngoroutine 1 [running]:\n"
            for _ in 0..<frameCount {
                text += "main."
                appendFileOrIdentifier(file: false, to: &text)
                text += "(...)\n\t/app/"
                appendFileOrIdentifier(file: true, to: &text)
                text += ":" + String(random.int(in: 1...900)) + " +0x" + String(random.int(in: 16...4_095), radix: 16) + "\n"
            }
        case .rust:
            text += "thread 'main' panicked at src/main.rs:" + String(random.int(in: 1...400)) + ":9:\n"
            text += "called `Option::unwrap()` on a `None` value\nstack backtrace:\n"
            for frame in 0..<frameCount {
                text += String(repeating: " ", count: frame < 10 ? 3 : 2) + String(frame) + ": app::"
                appendFileOrIdentifier(file: false, to: &text)
                text += "\n"
            }
        default:
            text += "Fatal error: Unexpectedly found nil while unwrapping an Optional value\n"
            for frame in 0..<frameCount {
                text += String(frame) + "  App  0x0000" + String(random.next() & 0xFFFF_FFFF, radix: 16) + " "
                appendFileOrIdentifier(file: false, to: &text)
                text += " + " + String(random.int(in: 12...2_000)) + " ("
                appendFileOrIdentifier(file: true, to: &text)
                text += ":" + String(random.int(in: 1...900)) + ")\n"
            }
        }
        text += "```"
    }

    private mutating func appendServerLog(to text: inout String) {
        text += "```\n"
        var second = random.int(below: 86_000)
        let date = "2025-0" + String(random.int(in: 1...9)) + "-1" + String(random.int(in: 0...9))
        for _ in 0..<random.int(in: 20...200) {
            second += random.int(in: 0...40)
            text += date + "T" + Self.clockTime(second: second) + "Z "
            append(Self.logLines.pick(&random), to: &text)
            text += "\n"
        }
        text += "```"
    }

    private static let logLines = DemoPool<DemoTemplate>(zipf: [
        "INFO  [«id»] request completed status=200 duration_ms=«number»",
        "WARN  [«id»] slow query took «number» ms",
        "ERROR [«id»] upstream timed out while reading response header",
        "INFO  [«id»] health check ok",
        "ERROR [«id»] connection refused (dial tcp 10.0.«small».«small»:5432)",
        "WARN  [«id»] retrying in «small» s (attempt «small»)",
        "ERROR [«id»] OOMKilled: container exceeded memory limit",
    ])

    private mutating func appendCSVRows(to text: inout String) {
        text += "```csv\norder_id,customer_id,region,total,created_at\n"
        let regions = ["EMEA", "APAC", "AMER", "LATAM", ""]
        for row in 0..<random.int(in: 20...150) {
            text += String(10_000 + row) + "," + String(random.int(in: 1...5_000)) + ","
            text += random.element(of: regions) + ","
            text += String(random.int(in: 1...999)) + "." + String(random.int(in: 10...99)) + ","
            text += "2025-" + Self.twoDigits(random.int(in: 1...12)) + "-" + Self.twoDigits(random.int(in: 1...28)) + "\n"
        }
        text += "```"
    }

    private mutating func appendDraft(to text: inout String) {
        for index in 0..<random.int(in: 3...8) {
            if index > 0 {
                text += "\n\n"
            }
            appendParagraph(sentences: random.int(in: 3...6), to: &text)
        }
    }

    private mutating func appendFileOrIdentifier(file: Bool, to text: inout String) {
        append(file ? Self.fileTemplate : Self.identifierTemplate, to: &text)
    }

    private static let fileTemplate = DemoTemplate("«file»", capitalizesLeadingSlot: false)
    private static let identifierTemplate = DemoTemplate("«id»", capitalizesLeadingSlot: false)

    private static func clockTime(second: Int) -> String {
        let wrapped = second % 86_400
        return twoDigits(wrapped / 3_600) + ":" + twoDigits(wrapped / 60 % 60) + ":" + twoDigits(wrapped % 60)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
