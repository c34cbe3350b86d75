import Foundation

/// Finds theme files by name.
///
/// Directories are searched in this order, and the first `NAME.theme` found wins:
/// 1. the user's themes: `$XDG_CONFIG_HOME/confab/themes` (`~/.config/confab/themes`);
/// 2. themes shipped next to the executable: `Themes/` beside it, then `../share/confab/themes`;
/// 3. the `Themes/` folder of a source tree that contains the executable (`.build/debug/confab`),
///    then the source tree this module was compiled from.
///
/// `default` always exists: when no file of that name is found, the compiled-in copy is used.
public struct ThemeCatalog: Sendable {
    public static let fileExtension = "theme"
    public static let defaultName = BuiltinTheme.name

    public var userDirectory: String?
    public var shippedDirectories: [String]

    public init(userDirectory: String?, shippedDirectories: [String]) {
        self.userDirectory = userDirectory
        self.shippedDirectories = shippedDirectories
    }

    /// Creates the catalogue for a process with `environment` whose executable is at
    /// `executablePath`.
    public init(environment: [String: String], executablePath: String?) {
        self.init(
            userDirectory: ConfigDirectory.path(environment: environment).map { $0 + "/themes" },
            shippedDirectories: ThemeCatalog.shippedDirectories(executablePath: executablePath)
        )
    }

    public var searchedDirectories: [String] {
        (userDirectory.map { [$0] } ?? []) + shippedDirectories
    }

    /// Returns the names of all themes found, sorted, `default` included.
    public func availableNames() -> [String] {
        var names: Set<String> = [ThemeCatalog.defaultName]
        for directory in searchedDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix("." + ThemeCatalog.fileExtension) {
                let name = String(file.dropLast(ThemeCatalog.fileExtension.count + 1))
                if ThemeCatalog.isValidName(name) {
                    names.insert(name)
                }
            }
        }
        return names.sorted()
    }

    /// Loads the theme called `name`.
    public func load(named name: String) throws(ThemeLoadError) -> Theme {
        guard ThemeCatalog.isValidName(name) else {
            throw .invalidName(name)
        }
        guard let path = path(forName: name) else {
            if name == ThemeCatalog.defaultName {
                return BuiltinTheme.theme
            }
            throw .notFound(name: name, available: availableNames())
        }
        return try ThemeCatalog.load(path: path, name: name)
    }

    /// Loads a theme file. The theme takes its name from `name`.
    public static func load(path: String, name: String) throws(ThemeLoadError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .file(ConfigFileError(problems: [ConfigProblem(file: path, line: nil, message: "cannot be read as UTF-8 text")]))
        }
        do {
            return try ThemeParser.parse(text, name: name, file: path)
        } catch {
            throw .file(error)
        }
    }

    /// Returns the path of the first `NAME.theme` in the searched directories.
    public func path(forName name: String) -> String? {
        for directory in searchedDirectories {
            let path = directory + "/" + name + "." + ThemeCatalog.fileExtension
            if FileManager.default.isReadableFile(atPath: path) {
                return path
            }
        }
        return nil
    }

    /// Theme names are file names without directories: letters, digits, `-`, `_` and `.`, not
    /// starting with a dot, so that `--theme ../x` cannot leave the themes directories.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.count <= 64 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }

    private static func shippedDirectories(executablePath: String?) -> [String] {
        var directories: [String] = []
        if let executablePath {
            let executableDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            directories.append(executableDirectory.appendingPathComponent("Themes").path)
            directories.append(executableDirectory.appendingPathComponent("../share/confab/themes").standardizedFileURL.path)
            if let sourceTree = enclosingSourceTree(of: executableDirectory) {
                directories.append(sourceTree.appendingPathComponent("Themes").path)
            }
        }
        let compiledFrom = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Themes").standardizedFileURL.path
        directories.append(compiledFrom)

        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }

    /// Returns the nearest ancestor of `directory` that has both `Package.swift` and `Themes/`.
    private static func enclosingSourceTree(of directory: URL) -> URL? {
        var candidate = directory
        while candidate.path != "/" {
            candidate.deleteLastPathComponent()
            let hasPackage = FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path)
            let hasThemes = FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Themes").path)
            if hasPackage && hasThemes {
                return candidate
            }
        }
        return nil
    }
}

/// The reason a theme could not be loaded.
public enum ThemeLoadError: Error, Sendable, CustomStringConvertible {
    case invalidName(String)
    case notFound(name: String, available: [String])
    case file(ConfigFileError)

    public var description: String {
        switch self {
        case .invalidName(let name):
            return "invalid theme name '\(ConfigLine.shown(name))': use letters, digits, '-', '_' and '.'"
        case .notFound(let name, let available):
            return "theme '\(name)' not found" + SpellingSuggestion.hint(for: name, among: available)
                + "; available: " + available.joined(separator: ", ")
        case .file(let error):
            return error.description
        }
    }
}
