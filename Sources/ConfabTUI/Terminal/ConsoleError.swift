import Glibc

/// The reason the console could not start or keep running.
public enum ConsoleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal
    /// ncurses has no description for the terminal type in `TERM`.
    case unknownTerminal(String?)
    case systemCall(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the console needs a terminal, but standard input or output is not one; use the commands (confab help) in scripts"
        case .unknownTerminal(let name):
            guard let name, !name.isEmpty else {
                return "TERM is not set, so the terminal type is unknown; set TERM (for example TERM=xterm-256color)"
            }
            return "unknown terminal type '\(name)' in TERM; try TERM=xterm-256color, or install its terminfo description"
        case .systemCall(let name, let code):
            return "\(name) failed: \(String(cString: strerror(code)))"
        }
    }
}
