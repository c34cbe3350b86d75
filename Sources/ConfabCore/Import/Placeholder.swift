/// The bracketed text that stands in a turn's display text for content Confab does not render.
///
/// Every importer uses these, so the console and search see one vocabulary: `[image: chart.png]`,
/// `[audio]`, `[file: notes.pdf]`, `[unsupported content: computer_output]`.
public enum Placeholder {
    public static func image(_ name: String? = nil) -> String {
        labelled("image", name)
    }

    public static func audio(_ name: String? = nil) -> String {
        labelled("audio", name)
    }

    public static func video(_ name: String? = nil) -> String {
        labelled("video", name)
    }

    public static func file(_ name: String? = nil) -> String {
        labelled("file", name)
    }

    /// A content type the importer does not render; its payload is kept raw on the turn.
    public static func unsupported(_ contentType: String) -> String {
        labelled("unsupported content", contentType)
    }

    private static func labelled(_ label: String, _ detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return "[\(label)]" }
        return "[\(label): \(detail)]"
    }
}
