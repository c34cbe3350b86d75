/// The output of `TerminalSanitizer`, built one scalar at a time with the layout's rules for
/// whitespace.
struct SanitizedTextBuilder {
    private enum PendingSeparator {
        case none
        case space
        case lineBreak
    }

    private let options: TerminalSanitizer.Options
    /// UTF-8, which is cheaper to append to than a String.
    private var output: [UInt8] = []
    /// The width of the current line up to `measuredEnd` in `output`, for tab stops. It is
    /// brought up to date only when a tab needs it.
    private var column = 0
    private var measuredEnd = 0
    /// Whitespace seen in single-line layout but not yet written, because a run of it collapses
    /// into one separator and none is written at either end.
    private var pendingSeparator = PendingSeparator.none

    init(options: TerminalSanitizer.Options, capacity: Int) {
        self.options = options
        output.reserveCapacity(capacity)
    }

    mutating func appendLineBreak() {
        switch options.layout {
        case .multiLine:
            output.append(0x0A)
            column = 0
            measuredEnd = output.count
        case .singleLine:
            pendingSeparator = .lineBreak
        }
    }

    mutating func appendSpace() {
        switch options.layout {
        case .multiLine:
            output.append(0x20)
        case .singleLine:
            if pendingSeparator == .none {
                pendingSeparator = .space
            }
        }
    }

    mutating func appendTab() {
        switch options.layout {
        case .multiLine:
            column += TerminalText.width(of: String(decoding: output[measuredEnd...], as: UTF8.self))
            let spaces = options.tabWidth - column % options.tabWidth
            output.append(contentsOf: repeatElement(0x20, count: spaces))
            column += spaces
            measuredEnd = output.count
        case .singleLine:
            appendSpace()
        }
    }

    mutating func appendControl(_ scalar: Unicode.Scalar) {
        for visibleScalar in ControlPicture.visibleForm(of: scalar, charset: options.charset).unicodeScalars {
            appendScalar(visibleScalar)
        }
    }

    mutating func appendPrintable(_ scalar: Unicode.Scalar) {
        if options.charset == .ascii, !scalar.isASCII {
            appendScalar("?")
        } else {
            appendScalar(scalar)
        }
    }

    func finish() -> String {
        String(decoding: output, as: UTF8.self)
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        if pendingSeparator != .none {
            writePendingSeparator()
        }
        if scalar.isASCII {
            output.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { output.append($0) }
        }
    }

    private mutating func writePendingSeparator() {
        defer { pendingSeparator = .none }
        guard !output.isEmpty else { return }

        switch pendingSeparator {
        case .none:
            return
        case .space:
            output.append(0x20)
        case .lineBreak:
            output.append(0x20)
            if options.charset == .unicode {
                UTF8.encode("\u{23CE}") { output.append($0) }
                output.append(0x20)
            }
        }
    }
}
