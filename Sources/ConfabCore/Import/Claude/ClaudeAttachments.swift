/// The files of a Claude message: `attachments[]` (`{file_name, file_size, file_type,
/// extracted_content}`, text the export extracted from an upload) and `files[]` (`{file_name}` or
/// `{file_kind, file_uuid, …}`, with no content).
struct ClaudeAttachments: Equatable {
    var attachments: [ImportedAttachment] = []
    /// One placeholder per file, in message order.
    var placeholders: [String] = []
    /// The `attachments[]` entries that carry extracted text, kept raw because the display text
    /// shows only a placeholder.
    var rawWithContent: [JSONValue] = []

    init(message: JSONObject) {
        var names = Set<String>()
        for case let .object(entry) in message["attachments"]?.arrayValue ?? [] {
            let name = entry["file_name"]?.stringValue ?? ""
            let fileType = entry["file_type"]?.stringValue
            attachments.append(ImportedAttachment(
                name: name.isEmpty ? nil : name,
                // `file_type` is a MIME type in newer exports and an extension such as `txt` in older ones.
                mimeType: fileType.flatMap { $0.contains("/") ? $0 : nil },
                sizeBytes: entry["file_size"]?.intValue,
                reference: entry["id"]?.stringValue))
            placeholders.append(Placeholder.file(name))
            names.insert(name)
            if let content = entry["extracted_content"]?.stringValue, !content.isEmpty {
                rawWithContent.append(.object(entry))
            }
        }

        // The same upload can be listed in both arrays; a file named in `attachments` is not repeated.
        for case let .object(entry) in message["files"]?.arrayValue ?? [] {
            let name = entry["file_name"]?.stringValue ?? ""
            if !name.isEmpty && names.contains(name) {
                continue
            }
            attachments.append(ImportedAttachment(name: name.isEmpty ? nil : name, reference: entry["file_uuid"]?.stringValue))
            let isImage = entry["file_kind"]?.stringValue == "image"
            placeholders.append(isImage ? Placeholder.image(name) : Placeholder.file(name))
        }
    }
}
