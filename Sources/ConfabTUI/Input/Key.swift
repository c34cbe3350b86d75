/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    /// A printable character, as typed: `j`, `G`, `?`, `é`, `中`.
    case character(Character)
    /// A letter with Ctrl, lowercased: Ctrl-F is `.control("f")`. Ctrl-H, Ctrl-I, Ctrl-J and
    /// Ctrl-M arrive as `.backspace`, `.tab` and `.enter`, because terminals send the same
    /// bytes for them.
    case control(Character)
    /// A character typed with Alt (the terminal sends Esc before it).
    case alt(Character)
    case function(Int)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case delete, insert

    public static let space = Key.character(" ")
}

/// A mouse event that Confab acts on. Only the wheel is reported; clicks are not.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var position: Point

    public init(kind: Kind, position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// An event from the terminal.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal may have a new size; the console checks it.
    case resize
}
