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
        NumberText.binaryBytes(bytes)
    }

    /// Groups thousands with commas: 1,234,567.
    static func count(_ value: Int) -> String {
        NumberText.grouped(value)
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
