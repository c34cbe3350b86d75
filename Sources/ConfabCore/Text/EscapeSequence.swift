/// Recognises the terminal escape and control sequences of ECMA-48 (the standard behind
/// "ANSI" escape codes) and the string commands that xterm accepts.
enum EscapeSequence {
    private static let escape: UInt32 = 0x1B
    private static let bell: UInt32 = 0x07
    private static let cancel: UInt32 = 0x18
    private static let substitute: UInt32 = 0x1A
    private static let stringTerminator: UInt32 = 0x9C
    private static let backslash: UInt32 = 0x5C

    /// Returns how many scalars the complete sequence starting at `start` spans, or nil when it is
    /// unterminated or malformed. `scalars[start]` must be ESC or a C1 control (U+0080–U+009F).
    ///
    /// - CSI (`ESC [` or U+009B): parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, then
    ///   one final byte 0x40–0x7E.
    /// - OSC (`ESC ]` or U+009D): any text up to BEL or ST (`ESC \` or U+009C). This covers
    ///   window titles, OSC 8 hyperlinks and OSC 52 clipboard writes.
    /// - DCS, SOS, PM and APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` or U+0090, U+0098, U+009E,
    ///   U+009F): any text up to ST.
    /// - Any other ESC: intermediate bytes 0x20–0x2F, then one final byte 0x30–0x7E
    ///   (`ESC 7`, `ESC ( B`, `ESC c`).
    /// - Any other C1 control is a whole sequence by itself.
    ///
    /// A string interrupted by CAN, SUB or an ESC that does not start ST counts as unterminated,
    /// as terminals abandon it there.
    static func lengthOfCompleteSequence(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        let first = scalars[start].value
        precondition(first == escape || (0x80...0x9F).contains(first), "not the start of a sequence")

        let introducer: UInt32
        var index = start + 1
        if first == escape {
            guard index < scalars.count else { return nil }
            introducer = scalars[index].value
            index += 1
        } else {
            introducer = first - 0x40
        }

        let end: Int?
        switch introducer {
        case 0x5B:
            end = endOfControlSequence(scalars, from: index)
        case 0x5D:
            end = endOfCommandString(scalars, from: index, acceptsBell: true)
        case 0x50, 0x58, 0x5E, 0x5F:
            end = endOfCommandString(scalars, from: index, acceptsBell: false)
        default:
            if first != escape {
                return 1
            }
            end = endOfEscapeSequence(scalars, from: start + 1)
        }
        return end.map { $0 - start }
    }

    /// The index after the final byte of a CSI sequence whose parameters start at `index`.
    private static func endOfControlSequence(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var index = index
        while index < scalars.count, (0x30...0x3F).contains(scalars[index].value) {
            index += 1
        }
        while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) {
            index += 1
        }
        guard index < scalars.count, (0x40...0x7E).contains(scalars[index].value) else { return nil }
        return index + 1
    }

    /// The index after the terminator of a string command whose text starts at `index`.
    private static func endOfCommandString(_ scalars: [Unicode.Scalar], from index: Int, acceptsBell: Bool) -> Int? {
        var index = index
        while index < scalars.count {
            switch scalars[index].value {
            case bell where acceptsBell, stringTerminator:
                return index + 1
            case escape:
                let isStringTerminator = index + 1 < scalars.count && scalars[index + 1].value == backslash
                return isStringTerminator ? index + 2 : nil
            case cancel, substitute:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// The index after the final byte of an escape sequence whose bytes after ESC start at `index`.
    private static func endOfEscapeSequence(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var index = index
        while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) {
            index += 1
        }
        guard index < scalars.count, (0x30...0x7E).contains(scalars[index].value) else { return nil }
        return index + 1
    }
}
