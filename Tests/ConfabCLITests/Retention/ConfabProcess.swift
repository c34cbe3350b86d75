import Foundation

/// The `confab` executable built next to the test binary, run as a real process.
enum ConfabProcess {
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["CONFAB_EXECUTABLE"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = (testBinary as NSString).deletingLastPathComponent + "/confab"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static var unavailableReason: String? {
        executable == nil ? "the confab executable was not found next to the test binary; build it (swift build) or set CONFAB_EXECUTABLE" : nil
    }

    /// Starts `confab` with `arguments`; standard output and error go to files in `folder`.
    static func start(_ arguments: [String], environment: [String: String], folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: logFile(folder, "stdout"))
        process.standardError = try FileHandle(forWritingTo: logFile(folder, "stderr"))
        try process.run()
        return process
    }

    /// Runs `confab` to the end and returns its exit status.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String], folder: URL) throws -> Int32 {
        let process = try start(arguments, environment: environment, folder: folder)
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func logFile(_ folder: URL, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent("\(name).log")
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        return url
    }
}
