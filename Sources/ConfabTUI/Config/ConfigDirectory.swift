/// Confab's configuration directory: `$XDG_CONFIG_HOME/confab`, or `~/.config/confab` when
/// `XDG_CONFIG_HOME` is unset, empty or relative (the XDG Base Directory rules).
enum ConfigDirectory {
    static func path(environment: [String: String]) -> String? {
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            return configHome + "/confab"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.config/confab"
        }
        return nil
    }
}
