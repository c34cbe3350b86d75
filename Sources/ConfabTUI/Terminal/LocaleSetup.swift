import CNcursesw
import ConfabCore
import Glibc

/// Chooses the character set the console draws with, by setting the C library's locale.
///
/// ncurses measures and writes wide characters through the C locale, so it must be a UTF-8
/// locale before ncurses starts. The user's locale (`LC_ALL`, `LC_CTYPE`, `LANG`) is tried
/// first, then `C.UTF-8`; without either the console draws ASCII only.
enum LocaleSetup {
    enum Outcome: Equatable {
        /// The user's locale is a UTF-8 one.
        case userLocale
        /// The user's locale is missing or not UTF-8, and C.UTF-8 is used instead.
        case fallback(requested: String)
        /// No UTF-8 locale could be set: ASCII mode.
        case ascii(requested: String)

        var charset: TerminalSanitizer.Options.Charset {
            if case .ascii = self {
                return .ascii
            }
            return .unicode
        }

        /// The one-time status message for the outcome, or nil for the user's own UTF-8 locale.
        var message: String? {
            switch self {
            case .userLocale:
                return nil
            case .fallback(let requested):
                return "Locale \(requested) is not a usable UTF-8 locale; using C.UTF-8"
            case .ascii(let requested):
                return "No UTF-8 locale (\(requested) and C.UTF-8 failed): drawing in ASCII"
            }
        }
    }

    static func configure(environment: [String: String]) -> Outcome {
        let requested = requestedLocale(environment: environment)
        if setlocale(LC_ALL, "") != nil, isUTF8() {
            return .userLocale
        }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8() {
            return .fallback(requested: requested)
        }
        setlocale(LC_ALL, "C")
        return .ascii(requested: requested)
    }

    private static func isUTF8() -> Bool {
        guard let codeset = confab_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Returns the locale that the environment requests for `LC_CTYPE`, chosen the way the C
    /// library chooses it.
    private static func requestedLocale(environment: [String: String]) -> String {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value
            }
        }
        return "C"
    }
}
