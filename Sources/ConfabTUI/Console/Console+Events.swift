extension Console {
    /// The lines one turn of the mouse wheel scrolls.
    static let wheelLines = 3

    public func handle(_ event: InputEvent) {
        guard !isFinished else { return }
        needsDisplay = true
        switch event {
        case .key(let key):
            handleKey(key)
        case .mouse(let mouse):
            handleMouse(mouse)
        case .resize:
            needsRepaint = true
        }
    }

    private func handleKey(_ key: Key) {
        if lineEditor != nil {
            handleEditorKey(key)
            return
        }
        let action = keymap.action(for: key, on: activeScreen)
        if helpOverlay != nil {
            handleOverlayKey(key, action: action)
            return
        }
        if let action {
            perform(action)
        } else {
            _ = screens[activeScreen]?.handle(.key(key), context: self)
        }
    }

    private func handleMouse(_ mouse: MouseEvent) {
        let lines = mouse.kind == .wheelUp ? -Console.wheelLines : Console.wheelLines
        if helpOverlay != nil {
            helpOverlay?.scroll(byLines: lines, lineCount: helpLines().count)
            return
        }
        guard lineEditor == nil, mainArea.contains(mouse.position) else { return }
        let position = Point(column: mouse.position.column - mainArea.column, row: mouse.position.row - mainArea.row)
        _ = screens[activeScreen]?.handle(.scroll(lines: lines, position: position), context: self)
    }

    /// The rows between the header and the bottom line, in screen coordinates.
    var mainArea: Rect {
        Rect(column: 0, row: 1, width: size.width, height: size.height - 2)
    }

    // MARK: Actions

    /// Runs `action`. The console keeps a few actions for itself. The others go to the active
    /// screen first, and the console applies its own meaning only when the screen ignores them.
    func perform(_ action: Action) {
        if let screen = ScreenID.allCases.first(where: { Action.show($0) == action }) {
            switchScreen(to: screen)
            return
        }
        switch action {
        case .quit:
            finish(status: 0)
        case .redraw:
            needsRepaint = true
        case .suspend:
            wantsSuspend = true
        case .help:
            helpOverlay = HelpOverlay()
        case .command:
            lineEditor = LineEditor(mode: .command, history: histories[.command] ?? [])
        case .search:
            let text = screens[activeScreen]?.searchLineText ?? ""
            lineEditor = LineEditor(mode: .search, history: histories[.search] ?? [], text: text)
        default:
            let disposition = screens[activeScreen]?.handle(.action(action), context: self) ?? .ignored
            if disposition == .ignored, action == .backOrQuit {
                finish(status: 0)
            }
        }
    }

    private func handleOverlayKey(_ key: Key, action: Action?) {
        let lineCount = helpLines().count
        if let action {
            switch action {
            case .help, .back, .backOrQuit:
                helpOverlay = nil
                return
            case .quit, .redraw, .suspend:
                perform(action)
                return
            default:
                if helpOverlay?.scroll(for: action, lineCount: lineCount) == true {
                    return
                }
            }
        }
        if key == .escape {
            helpOverlay = nil
        }
    }

    func helpLines() -> [HelpOverlay.Line] {
        HelpOverlay.lines(keymap: keymap, screen: activeScreen)
    }

    // MARK: Command and search lines

    private func handleEditorKey(_ key: Key) {
        guard var editor = lineEditor else { return }
        let textBefore = editor.text
        let outcome = editor.handle(key)
        lineEditor = editor

        switch outcome {
        case .editing:
            if editor.mode == .search && editor.text != textBefore {
                reportSearchLine(.edited(editor.text))
            }
        case .cancelled:
            lineEditor = nil
            if editor.mode == .search {
                reportSearchLine(key == .control("c") ? .interrupted : .dismissed)
            }
        case .submitted(let text):
            lineEditor = nil
            let trimmed = text.trimmingBlanks()
            guard !trimmed.isEmpty else { return }
            remember(String(trimmed), in: editor.mode)
            switch editor.mode {
            case .command:
                runCommand(String(trimmed))
            case .search:
                submitSearch(String(trimmed))
            }
        }
    }

    /// Passes a change of the `/` line to the Search screen, and shows that screen when it
    /// takes an edit, so results appear while the user types.
    private func reportSearchLine(_ change: SearchLineChange) {
        guard let searchScreen = screens[.search] else { return }
        let disposition = searchScreen.searchLineChanged(change, context: self)
        if case .edited = change, disposition == .handled, activeScreen != .search {
            switchScreen(to: .search)
        }
    }

    private func remember(_ text: String, in mode: LineEditor.Mode) {
        var history = histories[mode] ?? []
        history.removeAll { $0 == text }
        history.append(text)
        histories[mode] = Array(history.suffix(SearchHistoryFile.maximumEntries))
        if mode == .search, let searchHistoryFile {
            do {
                try searchHistoryFile.save(histories[mode] ?? [])
            } catch {
                showStatus("Search history not saved: \(error)", kind: .warning)
            }
        }
    }

    func submitSearch(_ query: String) {
        switchScreen(to: .search)
        _ = screens[.search]?.handle(.search(query), context: self)
    }
}
