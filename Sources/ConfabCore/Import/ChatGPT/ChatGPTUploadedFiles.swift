/// The files listed in a ChatGPT message's `metadata.attachments`:
/// `[{id, name, size, mime_type}]`, the uploads of a user turn.
enum ChatGPTUploadedFiles {
    /// Adds the uploads to `content`. An upload whose id ends an asset pointer already in the
    /// content (`file-service://file-abc` for id `file-abc`) only fills in that attachment's
    /// name, type and size. Any other upload gets its own attachment, and a placeholder line
    /// before the text.
    static func merge(_ metadata: JSONObject?, into content: inout ChatGPTContent) {
        guard case let .array(uploads)? = metadata?["attachments"] else { return }

        var placeholders: [String] = []
        for case let .object(upload) in uploads {
            let name = upload["name"]?.stringValue
            let mimeType = upload["mime_type"]?.stringValue
            let size = upload["size"]?.intValue
            let id = upload["id"]?.stringValue

            if let id, !id.isEmpty, let index = content.attachments.firstIndex(where: { $0.reference?.hasSuffix(id) == true }) {
                content.attachments[index].name = content.attachments[index].name ?? name
                content.attachments[index].mimeType = content.attachments[index].mimeType ?? mimeType
                content.attachments[index].sizeBytes = content.attachments[index].sizeBytes ?? size
                continue
            }

            content.attachments.append(ImportedAttachment(name: name, mimeType: mimeType, sizeBytes: size, reference: id))
            let isImage = mimeType?.hasPrefix("image/") == true
            placeholders.append(isImage ? Placeholder.image(name) : Placeholder.file(name))
        }

        if !placeholders.isEmpty {
            content.text = (placeholders + [content.text]).filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }
}
