import ConfabCore

/// The characters of bar charts and sparklines, in Unicode or in ASCII.
///
/// Unicode bars use the left eighth blocks U+258F–U+2588, so a bar's length has a resolution
/// of an eighth of a cell; sparklines use the lower eighth blocks U+2581–U+2588. ASCII bars are
/// whole cells of `#` with `=` for a remainder of half a cell or more, and ASCII sparklines use
/// eight characters of rising ink.
struct AnalyticsChartGlyphs {
    let charset: TerminalSanitizer.Options.Charset

    private static let leftEighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let lowerEighths = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    private static let asciiLevels = ["_", ".", "-", ":", "=", "+", "*", "#"]

    /// Returns a bar of `fraction` (0…1) of `width` cells. A value above zero always shows at
    /// least an eighth of a cell, so small groups do not look empty.
    func bar(fraction: Double, width: Int) -> String {
        guard width > 0, fraction > 0 else { return "" }
        let eighths = max(1, Int((min(1, fraction) * Double(width * 8)).rounded()))
        let full = eighths / 8
        let remainder = eighths % 8
        if charset == .ascii {
            return String(repeating: "#", count: full) + (remainder >= 4 ? "=" : (full == 0 ? "=" : ""))
        }
        return String(repeating: "█", count: full) + AnalyticsChartGlyphs.leftEighths[remainder]
    }

    /// Returns one cell per value, its height scaled to the largest value. Nil values (no data)
    /// are blank; zero is the lowest level.
    func sparkline(_ values: [Double?]) -> String {
        let largest = values.compactMap { $0 }.max() ?? 0
        let levels = charset == .ascii ? AnalyticsChartGlyphs.asciiLevels : AnalyticsChartGlyphs.lowerEighths
        return values.map { value -> String in
            guard let value else { return " " }
            guard largest > 0 else { return levels[0] }
            let level = Int((value / largest * Double(levels.count - 1)).rounded())
            return levels[max(0, min(levels.count - 1, level))]
        }.joined()
    }
}
