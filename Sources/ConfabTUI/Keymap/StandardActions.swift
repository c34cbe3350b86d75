extension Action {
    public static let moveUp = Action("move-up")
    public static let moveDown = Action("move-down")
    public static let pageUp = Action("page-up")
    public static let pageDown = Action("page-down")
    public static let halfPageUp = Action("half-page-up")
    public static let halfPageDown = Action("half-page-down")
    public static let top = Action("top")
    public static let bottom = Action("bottom")

    public static let open = Action("open")
    public static let back = Action("back")
    public static let nextPane = Action("next-pane")
    public static let previousPane = Action("previous-pane")

    public static let search = Action("search")
    public static let nextMatch = Action("next-match")
    public static let previousMatch = Action("previous-match")
    public static let command = Action("command")

    public static let help = Action("help")
    public static let refresh = Action("refresh")
    public static let pause = Action("pause")
    public static let cancel = Action("cancel")
    public static let backOrQuit = Action("back-or-quit")
    public static let quit = Action("quit")
    public static let redraw = Action("redraw")
    public static let suspend = Action("suspend")

    /// Returns the action that shows `screen`: `screen-browse`, `screen-search`, ...
    public static func show(_ screen: ScreenID) -> Action {
        Action("screen-" + screen.name)
    }
}

extension ActionDefinition {
    /// The actions every screen shares, with the keys users know from htop, tig, lazygit,
    /// k9s, visidata and neomutt. Screens receive them as events and decide what they mean;
    /// the console handles the ones a screen leaves (help, quit, screens, search, commands).
    public static let standard: [ActionDefinition] = {
        let move = "Move"
        let views = "Views"
        let find = "Search and commands"
        let console = "Console"

        var definitions: [ActionDefinition] = [
            ActionDefinition(.moveUp, summary: "Up one row", section: move, keys: [.up, .character("k")]),
            ActionDefinition(.moveDown, summary: "Down one row", section: move, keys: [.down, .character("j")]),
            ActionDefinition(.pageUp, summary: "Up one page", section: move, keys: [.pageUp, .control("b")]),
            ActionDefinition(.pageDown, summary: "Down one page", section: move, keys: [.pageDown, .control("f")]),
            ActionDefinition(.halfPageUp, summary: "Up half a page", section: move, keys: [.control("u")]),
            ActionDefinition(.halfPageDown, summary: "Down half a page", section: move, keys: [.control("d")]),
            ActionDefinition(.top, summary: "First row", section: move, keys: [.character("g"), .home]),
            ActionDefinition(.bottom, summary: "Last row", section: move, keys: [.character("G"), .end]),

            ActionDefinition(.open, summary: "Open the selected item", section: views, keys: [.enter, .character("l"), .right]),
            ActionDefinition(.back, summary: "Go back", section: views, keys: [.escape, .character("h"), .backspace, .left]),
            ActionDefinition(.nextPane, summary: "Next pane", section: views, keys: [.tab]),
            ActionDefinition(.previousPane, summary: "Previous pane", section: views, keys: [.backTab]),
            ActionDefinition(.refresh, summary: "Reload from the database", section: views, keys: [.character("r"), .function(5)]),
            ActionDefinition(.pause, summary: "Pause or resume live updates", section: views, keys: [.space]),
        ]
        for screen in ScreenID.allCases {
            let key = Key.character(Character(String(screen.rawValue)))
            definitions.append(ActionDefinition(.show(screen), summary: "\(screen.title) screen", section: views, keys: [key]))
        }
        definitions += [
            ActionDefinition(.search, summary: "Search all conversations", section: find, keys: [.character("/")]),
            ActionDefinition(.nextMatch, summary: "Next search hit", section: find, keys: [.character("n")]),
            ActionDefinition(.previousMatch, summary: "Previous search hit", section: find, keys: [.character("N")]),
            ActionDefinition(.command, summary: "Command line (:theme NAME, :help)", section: find, keys: [.character(":")]),
            ActionDefinition(.cancel, summary: "Cancel the running query", section: find, keys: [.control("c")]),

            ActionDefinition(.help, summary: "Show or hide this help", section: console, keys: [.character("?"), .function(1)]),
            ActionDefinition(.backOrQuit, summary: "Go back, or quit at the top", section: console, keys: [.character("q")]),
            ActionDefinition(.quit, summary: "Quit", section: console, keys: [.character("Q")]),
            ActionDefinition(.redraw, summary: "Redraw the screen", section: console, keys: [.control("l")]),
            ActionDefinition(.suspend, summary: "Suspend to the shell (fg resumes)", section: console, keys: [.control("z")]),
        ]
        return definitions
    }()
}
