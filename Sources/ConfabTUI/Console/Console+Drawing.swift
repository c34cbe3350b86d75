import Foundation

extension Console {
    /// Draws the whole console into `screen`, resizing it to the console's size first.
    public func draw(into screen: Screen) {
        if screen.size != size {
            screen.resize(to: size)
        }
        screen.clear()
        let whole = screen.region

        guard !TooSmallNote.isTooSmall(size) else {
            TooSmallNote.draw(into: whole)
            return
        }

        drawHeader(into: whole.subregion(Rect(column: 0, row: 0, width: size.width, height: 1)))

        let main = whole.subregion(mainArea)
        screens[activeScreen]?.draw(into: main, context: self)
        if var overlay = helpOverlay {
            let closeKey = keymap.primaryKeyName(for: .help) ?? "Esc"
            overlay.draw(into: main, lines: helpLines(), closeKeys: closeKey)
            helpOverlay = overlay
        }

        let bottom = whole.subregion(Rect(column: 0, row: size.height - 1, width: size.width, height: 1))
        if let lineEditor {
            lineEditor.draw(into: bottom, row: 0)
        } else {
            drawBottomLine(into: bottom)
        }
    }

    private func drawHeader(into region: Region) {
        let databaseName = storePath.isEmpty ? "no database" : (storePath as NSString).lastPathComponent
        let header = HeaderBar(
            databaseName: databaseName,
            screenTitle: activeScreen.title,
            breadcrumb: screens[activeScreen]?.breadcrumb ?? [],
            badge: badge,
            activeScreen: activeScreen
        )
        header.draw(into: region)
    }

    private func drawBottomLine(into region: Region) {
        let screenHints = screens[activeScreen]?.hints(context: self) ?? []
        let quitHint = hint(.backOrQuit, "quit")
        let bottomLine = BottomLine(
            hints: screenHints + [quitHint].compactMap { $0 },
            trailingHint: hint(.help, "help"),
            status: status
        )
        bottomLine.draw(into: region, row: 0)
    }
}
