/// Numbers as people read them in tables, reports and status lines, the same in the CLI and the
/// console.
public enum NumberText {
    /// Returns `value` with commas between groups of three digits: `1,066,013`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                result.append(",")
            }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Returns a size in binary units with one decimal: `512 B`, `1.5 KiB`, `42.0 MiB`.
    public static func binaryBytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
