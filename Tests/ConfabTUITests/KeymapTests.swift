@testable import ConfabTUI
import Testing

@Suite("Keymap")
struct KeymapTests {
    private let standard = Keymap(definitions: ActionDefinition.standard)

    static let conventions: [(key: Key, action: Action)] = [
        (.up, .moveUp), (.character("k"), .moveUp), (.down, .moveDown), (.character("j"), .moveDown),
        (.pageUp, .pageUp), (.pageDown, .pageDown), (.control("f"), .pageDown), (.control("b"), .pageUp),
        (.control("d"), .halfPageDown), (.control("u"), .halfPageUp),
        (.character("g"), .top), (.home, .top), (.character("G"), .bottom), (.end, .bottom),
        (.enter, .open), (.character("l"), .open), (.escape, .back), (.character("h"), .back), (.backspace, .back),
        (.character("/"), .search), (.character("n"), .nextMatch), (.character("N"), .previousMatch),
        (.character(":"), .command), (.character("?"), .help), (.tab, .nextPane),
        (.character("1"), .show(.browse)), (.character("2"), .show(.search)), (.character("3"), .show(.health)),
        (.character("4"), .show(.jobs)), (.character("5"), .show(.analytics)),
        (.character("r"), .refresh), (.function(5), .refresh), (.space, .pause), (.control("c"), .cancel),
        (.character("q"), .backOrQuit), (.character("Q"), .quit), (.control("l"), .redraw),
    ]

    @Test("default key follows the conventions", arguments: 0..<conventions.count)
    func defaultKey(index: Int) {
        let (key, action) = KeymapTests.conventions[index]
        #expect(standard.action(for: key, on: .browse) == action, "\(KeyName.name(of: key))")
    }

    @Test func standardDefaultsHaveNoDuplicateKeys() {
        var owners: [Key: Action] = [:]
        for definition in ActionDefinition.standard {
            for key in definition.defaultKeys {
                #expect(owners[key] == nil, "\(KeyName.name(of: key)) is bound to both \(owners[key]?.name ?? "") and \(definition.action.name)")
                owners[key] = definition.action
            }
        }
    }

    @Test func noDestructiveActionOnNavigationKeys() {
        let navigation: [Key] = [.up, .down, .left, .right, .character("j"), .character("k"), .character("h"), .character("l"), .enter, .escape, .space]
        for key in navigation {
            let action = standard.action(for: key, on: nil)
            #expect(action != .quit, "\(KeyName.name(of: key)) quits")
            #expect(action != .backOrQuit, "\(KeyName.name(of: key)) quits")
        }
    }

    static let names: [(name: String, key: Key?)] = [
        ("j", .character("j")), ("G", .character("G")), ("?", .character("?")), ("#", .character("#")),
        ("é", .character("é")), ("中", .character("中")),
        ("Ctrl-F", .control("f")), ("ctrl-f", .control("f")), ("C-f", .control("f")), ("^F", .control("f")),
        ("Ctrl-H", .backspace), ("Ctrl-I", .tab), ("Ctrl-M", .enter), ("Ctrl-J", .enter),
        ("Alt-x", .alt("x")), ("M-x", .alt("x")),
        ("F1", .function(1)), ("f12", .function(12)), ("F24", .function(24)),
        ("PgDn", .pageDown), ("pagedown", .pageDown), ("PgUp", .pageUp), ("Home", .home), ("End", .end),
        ("Enter", .enter), ("Return", .enter), ("Esc", .escape), ("Escape", .escape), ("Backspace", .backspace),
        ("Tab", .tab), ("BackTab", .backTab), ("Shift-Tab", .backTab), ("Space", .space), ("Up", .up), ("Delete", .delete),
        ("F0", nil), ("F25", nil), ("F01", nil), ("Ctrl-1", nil), ("Ctrl-", nil), ("Hyper-x", nil), ("", nil),
        ("\u{1B}", nil), ("\u{200B}", nil), ("\u{301}", nil), ("ab", nil),
    ]

    @Test("key name parses", arguments: 0..<names.count)
    func keyNameParses(index: Int) {
        let (name, key) = KeymapTests.names[index]
        #expect(KeyName.parse(name) == key, "'\(name)'")
    }

    @Test func keyNamesRoundTrip() {
        for definition in ActionDefinition.standard {
            for key in definition.defaultKeys {
                #expect(KeyName.parse(KeyName.name(of: key)) == key, "\(KeyName.name(of: key))")
            }
        }
    }

    @Test func keyFileReplacesDefaults() throws {
        let keymap = try KeymapParser.apply("move-down = Ctrl-N\nback = none\nopen = h\n", file: "keys.conf", to: standard)
        #expect(keymap.keys(for: .moveDown) == [.control("n")])
        #expect(keymap.action(for: .character("j"), on: nil) == nil)
        #expect(keymap.keys(for: .back) == [])
        #expect(keymap.action(for: .character("h"), on: nil) == .open)
        #expect(keymap.keys(for: .moveUp) == [.up, .character("k")])
    }

    @Test func keyTakenFromDefaultOwner() throws {
        let keymap = try KeymapParser.apply("quit = q\n", file: "keys.conf", to: standard)
        #expect(keymap.action(for: .character("q"), on: nil) == .quit)
        #expect(keymap.keys(for: .backOrQuit) == [])
    }

    @Test func globalKeyRemovedFromScreenDefaults() throws {
        let toggle = ActionDefinition(Action("toggle-fold"), summary: "Fold", section: "Browse", scope: .screen(.browse), keys: [.character("e")])
        let keymap = Keymap(definitions: ActionDefinition.standard + [toggle])
        #expect(keymap.action(for: .character("e"), on: .browse) == Action("toggle-fold"))

        let remapped = try KeymapParser.apply("refresh = e\n", file: "keys.conf", to: keymap)
        #expect(remapped.action(for: .character("e"), on: .browse) == .refresh)
    }

    static let invalidFiles: [(text: String, line: Int, message: String)] = [
        ("move-down j", 1, "expected 'name = value', found 'move-down j'"),
        ("mvoe-down = j", 1, "unknown action 'mvoe-down' (did you mean 'move-down'?)"),
        ("move-down = Cntrl-N", 1, "unknown key 'Cntrl-N'"),
        ("move-down = PgDwn", 1, "unknown key 'PgDwn' (did you mean 'PgDn'?)"),
        ("quit = x\n\nmove-down = x", 3, "key 'x' is already bound to 'quit' on line 1"),
        ("quit = x\nquit = y", 2, "'quit' is already set on line 1"),
        ("= j", 1, "missing name before '='"),
    ]

    @Test("invalid key file line is reported", arguments: 0..<invalidFiles.count)
    func invalidLine(index: Int) {
        let (text, line, message) = KeymapTests.invalidFiles[index]
        do {
            _ = try KeymapParser.apply(text, file: "/home/u/.config/confab/keys.conf", to: standard)
            Issue.record("'\(text)' should not parse")
        } catch {
            #expect(error.problems == [ConfigProblem(file: "/home/u/.config/confab/keys.conf", line: line, message: message)])
        }
    }

    @Test func helpSectionsComeFromKeymap() throws {
        let keymap = try KeymapParser.apply("help = F1\n", file: "keys.conf", to: standard)
        let sections = keymap.helpSections(for: .browse)
        #expect(sections.map(\.title) == ["Move", "Views", "Search and commands", "Console"])
        let console = try #require(sections.last)
        #expect(console.entries.first { $0.summary == "Show or hide this help" }?.keys == "F1")
        #expect(sections[0].entries.first?.keys == "Up, k")
        #expect(sections[0].entries.first?.summary == "Up one row")
    }

    @Test func helpOverlayLinesListEveryAction() {
        let lines = HelpOverlay.lines(keymap: standard, screen: .browse)
        let entryCount = lines.filter { if case .entry = $0 { true } else { false } }.count
        #expect(entryCount == ActionDefinition.standard.count)
        #expect(lines.first == .heading("Move"))
        #expect(lines.contains(.entry(keys: "1", summary: "Browse screen")))
        #expect(lines.contains(.entry(keys: "Ctrl-C", summary: "Cancel the running query")))
    }
}

@Suite("Spelling suggestions")
struct SpellingSuggestionTests {
    @Test func distances() {
        #expect(SpellingSuggestion.editDistance("quit", "quit") == 0)
        #expect(SpellingSuggestion.editDistance("qiut", "quit") == 1)
        #expect(SpellingSuggestion.editDistance("reed", "red") == 1)
        #expect(SpellingSuggestion.editDistance("", "abc") == 3)
        #expect(SpellingSuggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test func suggestsOnlyCloseWords() {
        #expect(SpellingSuggestion.closest(to: "lihgt", among: ["default", "light"]) == "light")
        #expect(SpellingSuggestion.closest(to: "zzz", among: ["default", "light"]) == nil)
        #expect(SpellingSuggestion.closest(to: "a", among: ["b"]) == nil)
    }
}
