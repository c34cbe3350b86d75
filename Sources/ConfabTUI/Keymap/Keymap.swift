/// The binding of keys to actions: the default keys of every action, changed by the user's key
/// file.
public struct Keymap: Sendable {
    public let definitions: [ActionDefinition]
    private var keysByAction: [Action: [Key]]
    private var actionsByScope: [ActionScope: [Key: Action]]

    /// Creates a keymap with the default keys of `definitions`. When two actions of one scope
    /// list the same key, the first one keeps it.
    public init(definitions: [ActionDefinition]) {
        self.definitions = definitions
        self.keysByAction = [:]
        self.actionsByScope = [:]
        for definition in definitions {
            keysByAction[definition.action] = definition.defaultKeys
        }
        rebuildTables()
    }

    /// Returns the action for `key` while `screen` is shown: the screen's own binding first,
    /// then the global one.
    public func action(for key: Key, on screen: ScreenID?) -> Action? {
        if let screen, let action = actionsByScope[.screen(screen)]?[key] {
            return action
        }
        return actionsByScope[.global]?[key]
    }

    /// Returns the keys bound to `action`, in the order they were given.
    public func keys(for action: Action) -> [Key] {
        keysByAction[action] ?? []
    }

    public func definition(of action: Action) -> ActionDefinition? {
        definitions.first { $0.action == action }
    }

    /// Returns the name of the first key bound to `action`, for hints such as `? help`, or nil
    /// when it has none.
    public func primaryKeyName(for action: Action) -> String? {
        keys(for: action).first.map(KeyName.name(of:))
    }

    // MARK: Changing bindings

    /// Binds `keys` to `action` in place of its current keys. The keys are taken away from the
    /// other actions of the same scope, and for a global action also from every screen's
    /// actions, which would otherwise hide the new binding.
    mutating func rebind(_ action: Action, to keys: [Key]) {
        guard let scope = definition(of: action)?.scope else { return }
        let taken = Set(keys)
        for definition in definitions where definition.action != action {
            let clashes = definition.scope == scope || scope == .global
            if clashes, let current = keysByAction[definition.action] {
                keysByAction[definition.action] = current.filter { !taken.contains($0) }
            }
        }
        keysByAction[action] = keys
        rebuildTables()
    }

    private mutating func rebuildTables() {
        actionsByScope = [:]
        for definition in definitions {
            for key in keysByAction[definition.action] ?? [] where actionsByScope[definition.scope]?[key] == nil {
                actionsByScope[definition.scope, default: [:]][key] = definition.action
            }
        }
    }

    // MARK: Help

    /// A heading of the help overlay and the bindings under it.
    public struct HelpSection: Equatable, Sendable {
        public var title: String
        public var entries: [(keys: String, summary: String)]

        public static func == (lhs: HelpSection, rhs: HelpSection) -> Bool {
            lhs.title == rhs.title && lhs.entries.elementsEqual(rhs.entries) { $0.keys == $1.keys && $0.summary == $1.summary }
        }
    }

    /// Returns the help overlay's content for `screen`: the screen's own actions first, then
    /// the global ones, by section in definition order. Keys hidden by a screen binding are
    /// left out. An action with no keys is listed as unbound, because `:` can still run it.
    public func helpSections(for screen: ScreenID?) -> [HelpSection] {
        var sections: [HelpSection] = []
        let screenDefinitions = definitions.filter { screen != nil && $0.scope == .screen(screen!) }
        let globalDefinitions = definitions.filter { $0.scope == .global }

        for definition in screenDefinitions + globalDefinitions {
            let visibleKeys = keys(for: definition.action).filter { action(for: $0, on: screen) == definition.action }
            let keyText = visibleKeys.isEmpty ? "unbound (:\(definition.action.name))" : visibleKeys.map(KeyName.name(of:)).joined(separator: ", ")
            if let index = sections.firstIndex(where: { $0.title == definition.section }) {
                sections[index].entries.append((keyText, definition.summary))
            } else {
                sections.append(HelpSection(title: definition.section, entries: [(keyText, definition.summary)]))
            }
        }
        return sections
    }
}
