/// A colour as a theme file writes it.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background colour.
    case terminalDefault
    /// An entry of the 256-colour palette: 0–7 the basic colours, 8–15 their bright forms,
    /// 16–231 a 6×6×6 colour cube, 232–255 a grey ramp.
    case indexed(UInt8)
    /// An exact colour, which Confab maps to the nearest palette entry the terminal has.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The names of palette entries 0–15 in theme files.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Other names that theme files accept.
    public static let aliases: [String: UInt8] = ["gray": 8, "grey": 8]

    public var description: String {
        switch self {
        case .terminalDefault:
            return "default"
        case .indexed(let index):
            return index < 16 ? ThemeColor.names[Int(index)] : String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }
}
