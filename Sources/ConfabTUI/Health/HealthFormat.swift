import Foundation
import ConfabCore

/// Number formats of the Health screen.
enum HealthFormat {
    static func milliseconds(_ value: Double) -> String {
        if value >= 100 { return String(format: "%.0f ms", value) }
        if value >= 10 { return String(format: "%.1f ms", value) }
        return String(format: "%.2f ms", value)
    }

    static func seconds(_ value: Double) -> String {
        value >= 10 ? String(format: "%.0f s", value) : String(format: "%.1f s", value)
    }

    static func bytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// Groups thousands with commas: 1,234,567.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                result.append(",")
            }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }

    /// Eight levels of a sparkline: block elements, or ASCII characters of rising weight.
    static func sparkline(_ values: [Double?], charset: TerminalSanitizer.Options.Charset) -> String {
        let levels: [String] = charset == .ascii ? ["_", ".", "-", "=", "+", "*", "#", "@"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let present = values.compactMap { $0 }
        guard let highest = present.max(), highest > 0 else {
            return values.map { $0 == nil ? " " : levels[0] }.joined()
        }
        return values.map { value in
            guard let value else { return " " }
            let level = Int((value / highest * Double(levels.count - 1)).rounded())
            return levels[max(0, min(levels.count - 1, level))]
        }.joined()
    }

    /// Returns a bar of `fraction` of `width` cells.
    static func bar(_ fraction: Double, width: Int, charset: TerminalSanitizer.Options.Charset) -> String {
        let cells = Int((max(0, min(1, fraction)) * Double(width)).rounded())
        let block = charset == .ascii ? "#" : "█"
        return String(repeating: block, count: fraction > 0 ? max(1, cells) : 0)
    }
}
