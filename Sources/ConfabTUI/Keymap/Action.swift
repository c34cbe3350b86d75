/// Something a key can be bound to, named as in key files and the `:` command line.
public struct Action: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }
}

/// The part of the console where an action's keys apply: everywhere, or only while one screen
/// is shown. A key bound on a screen hides the same key's global binding while it is shown.
public enum ActionScope: Hashable, Sendable {
    case global
    case screen(ScreenID)
}

/// An action with its help text and default keys.
public struct ActionDefinition: Sendable, Equatable {
    public var action: Action
    /// A description of the action for the help overlay: "Move down".
    public var summary: String
    /// The help overlay's heading for the action.
    public var section: String
    public var scope: ActionScope
    public var defaultKeys: [Key]

    public init(_ action: Action, summary: String, section: String, scope: ActionScope = .global, keys: [Key]) {
        self.action = action
        self.summary = summary
        self.section = section
        self.scope = scope
        self.defaultKeys = keys
    }
}
