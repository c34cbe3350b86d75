/// Counts of the text repairs made while decoding JSON strings.
///
/// Each repair put one U+FFFD REPLACEMENT CHARACTER into the decoded text.
public struct TextRepairs: Sendable, Equatable, CustomStringConvertible {
    /// Maximal subparts of ill-formed UTF-8 subsequences found inside strings, as the Unicode
    /// Standard's "U+FFFD Substitution of Maximal Subparts" defines them.
    public var invalidUTF8: Int

    /// `\uXXXX` escapes of a UTF-16 surrogate that has no partner: a high surrogate not followed
    /// by an escaped low surrogate, or a low surrogate not preceded by a high one.
    public var loneSurrogates: Int

    public init(invalidUTF8: Int = 0, loneSurrogates: Int = 0) {
        self.invalidUTF8 = invalidUTF8
        self.loneSurrogates = loneSurrogates
    }

    public var total: Int { invalidUTF8 + loneSurrogates }

    public var isEmpty: Bool { total == 0 }

    public static func += (lhs: inout TextRepairs, rhs: TextRepairs) {
        lhs.invalidUTF8 += rhs.invalidUTF8
        lhs.loneSurrogates += rhs.loneSurrogates
    }

    public var description: String {
        "\(invalidUTF8) invalid UTF-8 sequence(s), \(loneSurrogates) lone surrogate(s)"
    }
}
