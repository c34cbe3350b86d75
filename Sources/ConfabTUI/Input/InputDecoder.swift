/// One result of reading from ncurses: a character, a key it decoded itself, or a mouse event.
enum RawInput: Hashable, Sendable {
    case scalar(Unicode.Scalar)
    case key(Key)
    case mouse(MouseEvent)
    case resize
}

/// Turns what ncurses reads into key presses, and drops escape sequences it did not decode.
///
/// ncurses decodes the keys its terminal description lists. Anything else that starts with
/// Esc reaches the program as Esc followed by ordinary characters: a key the description lacks,
/// a terminal's reply to a query, a focus or paste marker. Taken as typed, those characters
/// would run commands.
/// The decoder recognises the sequence forms of ECMA-48 (CSI, SS3, and the OSC, DCS, SOS, PM
/// and APC strings, in their 7-bit and 8-bit forms) and drops them whole, also across reads.
///
/// Esc followed by a printable character in the same read is Alt with that character. Esc
/// that ends a read is the Esc key: ncurses has waited `ESCDELAY` for more before returning it.
struct InputDecoder {
    private enum State: Equatable {
        case ground
        case escape
        case controlSequence
        case singleShift
        case controlString(length: Int, sawEscape: Bool)
    }

    /// Control strings (OSC, DCS and the like) end only at their terminator, so one longer than
    /// this is abandoned, and a stray introducer cannot swallow all later input. A control
    /// sequence (CSI) needs no limit: any letter ends it, and any byte that cannot be part of
    /// it breaks it off.
    static let maximumControlStringLength = 4096

    private var state = State.ground

    /// Decodes one read's worth of input.
    mutating func decode(_ batch: [RawInput]) -> [InputEvent] {
        var events: [InputEvent] = []
        for input in batch {
            feed(input, into: &events)
        }
        if state == .escape {
            events.append(.key(.escape))
            state = .ground
        }
        return events
    }

    private mutating func feed(_ input: RawInput, into events: inout [InputEvent]) {
        guard case .scalar(let scalar) = input else {
            if state == .escape {
                events.append(.key(.escape))
            }
            state = .ground
            switch input {
            case .key(let key): events.append(.key(key))
            case .mouse(let mouse): events.append(.mouse(mouse))
            case .resize: events.append(.resize)
            case .scalar: break
            }
            return
        }

        switch state {
        case .ground:
            feedGround(scalar, into: &events)
        case .escape:
            feedAfterEscape(scalar, into: &events)
        case .controlSequence:
            feedControlSequence(scalar, into: &events)
        case .singleShift:
            state = .ground
        case .controlString(let length, let sawEscape):
            feedControlString(scalar, length: length, sawEscape: sawEscape, into: &events)
        }
    }

    private mutating func feedGround(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar.value {
        case 0x1B:
            state = .escape
        case 0x9B:
            state = .controlSequence
        case 0x8F:
            state = .singleShift
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            state = .controlString(length: 0, sawEscape: false)
        case 0x0A, 0x0D:
            events.append(.key(.enter))
        case 0x09:
            events.append(.key(.tab))
        case 0x08, 0x7F:
            events.append(.key(.backspace))
        case 0x01...0x1A:
            let letter = Character(Unicode.Scalar(scalar.value + 0x60)!)
            if let key = KeyName.controlKey(letter) {
                events.append(.key(key))
            }
        case 0x00, 0x1C...0x1F, 0x80...0x9F:
            break
        default:
            if CellText.isSafe(scalar, charset: .unicode) {
                events.append(.key(.character(Character(scalar))))
            }
        }
    }

    private mutating func feedAfterEscape(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar {
        case "[":
            state = .controlSequence
        case "O":
            state = .singleShift
        case "]", "P", "X", "^", "_":
            state = .controlString(length: 0, sawEscape: false)
        case "\u{1B}":
            events.append(.key(.escape))
        default:
            state = .ground
            if scalar.value >= 0x20, scalar.value != 0x7F, CellText.isSafe(scalar, charset: .unicode) {
                events.append(.key(.alt(Character(scalar))))
            } else {
                events.append(.key(.escape))
                feedGround(scalar, into: &events)
            }
        }
    }

    private mutating func feedControlSequence(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar.value {
        case 0x20...0x3F:
            break
        case 0x40...0x7E:
            state = .ground
        default:
            // Not part of a sequence: the sequence was broken off, and this starts fresh input.
            state = .ground
            feedGround(scalar, into: &events)
        }
    }

    private mutating func feedControlString(_ scalar: Unicode.Scalar, length: Int, sawEscape: Bool, into events: inout [InputEvent]) {
        let isTerminator = scalar.value == 0x07 || scalar.value == 0x9C || (sawEscape && scalar == "\\")
        if isTerminator || length + 1 >= InputDecoder.maximumControlStringLength {
            state = .ground
            return
        }
        if sawEscape {
            // Esc ends the string and starts a new sequence, as in ECMA-48.
            state = .escape
            feedAfterEscape(scalar, into: &events)
            return
        }
        state = .controlString(length: length + 1, sawEscape: scalar.value == 0x1B)
    }
}
