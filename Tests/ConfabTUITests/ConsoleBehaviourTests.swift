import ConfabCore
import Foundation
@testable import ConfabTUI
import Testing

@Suite("Console behaviour")
struct ConsoleBehaviourTests {
    private let size = Size(width: 80, height: 24)

    // MARK: Screens and actions

    @Test func numberKeysSwitchScreens() throws {
        let fixture = try ConsoleFixture(size: size)
        for (key, screen) in [("2", ScreenID.search), ("3", .health), ("4", .jobs), ("5", .analytics), ("1", .browse)] {
            fixture.type(key)
            #expect(fixture.console.activeScreen == screen)
            let lines = fixture.draw()
            #expect(lines[0].contains("  \(screen.title)"), "header after \(key): \(lines[0])")
            #expect(lines[3].contains("The \(screen.title) screen is not built yet"))
        }
    }

    @Test func screenReceivesBoundActionsAndUnboundKeys() throws {
        let recorder = RecordingScreen(id: .browse)
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.press(.character("j"), .down, .control("f"), .character("z"), .enter)
        #expect(recorder.events == [
            .action(.moveDown), .action(.moveDown), .action(.pageDown), .key(.character("z")), .action(.open),
        ])
    }

    @Test func screenActionShadowsGlobalKey() throws {
        let toggle = ActionDefinition(Action("toggle-fold"), summary: "Fold or unfold the turn", section: "Browse", scope: .screen(.browse), keys: [.character("n")])
        let recorder = RecordingScreen(id: .browse, actions: [toggle])
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.type("n")
        #expect(recorder.events == [.action(Action("toggle-fold"))])

        fixture.type("2n")
        #expect(recorder.events.count == 1, "the screen action must not apply on other screens")
    }

    @Test func backOrQuitQuitsOnlyWhenScreenIgnoresIt() throws {
        let recorder = RecordingScreen(id: .browse)
        recorder.backOrQuitDisposition = .handled
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.type("q")
        #expect(!fixture.console.isFinished)

        recorder.backOrQuitDisposition = .ignored
        fixture.type("q")
        #expect(fixture.console.isFinished)
        #expect(fixture.console.exitStatus == 0)
        #expect(recorder.deactivations == 1)
    }

    @Test func capitalQQuitsAtOnce() throws {
        let recorder = RecordingScreen(id: .browse)
        recorder.backOrQuitDisposition = .handled
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.type("Q")
        #expect(fixture.console.isFinished)
        #expect(!recorder.events.contains(.action(.quit)))
    }

    @Test func signalSetsExitStatus() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.console.terminate(signal: SIGTERM)
        #expect(fixture.console.isFinished)
        #expect(fixture.console.exitStatus == 143)
    }

    @Test func wheelScrollsScreenWithRelativePosition() throws {
        let recorder = RecordingScreen(id: .browse)
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.console.handle(.mouse(MouseEvent(kind: .wheelDown, position: Point(column: 5, row: 4))))
        fixture.console.handle(.mouse(MouseEvent(kind: .wheelUp, position: Point(column: 0, row: 1))))
        fixture.console.handle(.mouse(MouseEvent(kind: .wheelUp, position: Point(column: 0, row: 0))))
        #expect(recorder.events == [
            .scroll(lines: 3, position: Point(column: 5, row: 3)),
            .scroll(lines: -3, position: Point(column: 0, row: 0)),
        ])
    }

    @Test func redrawAndSuspendAreConsoleActions() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.draw()
        fixture.console.needsRepaint = false
        fixture.press(.control("l"))
        #expect(fixture.console.needsRepaint)
        fixture.press(.control("z"))
        #expect(fixture.console.wantsSuspend)
    }

    @Test func ticksRunOnlyForActiveScreen() throws {
        let recorder = RecordingScreen(id: .browse, tickInterval: .milliseconds(5))
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        #expect(recorder.activations == 1)

        Thread.sleep(forTimeInterval: 0.02)
        fixture.loop.timers.fireDueTimers()
        #expect(recorder.ticks == 1)

        fixture.type("2")
        Thread.sleep(forTimeInterval: 0.02)
        fixture.loop.timers.fireDueTimers()
        #expect(recorder.ticks == 1)
        #expect(recorder.deactivations == 1)
    }

    // MARK: Help overlay

    @Test func helpOverlayOpensAndCloses() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type("?")
        var lines = fixture.draw()
        #expect(lines[1].contains("┌─ Keys: ? closes "))
        let downLine = lines.first { $0.contains("Down, j") }
        #expect(downLine?.contains("Down one row") == true)

        fixture.press(.escape)
        lines = fixture.draw()
        #expect(!lines.contains { $0.contains("Keys:") })

        fixture.type("??")
        #expect(fixture.console.helpOverlay == nil)
    }

    @Test func helpOverlayScrollsWithMovementKeys() throws {
        let fixture = try ConsoleFixture(size: Size(width: 60, height: 12))
        fixture.type("?")
        let first = fixture.draw()
        #expect(first[2].contains("Move"))
        fixture.type("jj")
        let scrolled = fixture.draw()
        #expect(scrolled[2].contains("Down, j"))
        fixture.type("G")
        let bottom = fixture.draw()
        #expect(bottom[9].contains("Ctrl-Z"))
        fixture.type("g")
        #expect(fixture.draw()[2].contains("Move"))
    }

    @Test func helpListsScreenSectionFirst() throws {
        let toggle = ActionDefinition(Action("toggle-fold"), summary: "Fold or unfold the turn", section: "Browse", scope: .screen(.browse), keys: [.character("n")])
        let recorder = RecordingScreen(id: .browse, actions: [toggle])
        let fixture = try ConsoleFixture(size: Size(width: 80, height: 60), screens: recorder.catalog())
        fixture.type("?")
        let lines = fixture.draw()
        let text = lines.joined(separator: "\n")
        let top = try #require(lines.firstIndex { $0.contains("Keys:") })
        #expect(lines[top + 1].contains("│ Browse "))
        #expect(lines[top + 2].contains("│  n "))
        #expect(lines[top + 2].contains("Fold or unfold the turn"))
        #expect(lines[top + 4].contains("│ Move "))
        #expect(text.contains("unbound (:next-match)"))
    }

    // MARK: Command line

    @Test func commandLineShowsTypedText() throws {
        let fixture = try ConsoleFixture(size: Size(width: 40, height: 6))
        fixture.type(":them")
        let lines = fixture.draw()
        #expect(lines[5] == ":them")
        #expect(fixture.screen[5, 5].style.element == .cursor)
        #expect(fixture.screen[4, 5].style.element == .prompt)
    }

    @Test func themeCommandSwitchesLive() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":theme light")
        fixture.press(.enter)
        #expect(fixture.console.theme.name == "light")
        #expect(fixture.console.statusText == "Theme light")
        #expect(fixture.console.terminalTheme[.header] == TerminalTheme(theme: fixture.console.theme, depth: .full256)[.header])
        #expect(fixture.console.terminalTheme[.header].background == 254)
    }

    @Test func themeCommandWithoutNameListsThemes() throws {
        let fixture = try ConsoleFixture(size: size, userThemes: ["mine": "text = red\n"])
        fixture.type(":theme")
        fixture.press(.enter)
        #expect(fixture.console.statusText == "Themes: default, high-contrast, light, mine, monochrome (now default)")
    }

    @Test func unknownThemeKeepsCurrentOne() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":theme lihgt")
        fixture.press(.enter)
        #expect(fixture.console.theme.name == "default")
        #expect(fixture.console.statusText?.hasPrefix("Theme not loaded: theme 'lihgt' not found (did you mean 'light'?)") == true)
    }

    @Test func brokenUserThemeNamesFileAndLine() throws {
        let fixture = try ConsoleFixture(size: size, userThemes: ["broken": "# mine\ntext = red\nheader = bold purple\n"])
        fixture.type(":theme broken")
        fixture.press(.enter)
        let path = fixture.directory.path + "/themes/broken.theme"
        #expect(fixture.console.theme.name == "default")
        #expect(fixture.console.statusText == "Theme not loaded: \(path):3: unknown colour or attribute 'purple'")
    }

    @Test func brokenStartupThemeFallsBackToDefault() throws {
        let fixture = try ConsoleFixture(size: size, themeName: "broken", userThemes: ["broken": "text = on\n"])
        #expect(fixture.console.theme == BuiltinTheme.theme)
        #expect(fixture.console.statusText?.contains("broken.theme:1: 'on' must be followed by a background colour") == true)
    }

    @Test func startupThemeOption() throws {
        let fixture = try ConsoleFixture(size: size, themeName: "high-contrast")
        #expect(fixture.console.theme.name == "high-contrast")
    }

    @Test func userDefaultThemeIsUsedWithoutOption() throws {
        let fixture = try ConsoleFixture(size: size, userThemes: ["default": "description = my default\ntext = red\n"])
        #expect(fixture.console.theme.description == "my default")
    }

    @Test func userThemeOverridesShippedTheme() throws {
        let fixture = try ConsoleFixture(size: size, themeName: "light", userThemes: ["light": "description = mine\ntext = red\n"])
        #expect(fixture.console.theme.description == "mine")
    }

    @Test func unknownCommandSuggestsSpelling() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":qiut")
        fixture.press(.enter)
        #expect(fixture.console.statusText == "Unknown command 'qiut' (did you mean 'quit'?)")
        #expect(!fixture.console.isFinished)
    }

    @Test func commandRunsActionByName() throws {
        let recorder = RecordingScreen(id: .browse)
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.type(":move-down")
        fixture.press(.enter)
        #expect(recorder.events == [.action(.moveDown)])
        fixture.type(":screen jobs")
        fixture.press(.enter)
        #expect(fixture.console.activeScreen == .jobs)
    }

    @Test func screenCommandsReachScreen() throws {
        let recorder = RecordingScreen(id: .browse)
        let fixture = try ConsoleFixture(size: size, screens: recorder.catalog())
        fixture.type(":known a b")
        fixture.press(.enter)
        #expect(recorder.events == [.command(name: "known", arguments: ["a", "b"])])
        #expect(fixture.console.statusText == nil)
    }

    @Test func quitCommandFinishes() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":quit")
        fixture.press(.enter)
        #expect(fixture.console.isFinished)
    }

    @Test func escapeCancelsCommandLine() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":quit")
        fixture.press(.escape)
        #expect(!fixture.console.isFinished)
        #expect(fixture.console.lineEditor == nil)
        #expect(fixture.draw()[23] == " / search  : command  q quit  ? help")
    }

    @Test func commandHistoryRecallsEarlierCommand() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type(":theme light")
        fixture.press(.enter)
        fixture.type(":")
        fixture.press(.up)
        #expect(fixture.console.lineEditor?.text == "theme light")
    }

    // MARK: Search line

    @Test func searchLineSendsQueryToSearchScreen() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type("/héllo 中文")
        #expect(fixture.draw()[23] == "/héllo 中文")
        fixture.press(.enter)
        #expect(fixture.console.activeScreen == .search)
        let lines = fixture.draw()
        #expect(lines.contains { $0.contains("Your search for \"héllo 中文\" will run here.") })
    }

    @Test func emptySearchDoesNothing() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.type("/   ")
        fixture.press(.enter)
        #expect(fixture.console.activeScreen == .browse)
    }

    // MARK: Key file

    @Test func keyFileRemapsAndHelpFollows() throws {
        let fixture = try ConsoleFixture(size: Size(width: 80, height: 60), keys: "# mine\nquit = x\nmove-down = Ctrl-N j\n")
        fixture.type("?")
        let text = fixture.draw().joined(separator: "\n")
        #expect(text.contains("Ctrl-N, j"))
        #expect(!text.contains("Down, j"))
        fixture.press(.escape)

        fixture.type("Q")
        #expect(!fixture.console.isFinished)
        fixture.type("x")
        #expect(fixture.console.isFinished)
    }

    @Test func brokenKeyFileKeepsDefaultsAndSaysWhere() throws {
        let fixture = try ConsoleFixture(size: size, keys: "quit = x\nmove-dwon = j\n")
        let path = fixture.directory.path + "/keys.conf"
        #expect(fixture.console.statusText == "Key file not used: \(path):2: unknown action 'move-dwon' (did you mean 'move-down'?)")
        fixture.type("x")
        #expect(!fixture.console.isFinished)
        fixture.type("Q")
        #expect(fixture.console.isFinished)
    }

    @Test func hintsFollowKeyFile() throws {
        let recorder = RecordingScreen(id: .browse)
        let fixture = try ConsoleFixture(size: size, keys: "move-down = Ctrl-N\nhelp = F1\n", screens: recorder.catalog())
        #expect(fixture.draw()[23] == " Ctrl-N down  Enter open  q quit  F1 help")
    }

    // MARK: Workers and timers

    @Test func workerResultReachesScreenOnUIThread() throws {
        let fixture = try ConsoleFixture(size: size)
        let worker = fixture.console.makeWorker(label: "test", interruptHandle: nil) { 40 }
        var received: Int?
        worker.submit({ base, _ in base + 2 }, completion: { outcome in
            if case .success(let value) = outcome {
                received = value
            }
        })
        let deadline = Date().addingTimeInterval(5)
        while received == nil, Date() < deadline {
            fixture.loop.waitForResults(timeout: .milliseconds(100))
        }
        #expect(received == 42)
        #expect(fixture.loop.deliveredResults)
    }

    @Test func statusMessageStaysUntilItExpires() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.console.showStatus("short", kind: .info)
        #expect(fixture.console.statusText == "short")
        fixture.loop.timers.fireDueTimers()
        #expect(fixture.console.statusText == "short")
    }

    @Test func infoReplacesCurrentMessage() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.console.showStatus("first", kind: .error)
        fixture.console.showStatus("second", kind: .info)
        #expect(fixture.console.statusText == "second")
        #expect(fixture.console.pendingStatus.isEmpty)
    }

    @Test func errorsWaitForEarlierErrors() throws {
        let fixture = try ConsoleFixture(size: size)
        fixture.console.showStatus("locale fell back", kind: .warning)
        fixture.console.showStatus("key file broken", kind: .error)
        #expect(fixture.console.statusText == "locale fell back")
        #expect(fixture.console.pendingStatus.map(\.text) == ["key file broken"])
    }
}
