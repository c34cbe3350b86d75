/// What a value on the command line must look like. The parser checks it before any command
/// runs, so a command never sees a malformed number or an unknown choice.
public enum ValueKind: Sendable, Equatable {
    /// Any text.
    case string
    /// A decimal integer with an optional sign, within `range` when one is given.
    case integer(range: ClosedRange<Int>? = nil)
    /// Exactly one of the listed words, matched with case.
    case choice([String])
}
