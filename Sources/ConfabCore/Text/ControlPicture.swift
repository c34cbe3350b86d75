/// Visible stand-ins for control characters.
enum ControlPicture {
    /// Returns printable text for a C0 control, DEL or a C1 control; other scalars come back as
    /// they are.
    ///
    /// With `.unicode`, C0 controls map to the Control Pictures block (U+2400 + code, so ESC is
    /// `␛`) and DEL to `␡`. With `.ascii` they use caret notation (`^[`, `^?`). A C1 control
    /// is shown as the two-character escape sequence that means the same, ESC followed by its
    /// code minus 0x40, so U+009B (CSI) reads `␛[` or `^[[`.
    static func visibleForm(of scalar: Unicode.Scalar, charset: TerminalSanitizer.Options.Charset) -> String {
        let value = scalar.value
        switch value {
        case 0x00...0x1F:
            switch charset {
            case .unicode: return String(Unicode.Scalar(0x2400 + value)!)
            case .ascii: return "^" + String(Unicode.Scalar(value + 0x40)!)
            }

        case 0x7F:
            return charset == .unicode ? "\u{2421}" : "^?"

        case 0x80...0x9F:
            let escape = visibleForm(of: "\u{1B}", charset: charset)
            return escape + String(Unicode.Scalar(value - 0x40)!)

        default:
            return String(scalar)
        }
    }
}
