import ConfabCore
import Foundation
@testable import ConfabTUI

/// A console without a terminal, drawn into an in-memory screen.
///
/// Its theme catalogue reads the source tree's Themes folder plus a temporary user directory,
/// so tests never depend on the machine's configuration or environment. Every screen is a
/// placeholder unless the test passes its own catalogue, so console tests do not depend on what
/// a real screen draws.
final class ConsoleFixture {
    let directory: TemporaryDirectory
    let loop: EventLoop
    let console: Console
    let screen: Screen

    static var shippedThemesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Themes").standardizedFileURL.path
    }

    init(
        size: Size,
        charset: TerminalSanitizer.Options.Charset = .unicode,
        keys: String? = nil,
        themeName: String? = nil,
        screens: ScreenCatalog = .placeholders,
        userThemes: [String: String] = [:],
        storePath: String = "/data/demo.db",
        searchHistoryPath: String? = nil
    ) throws {
        directory = try TemporaryDirectory()
        for (name, text) in userThemes {
            try directory.write(text, to: "themes/\(name).theme")
        }
        var keysPath: String?
        if let keys {
            keysPath = try directory.write(keys, to: "keys.conf")
        }
        loop = try EventLoop()
        let configuration = ConsoleConfiguration(
            storePath: storePath,
            charset: charset,
            colorDepth: .full256,
            themeCatalog: ThemeCatalog(userDirectory: directory.path + "/themes", shippedDirectories: [ConsoleFixture.shippedThemesDirectory]),
            themeName: themeName,
            keysFilePath: keysPath,
            searchHistoryPath: searchHistoryPath,
            screens: screens
        )
        console = Console(configuration: configuration, loop: loop)
        console.resize(to: size)
        screen = Screen(size: size, charset: charset)
    }

    /// Draws the console and returns the screen's lines.
    @discardableResult
    func draw() -> [String] {
        console.draw(into: screen)
        return screen.lines()
    }

    func press(_ keys: Key...) {
        for key in keys {
            console.handle(.key(key))
        }
    }

    func type(_ text: String) {
        for character in text {
            console.handle(.key(.character(character)))
        }
    }
}
