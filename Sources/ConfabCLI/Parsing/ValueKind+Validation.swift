extension ValueKind {
    /// Returns nil when `value` satisfies the kind, else a description of what was expected.
    func expectationUnmet(by value: String) -> String? {
        switch self {
        case .string:
            return nil
        case let .integer(range):
            guard let number = Int(value), range?.contains(number) ?? true else {
                return Messages.expectedInteger(in: range)
            }
            return nil
        case let .choice(values):
            return values.contains(value) ? nil : Messages.expectedChoice(values)
        }
    }
}
