/// One command-line argument, classified by its form before any command's declarations are
/// consulted, with its position so that errors can name the argument.
public struct ArgumentToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `--name`, or `--name=value` with the text after the first `=`.
        case longOption(name: String, value: String?)
        /// `-x`, or a group `-xyz` of short options, as the characters after the dash.
        case shortOptions(String)
        /// `--`: every later argument is a value, even if it starts with a dash.
        case terminator
        /// Anything else, including `-` alone, negative numbers such as `-5`, and every argument
        /// after `--`.
        case value(String)
    }

    public var kind: Kind
    /// The index in the argument list, counting from 0 after the program name.
    public var position: Int
    /// The argument as it was given.
    public var text: String

    public init(kind: Kind, position: Int, text: String) {
        self.kind = kind
        self.position = position
        self.text = text
    }

    /// Classifies each argument. The program name must not be included.
    public static func split(_ arguments: [String]) -> [ArgumentToken] {
        var tokens: [ArgumentToken] = []
        tokens.reserveCapacity(arguments.count)
        var isAfterTerminator = false

        for (position, text) in arguments.enumerated() {
            let kind: Kind = isAfterTerminator ? .value(text) : classify(text)
            if kind == .terminator {
                isAfterTerminator = true
            }
            tokens.append(ArgumentToken(kind: kind, position: position, text: text))
        }
        return tokens
    }

    private static func classify(_ text: String) -> Kind {
        if text == "--" {
            return .terminator
        }
        if text.hasPrefix("--") {
            let body = text.dropFirst(2)
            guard let equals = body.firstIndex(of: "=") else {
                return .longOption(name: String(body), value: nil)
            }
            return .longOption(name: String(body[..<equals]), value: String(body[body.index(after: equals)...]))
        }
        if text.hasPrefix("-"), text.count > 1, !looksLikeNegativeNumber(text) {
            return .shortOptions(String(text.dropFirst()))
        }
        return .value(text)
    }

    /// `-5`, `-0.5` or `-.5`: a value, since no option is named by a digit.
    private static func looksLikeNegativeNumber(_ text: String) -> Bool {
        let body = text.dropFirst()
        let digits = body.first == "." ? body.dropFirst() : body
        return digits.first?.isASCII == true && digits.first?.isNumber == true
    }
}
