/// A part of the screen that a theme styles. The raw value is the name used in theme files.
public enum ThemeElement: String, CaseIterable, Sendable {
    case text
    case dim
    case title
    case border
    case borderFocused = "border-focused"
    case header
    case headerTitle = "header-title"
    case breadcrumb
    case tab
    case tabActive = "tab-active"
    case badge
    case hints
    case hintKey = "hint-key"
    case status
    case statusError = "status-error"
    case prompt
    case cursor
    case selection
    case selectionInactive = "selection-inactive"
    case roleUser = "role-user"
    case roleAssistant = "role-assistant"
    case roleSystem = "role-system"
    case roleTool = "role-tool"
    case code
    case match
    case branch
    case fold
    case note
    case helpKey = "help-key"
    case helpText = "help-text"
    case error
    case warning

    /// The element whose style this one takes when a theme leaves it out, and whose colours it
    /// takes when a theme gives it attributes only. `text` has none.
    public var parent: ThemeElement? {
        switch self {
        case .text: nil
        case .dim, .title, .header, .hints, .prompt, .selection, .roleUser, .roleAssistant, .code, .note,
             .helpText, .error, .warning:
            .text
        case .border, .roleSystem, .roleTool, .branch, .fold: .dim
        case .borderFocused: .border
        case .headerTitle, .breadcrumb, .tab, .tabActive, .badge: .header
        case .hintKey, .status: .hints
        case .statusError: .error
        case .cursor, .selectionInactive, .match: .selection
        case .helpKey: .hintKey
        }
    }

    /// The element's use, as the theme documentation lists it.
    public var summary: String {
        switch self {
        case .text: "ordinary text; every other element inherits from it"
        case .dim: "secondary text: counts, dates, descriptions"
        case .title: "titles of panels and list columns"
        case .border: "lines around and between panes"
        case .borderFocused: "the lines of the pane that has the keyboard focus"
        case .header: "the header line"
        case .headerTitle: "the program and database name in the header"
        case .breadcrumb: "the path in the header, such as alice › Refactor the parser"
        case .tab: "the names of other screens in the header"
        case .tabActive: "the name of the current screen in the header"
        case .badge: "the live badge at the right of the header"
        case .hints: "the key hints on the bottom line"
        case .hintKey: "the keys inside the hints"
        case .status: "a short message on the bottom line"
        case .statusError: "an error message on the bottom line"
        case .prompt: "the : command line and the / search line"
        case .cursor: "the cursor in the command and search lines"
        case .selection: "the selected row of the focused list"
        case .selectionInactive: "the selected row of a list without the focus"
        case .roleUser: "the role label of a user turn"
        case .roleAssistant: "the role label of an assistant turn"
        case .roleSystem: "the role label of a system turn"
        case .roleTool: "the role label of a tool turn"
        case .code: "code blocks in transcripts"
        case .match: "search hits inside text"
        case .branch: "the branch marker of a turn, such as ‹2/3›"
        case .fold: "the marker of a folded turn"
        case .note: "notes in empty panels and the terminal-too-small message"
        case .helpKey: "keys in the help overlay"
        case .helpText: "descriptions in the help overlay"
        case .error: "error text inside panels"
        case .warning: "warnings inside panels"
        }
    }
}
