/// A problem in a theme or key file, located by file and line.
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user would type it.
    public var file: String
    /// The 1-based line, or nil for a problem with the whole file (it cannot be read).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Every problem found in one file. A file with problems is not used at all.
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(problems: [ConfigProblem]) {
        self.problems = problems
    }

    /// The first problem, and how many more there are.
    public var description: String {
        guard let first = problems.first else { return "no problems" }
        let more = problems.count - 1
        switch more {
        case 0: return first.description
        case 1: return first.description + " (and 1 more problem)"
        default: return first.description + " (and \(more) more problems)"
        }
    }
}
