/// The `:` commands the console runs itself. Any action can also be run by name (`:top`).
extension Console {
    static let commandNames = ["quit", "q", "exit", "help", "theme", "screen", "redraw"]

    func runCommand(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first else { return }
        let arguments = Array(words.dropFirst())

        switch name {
        case "quit", "q", "exit":
            finish(status: 0)
        case "help":
            helpOverlay = HelpOverlay()
        case "redraw":
            needsRepaint = true
        case "theme":
            runThemeCommand(arguments)
        case "screen":
            runScreenCommand(arguments)
        default:
            runOtherCommand(name: name, arguments: arguments)
        }
    }

    private func runThemeCommand(_ arguments: [String]) {
        guard let name = arguments.first else {
            let names = themeCatalog.availableNames().joined(separator: ", ")
            showStatus("Themes: \(names) (now \(theme.name))", kind: .info)
            return
        }
        if applyTheme(named: name) {
            showStatus("Theme \(theme.name)", kind: .info)
        }
    }

    private func runScreenCommand(_ arguments: [String]) {
        let argument = arguments.first ?? ""
        let screen = ScreenID.allCases.first { $0.name == argument.lowercased() || String($0.rawValue) == argument }
        guard let screen else {
            let names = ScreenID.allCases.map(\.name).joined(separator: ", ")
            showStatus("Unknown screen '\(argument)'; use 1–5 or \(names)", kind: .error)
            return
        }
        switchScreen(to: screen)
    }

    private func runOtherCommand(name: String, arguments: [String]) {
        if let definition = keymap.definitions.first(where: { $0.action.name == name }) {
            perform(definition.action)
            return
        }
        let disposition = screens[activeScreen]?.handle(.command(name: name, arguments: arguments), context: self) ?? .ignored
        if disposition == .ignored {
            let known = Console.commandNames + keymap.definitions.map(\.action.name)
            showStatus("Unknown command '\(name)'" + SpellingSuggestion.hint(for: name, among: known), kind: .error)
        }
    }
}
