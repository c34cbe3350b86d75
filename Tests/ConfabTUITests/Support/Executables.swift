import Foundation

/// Finds the programs that end-to-end tests run.
enum Executables {
    /// The running test binary (`ConfabPackageTests.xctest`).
    static var testBinary: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }

    /// The build folder that contains the test binary, and the products built with it.
    static var buildDirectory: String? {
        testBinary.map { ($0 as NSString).deletingLastPathComponent }
    }

    /// The `confab` executable built next to the test binary, or the one in `CONFAB_EXECUTABLE`.
    static var confab: String? {
        if let path = ProcessInfo.processInfo.environment["CONFAB_EXECUTABLE"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        guard let directory = buildDirectory else { return nil }
        let path = directory + "/confab"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Why `confab` cannot be run, or nil when it can.
    static var confabUnavailableReason: String? {
        if let reason = TmuxSession.unavailableReason {
            return reason
        }
        return confab == nil ? "the confab executable was not found next to the test binary; build it (swift build) or set CONFAB_EXECUTABLE" : nil
    }

    /// Quotes `argument` for a POSIX shell command line.
    static func shellQuoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
