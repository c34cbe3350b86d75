import ConfabCore
import Foundation

/// Settings of the Health screen, from `health.conf` in Confab's configuration directory.
///
/// ```
/// # Sync latency colours, in milliseconds.
/// green-below-ms = 10
/// red-above-ms = 100
/// ```
public struct HealthOptions: Sendable {
    /// Latencies below this are good (green), in milliseconds.
    public var greenBelowMilliseconds: Double = 10
    /// Latencies above this are bad (red); between the two they are a warning (yellow).
    public var redAboveMilliseconds: Double = 100
    /// How often cheap figures are read.
    public var refreshInterval: Duration = .milliseconds(250)
    public var monitor = SyncLatencyMonitor.Options()

    public init() {}

    public static let fileName = "health.conf"

    /// Reads `health.conf` when it exists. A file with problems is not used: the defaults stay
    /// and the problems are returned so the console can show them.
    public static func load(environment: [String: String]) -> (options: HealthOptions, problems: [ConfigProblem]) {
        guard let directory = ConfigDirectory.path(environment: environment) else { return (HealthOptions(), []) }
        let path = directory + "/" + fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (HealthOptions(), []) }
        return parse(text, file: path)
    }

    static func parse(_ text: String, file: String) -> (options: HealthOptions, problems: [ConfigProblem]) {
        var options = HealthOptions()
        var (lines, problems) = ConfigLine.parse(text, file: file)
        for line in lines {
            guard line.words.count == 1, let value = Double(line.words[0]), value >= 0, value.isFinite else {
                problems.append(ConfigProblem(file: file, line: line.number, message: "expected one number of milliseconds for '\(line.key)'"))
                continue
            }
            switch line.key {
            case "green-below-ms": options.greenBelowMilliseconds = value
            case "red-above-ms": options.redAboveMilliseconds = value
            default:
                problems.append(ConfigProblem(file: file, line: line.number,
                                              message: "unknown setting '\(ConfigLine.shown(line.key))'; known: green-below-ms, red-above-ms"))
            }
        }
        if options.greenBelowMilliseconds > options.redAboveMilliseconds {
            problems.append(ConfigProblem(file: file, line: nil, message: "green-below-ms must not be greater than red-above-ms"))
        }
        return problems.isEmpty ? (options, []) : (HealthOptions(), problems)
    }

    /// Returns the theme element for a latency.
    /// NOTE: green borrows `role-user`, whose colour is green in the shipped themes, until
    /// themes get latency elements of their own.
    func element(forMilliseconds milliseconds: Double) -> ThemeElement {
        if milliseconds > redAboveMilliseconds { return .error }
        if milliseconds >= greenBelowMilliseconds { return .warning }
        return .roleUser
    }
}
