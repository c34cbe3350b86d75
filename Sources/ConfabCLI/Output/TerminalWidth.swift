/// The width that help and tables are laid out for.
public enum TerminalWidth {
    /// The width when neither `COLUMNS` nor the terminal gives one, as for a pipe or a file.
    public static let fallback = 80
    /// Narrower widths are raised to this, because help cannot be laid out in fewer columns.
    public static let minimum = 20

    /// Returns the width in columns from the `COLUMNS` environment variable when it is a positive
    /// number, else from the terminal behind `sink`, else `fallback`.
    public static func resolve(environment: [String: String], sink: OutputSink) -> Int {
        resolve(columnsVariable: environment["COLUMNS"], terminalColumns: sink.terminalColumns)
    }

    static func resolve(columnsVariable: String?, terminalColumns: Int?) -> Int {
        let columns: Int
        if let columnsVariable, let value = Int(columnsVariable.trimmingASCIISpaces()), value > 0 {
            columns = value
        } else if let terminalColumns, terminalColumns > 0 {
            columns = terminalColumns
        } else {
            columns = fallback
        }
        return max(columns, minimum)
    }
}

extension String {
    fileprivate func trimmingASCIISpaces() -> Substring {
        var text = self[...]
        while text.first == " " {
            text = text.dropFirst()
        }
        while text.last == " " {
            text = text.dropLast()
        }
        return text
    }
}
