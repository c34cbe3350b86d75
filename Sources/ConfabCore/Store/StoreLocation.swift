import Foundation

/// Where the default store lives.
public enum StoreLocation {
    /// The store path: `explicit` (from `--db`), else `$CONFAB_DB`, else
    /// `$XDG_DATA_HOME/confab/confab.db`, else `~/.local/share/confab/confab.db`.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty {
            return explicit
        }
        if let fromEnvironment = environment["CONFAB_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return dataDirectory(environment: environment) + "/confab.db"
    }

    /// The demo database, kept apart from the store that holds a user's imports.
    public static func demo(environment: [String: String]) -> String {
        dataDirectory(environment: environment) + "/demo.db"
    }

    static func dataDirectory(environment: [String: String]) -> String {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/confab"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/confab"
    }
}
