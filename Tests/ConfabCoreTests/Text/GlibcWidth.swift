import Glibc

/// glibc's `wcwidth` in the C.UTF-8 locale, the reference that `TerminalText.width` must match.
///
/// Swift's Glibc module does not import `wcwidth`, so it is looked up with `dlsym`. The locale is
/// installed with `uselocale`, which affects only the calling thread, so tests running in
/// parallel see no change. Nil when the symbol or the locale is missing.
enum GlibcWidth {
    private typealias WidthFunction = @convention(c) (Int32) -> Int32

    static let isAvailable = widthFunction != nil && newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) != nil

    private static let widthFunction: WidthFunction? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: WidthFunction.self)
    }()

    /// Calls `body` with a function that returns glibc's width of a code point (-1 for controls
    /// and unassigned code points).
    static func withWidthFunction<Result>(_ body: ((UInt32) -> Int) -> Result) -> Result? {
        guard let widthFunction, let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return nil }
        defer { freelocale(locale) }

        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body { Int(widthFunction(Int32(bitPattern: $0))) }
    }
}
